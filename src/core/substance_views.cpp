#include "bilan/substance_views.hpp"

#include "bilan/json.hpp"
#include "bilan/views.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace bilan {
namespace {

// A person's text in one line of a list: controls a hand edit left never reach the terminal.
std::string one_line(std::string_view text) {
    return visible_line(text);
}

std::string date_or_blank(const std::optional<Date>& date, bool month = false) {
    if (!date) return "";
    return month ? iso_month(*date) : date->iso();
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

// The term tables label groups ("savoirs", "centres d'intérêt", for the document's headings);
// a row shows one record, so it takes the singular, short enough for a column.
std::string_view row_label(std::span<const Term> terms, std::string_view key) {
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 9> singular{{
        {"savoir", "savoir"},
        {"savoir-faire", "savoir-faire"},
        {"savoir-etre", "savoir-être"},
        {"valeur", "valeur"},
        {"motivation", "motivation"},
        {"interet", "intérêt"},
        {"critere", "critère"},
        {"concession", "concession"},
        {"personnalite", "personnalité"},
    }};
    if (!find_term(terms, key)) return key; // not ours (a hand-edited file): as written
    for (const auto& [k, label] : singular)
        if (k == key) return label;
    return term_label(terms, key);
}

// Skills in the document's order of types (savoir, savoir-faire, savoir-être), each type kept
// in the order it was loaded (domain, then text).
std::vector<Skill> in_type_order(std::vector<Skill> skills) {
    const auto types = skill_types();
    auto rank = [&](const Skill& k) {
        return std::find_if(types.begin(), types.end(),
                            [&](const Term& t) { return t.key == k.type; }) -
               types.begin();
    };
    std::stable_sort(skills.begin(), skills.end(),
                     [&](const Skill& a, const Skill& b) { return rank(a) < rank(b); });
    return skills;
}

} // namespace

std::string skills_table(const std::vector<Skill>& skills) {
    std::vector<std::vector<std::string>> rows;
    for (const Skill& k : in_type_order(skills))
        rows.push_back({k.id, std::string(row_label(skill_types(), k.type)), one_line(k.domain),
                        k.transferable ? "↗" : "", one_line(k.text)});
    return aligned_rows(rows);
}

std::string skills_json(const std::vector<Skill>& skills) {
    return list_json("skills", in_type_order(skills), [](JsonWriter& json, const Skill& k) {
        // `source` is the free text of --source, `experience` the id --experience linked:
        // text is never taken for an id.
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
    std::vector<std::vector<std::string>> rows;
    for (const Experience& e : experiences)
        rows.push_back({e.id, std::string(term_label(experience_kinds(), e.kind)),
                        e.from || e.to ? pad_right(date_or_blank(e.from, e.from_month), 10) +
                                             " → " + date_or_blank(e.to, e.to_month)
                                       : std::string(),
                        one_line(e.title) + (e.org.empty() ? "" : " (" + one_line(e.org) + ")")});
    return aligned_rows(rows);
}

std::string experiences_json(const std::vector<Experience>& experiences) {
    return list_json("experiences", experiences, [](JsonWriter& json, const Experience& e) {
        json.field("title", e.title)
            .field("kind", e.kind)
            .text_or_null("org", e.org)
            .field("from", e.from_month ? std::optional(iso_month(*e.from))
                           : e.from     ? std::optional(e.from->iso())
                                        : std::nullopt)
            .field("to", e.to_month ? std::optional(iso_month(*e.to))
                         : e.to     ? std::optional(e.to->iso())
                                    : std::nullopt)
            .text_or_null("note", e.note);
    });
}

std::string traits_table(const std::vector<Trait>& traits) {
    std::vector<std::vector<std::string>> rows;
    for (const Trait& t : traits)
        rows.push_back({t.id, std::string(row_label(trait_kinds(), t.kind)), one_line(t.text)});
    return aligned_rows(rows);
}

std::string traits_json(const std::vector<Trait>& traits) {
    return list_json("traits", traits, [](JsonWriter& json, const Trait& t) {
        json.field("text", t.text).field("kind", t.kind).text_or_null("note", t.note);
    });
}

std::string tests_table(const std::vector<TestResult>& tests) {
    std::vector<std::vector<std::string>> rows;
    for (const TestResult& t : tests)
        rows.push_back({t.id, t.date.iso(), one_line(t.instrument) + " : " + one_line(t.result)});
    return aligned_rows(rows);
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
    std::vector<std::vector<std::string>> rows;
    for (const Piste& p : pistes) {
        const std::string decision = p.decision.empty()
                                         ? "à l'étude"
                                         : std::string(term_label(piste_decisions(), p.decision));
        rows.push_back({p.id, decision, "envie " + rating(p.desire),
                        "faisabilité " + rating(p.feasibility),
                        counted(static_cast<int>(p.surveys.size()), "enquête", "enquêtes"),
                        one_line(p.title)});
    }
    return aligned_rows(rows);
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
    std::vector<std::vector<std::string>> rows;
    for (const Action& a : actions)
        rows.push_back({a.id, a.done ? "[x]" : "[ ]",
                        std::string(term_label(action_horizons(), a.horizon)),
                        a.due ? "avant le " + a.due->iso() : "", one_line(a.text)});
    return aligned_rows(rows);
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
