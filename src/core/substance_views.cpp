#include "bilan/substance_views.hpp"

#include "bilan/json.hpp"
#include "bilan/views.hpp"

namespace bilan {
namespace {

std::string one_line(std::string_view text) {
    std::string out;
    for (const char c : text)
        out += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
    return out;
}

// Joins the non-empty cells of a table row with two spaces, trailing blanks dropped.
std::string row(std::initializer_list<std::string> cells) {
    std::string line;
    for (const std::string& cell : cells)
        line += cell + "  ";
    while (!line.empty() && line.back() == ' ')
        line.pop_back();
    return line + "\n";
}

std::string date_or_blank(const std::optional<Date>& date) {
    return date ? date->iso() : "";
}

template <typename Record, typename Write>
std::string list_json(std::string_view plural, const std::vector<Record>& records, Write write) {
    JsonWriter json;
    json.begin_object().field("schema", 1).key(plural).begin_array();
    for (const Record& record : records) {
        json.begin_object().field("id", record.id);
        write(json, record);
        json.end_object();
    }
    json.end_array().end_object();
    return json.str();
}

std::string rating(const std::optional<int>& n) {
    return n ? std::to_string(*n) + "/5" : "–";
}

} // namespace

std::string skills_table(const std::vector<Skill>& skills) {
    std::string out;
    for (const Skill& k : skills)
        out +=
            row({k.id, pad_right(term_label(skill_types(), k.type), 12),
                 pad_right(one_line(k.domain), 16), k.transferable ? "↗" : " ", one_line(k.text)});
    return out;
}

std::string skills_json(const std::vector<Skill>& skills) {
    return list_json("skills", skills, [](JsonWriter& json, const Skill& k) {
        json.field("type", k.type)
            .field("text", k.text)
            .text_or_null("domain", k.domain)
            .text_or_null("source", k.source)
            .text_or_null("experience", k.experience)
            .text_or_null("evidence", k.evidence)
            .field("transferable", k.transferable);
    });
}

std::string experiences_table(const std::vector<Experience>& experiences) {
    std::string out;
    for (const Experience& e : experiences)
        out +=
            row({e.id, pad_right(term_label(experience_kinds(), e.kind), 10),
                 pad_right(date_or_blank(e.from), 10) + " → " + pad_right(date_or_blank(e.to), 10),
                 one_line(e.title) + (e.org.empty() ? "" : " (" + one_line(e.org) + ")")});
    return out;
}

std::string experiences_json(const std::vector<Experience>& experiences) {
    return list_json("experiences", experiences, [](JsonWriter& json, const Experience& e) {
        json.field("title", e.title)
            .field("kind", e.kind)
            .text_or_null("org", e.org)
            .field("from", e.from)
            .field("to", e.to)
            .text_or_null("note", e.note);
    });
}

std::string traits_table(const std::vector<Trait>& traits) {
    std::string out;
    for (const Trait& t : traits)
        out += row({t.id, pad_right(t.kind, 12), one_line(t.text)});
    return out;
}

std::string traits_json(const std::vector<Trait>& traits) {
    return list_json("traits", traits, [](JsonWriter& json, const Trait& t) {
        json.field("text", t.text).field("kind", t.kind).text_or_null("note", t.note);
    });
}

std::string tests_table(const std::vector<TestResult>& tests) {
    std::string out;
    for (const TestResult& t : tests)
        out += row({t.id, t.date.iso(), one_line(t.instrument) + " : " + one_line(t.result)});
    return out;
}

std::string tests_json(const std::vector<TestResult>& tests) {
    return list_json("tests", tests, [](JsonWriter& json, const TestResult& t) {
        json.field("instrument", t.instrument)
            .field("date", t.date)
            .field("result", t.result)
            .text_or_null("note", t.note);
    });
}

std::string pistes_table(const std::vector<Piste>& pistes) {
    std::string out;
    for (const Piste& p : pistes) {
        const std::string decision = p.decision.empty()
                                         ? "à l'étude"
                                         : std::string(term_label(piste_decisions(), p.decision));
        out += row({p.id, pad_right(decision, 10), "envie " + rating(p.desire),
                    "faisabilité " + rating(p.feasibility),
                    std::to_string(p.surveys.size()) + " enquête(s)", one_line(p.title)});
    }
    return out;
}

std::string pistes_json(const std::vector<Piste>& pistes) {
    return list_json("pistes", pistes, [](JsonWriter& json, const Piste& p) {
        json.field("title", p.title)
            .field("desire", p.desire)
            .field("feasibility", p.feasibility)
            .field("for", p.favourable)
            .field("against", p.unfavourable);
        json.key("surveys").begin_array();
        for (const Survey& s : p.surveys)
            json.begin_object()
                .field("date", s.date)
                .field("with", s.with)
                .text_or_null("note", s.note)
                .end_object();
        json.end_array().text_or_null("decision", p.decision).text_or_null("why", p.why);
    });
}

std::string actions_table(const std::vector<Action>& actions) {
    std::string out;
    for (const Action& a : actions)
        out += row({a.id, a.done ? "[x]" : "[ ]",
                    pad_right(term_label(action_horizons(), a.horizon), 11),
                    pad_right(a.due ? "avant le " + a.due->iso() : "", 19), one_line(a.text)});
    return out;
}

std::string actions_json(const std::vector<Action>& actions) {
    return list_json("actions", actions, [](JsonWriter& json, const Action& a) {
        json.field("text", a.text)
            .field("horizon", a.horizon)
            .field("due", a.due)
            .field("done", a.done);
    });
}

std::string project_text(const Project& project, const std::vector<Piste>& pistes) {
    auto line = [](std::string_view label, const std::string& text) {
        return pad_right(label, 22) + (text.empty() ? "—" : one_line(text)) + "\n";
    };
    std::string out = line("Projet", project.title) + line("Projet de formation", project.training);
    out += "Points forts\n";
    for (const auto& s : project.strengths)
        out += "  + " + one_line(s) + "\n";
    out += "Points de vigilance\n";
    for (const auto& w : project.watch)
        out += "  ! " + one_line(w) + "\n";
    out += "Plan B\n";
    for (const Piste& p : pistes)
        if (p.decision == "backup") out += "  " + p.id + "  " + one_line(p.title) + "\n";
    return out;
}

std::string project_json(const Project& project, const std::vector<Piste>& pistes) {
    JsonWriter json;
    json.begin_object().field("schema", 1).key("project").begin_object();
    json.text_or_null("title", project.title)
        .text_or_null("training", project.training)
        .field("strength", project.strengths)
        .field("watch", project.watch)
        .key("backup")
        .begin_array();
    for (const Piste& p : pistes)
        if (p.decision == "backup")
            json.begin_object().field("id", p.id).field("title", p.title).end_object();
    json.end_array().end_object().end_object();
    return json.str();
}

} // namespace bilan
