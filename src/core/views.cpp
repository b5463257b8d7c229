#include "bilan/views.hpp"

#include "bilan/edof_rules.hpp"
#include "bilan/evaluations.hpp"
#include "bilan/json.hpp"
#include "bilan/rules.hpp"

#include <algorithm>
#include <map>

namespace bilan {

// ---- terminal text helpers ----------------------------------------------------------------

namespace {
std::string wrap(bool on, const char* code, std::string_view text) {
    if (!on) return std::string(text);
    return std::string("\x1b[") + code + "m" + std::string(text) + "\x1b[0m";
}
} // namespace

std::string Style::bold(std::string_view text) const {
    return wrap(on, "1", text);
}
std::string Style::dim(std::string_view text) const {
    return wrap(on, "2", text);
}
std::string Style::good(std::string_view text) const {
    return wrap(on, "32", text);
}
std::string Style::warn(std::string_view text) const {
    return wrap(on, "33", text);
}

std::size_t display_width(std::string_view text) {
    std::size_t width = 0;
    for (const char c : text)
        if ((static_cast<unsigned char>(c) & 0xc0) != 0x80) ++width;
    return width;
}

std::string pad_right(std::string_view text, std::size_t width) {
    const std::size_t w = display_width(text);
    return std::string(text) + std::string(w < width ? width - w : 0, ' ');
}

std::string pad_left(std::string_view text, std::size_t width) {
    const std::size_t w = display_width(text);
    return std::string(w < width ? width - w : 0, ' ') + std::string(text);
}

std::string counted(int count, std::string_view singular, std::string_view plural) {
    return std::to_string(count) + " " + std::string(count > 1 ? plural : singular);
}

std::string aligned_rows(const std::vector<std::vector<std::string>>& raw_rows,
                         std::string_view align) {
    // Every cell, whatever its source (a term a hand edit wrote is shown as written): no
    // control character reaches the terminal.
    std::vector<std::vector<std::string>> rows(raw_rows.size());
    for (std::size_t r = 0; r < raw_rows.size(); ++r)
        for (const std::string& cell : raw_rows[r])
            rows[r].push_back(visible_line(cell));
    std::vector<std::size_t> widths;
    for (const auto& cells : rows) {
        if (widths.size() < cells.size()) widths.resize(cells.size(), 0);
        for (std::size_t i = 0; i < cells.size(); ++i)
            widths[i] = std::max(widths[i], display_width(cells[i]));
    }
    std::string out;
    for (const auto& cells : rows) {
        std::string line;
        for (std::size_t i = 0; i < cells.size(); ++i) {
            if (widths[i] == 0) continue; // empty on every row: no blank column
            if (!line.empty()) line += "  ";
            line += i < align.size() && align[i] == 'r' ? pad_left(cells[i], widths[i])
                                                        : pad_right(cells[i], widths[i]);
        }
        while (!line.empty() && line.back() == ' ')
            line.pop_back();
        out += line + "\n";
    }
    return out;
}

namespace {

// A person's text in one line of a list: controls a hand edit left never reach the terminal.
std::string one_line(std::string_view text) {
    return visible_line(text);
}

std::string bar(int done, int target, int cells) {
    if (target <= 0) return std::string();
    const int filled = std::min(cells, static_cast<int>(std::int64_t{done} * cells / target));
    std::string out;
    for (int i = 0; i < cells; ++i)
        out += i < filled ? "█" : "░";
    return out;
}

std::string minutes_or_dash(int minutes) {
    return minutes ? format_minutes(minutes) : "—";
}

// A phase without target has no bar, a total without note no note: whatever the layout left
// at the end of a line goes, so that no line of the output ends with a space.
std::string without_trailing_spaces(std::string_view text) {
    std::string out;
    std::size_t line_start = 0;
    for (const char c : text) {
        if (c == '\n') {
            while (out.size() > line_start && out.back() == ' ')
                out.pop_back();
            out += c;
            line_start = out.size();
        } else {
            out += c;
        }
    }
    return out;
}

} // namespace

// ---- sessions ----------------------------------------------------------------------------

namespace {

// "preuve : feuille d'émargement (scan-0309.pdf), journal de connexion": how the attendance
// is proved, in the order it was recorded.
std::string evidence_cell(const std::vector<Evidence>& evidence) {
    std::string cell;
    for (const Evidence& e : evidence)
        cell += (cell.empty() ? "" : ", ") + std::string(term_label(evidence_kinds(), e.kind)) +
                (e.ref.empty() ? "" : " (" + one_line(e.ref) + ")");
    return cell.empty() ? cell : "preuve : " + cell;
}

// Nothing for a session held, as for one in person: what is usual goes without saying.
std::string state_cell(const Session& s) {
    if (s.held()) return {};
    std::string cell(term_label(session_states(), s.state));
    if (!s.motif.empty()) cell += " (" + std::string(s.motif) + ")";
    return cell;
}

std::string session_rows(const std::vector<Session>& sessions, const Framework* framework) {
    std::vector<std::vector<std::string>> rows;
    for (const Session& s : sessions) {
        const Phase* phase = framework ? framework->find_phase(s.phase) : nullptr;
        rows.push_back({s.id, s.date.iso(), one_line(phase ? phase->label : s.phase),
                        format_minutes(s.minutes), std::string(term_label(session_kinds(), s.kind)),
                        s.mode == "distance" ? std::string(term_label(session_modes(), s.mode))
                                             : std::string(),
                        s.from && s.to ? s.from->text() + "–" + s.to->text() : std::string(),
                        state_cell(s), evidence_cell(s.evidence), one_line(s.note)});
    }
    return aligned_rows(rows, "lllr");
}

} // namespace

std::string sessions_table(const std::vector<Session>& sessions, const Framework& framework) {
    return session_rows(sessions, &framework);
}

std::string sessions_table(const std::vector<Session>& sessions) {
    return session_rows(sessions, nullptr);
}

std::string sessions_json(const std::vector<Session>& sessions) {
    JsonWriter json;
    json.begin_object().field("schema", 1).key("sessions").begin_array();
    for (const Session& s : sessions) {
        json.begin_object()
            .field("id", s.id)
            .field("date", s.date)
            .field("phase", s.phase)
            .field("minutes", s.minutes)
            .field("kind", s.kind)
            .field("mode", s.mode);
        json.key("from");
        s.from ? json.value(s.from->text()) : json.null();
        json.key("to");
        s.to ? json.value(s.to->text()) : json.null();
        json.text_or_null("note", s.note);
        json.field("state", s.state).text_or_null("motif", s.motif);
        json.key("evidence").begin_array();
        for (const Evidence& e : s.evidence) {
            json.begin_object().field("kind", e.kind).text_or_null("ref", e.ref);
            if (e.kind == "email") // what was kept of the reply: its headers and its hash
                json.text_or_null("from", e.from)
                    .text_or_null("date", e.sent)
                    .text_or_null("message_id", e.message_id)
                    .text_or_null("dkim", e.dkim)
                    .text_or_null("received", e.received)
                    .field("sha256", e.sha256);
            json.end_object();
        }
        json.end_array();
        // Last: what scripts read of the earlier keys keeps its place.
        json.text_or_null("lieu", s.place).text_or_null("lien", s.link);
        json.text_or_null("convocation", s.convocation_drafted ? s.convocation_drafted->iso() : "");
        json.text_or_null("rappel", s.reminder_drafted ? s.reminder_drafted->iso() : "");
        json.end_object();
    }
    json.end_array().end_object();
    return json.str();
}

// ---- status ------------------------------------------------------------------------------

std::string_view followup_source(const Framework& framework) {
    if (framework.name == "be")
        return "dispositif des fonds sociaux du non-marchand (APEF–FE.BI) : premier suivi dans "
               "les 6 mois";
    return "usage : environ six mois après la fin, aucun texte n'en fixe la date";
}

// The evaluations are Qualiopi's in France; a Belgian bilan cites no French body (issue 26,
// item 4): they are the practice's own quality step there.
std::string_view evaluation_source(const Framework& framework, std::string_view french) {
    if (framework.name == "be") return "pratique du cabinet : évaluation de la satisfaction";
    return french;
}

std::optional<Date> followup_due(const Framework& framework, const BilanRecord& bilan) {
    if (!framework.followup_months || !bilan.end) return std::nullopt;
    const Date due = bilan.end->plus_months(*framework.followup_months);
    if (!deadline_stands(bilan, due)) return std::nullopt; // abandoned: no follow-up is owed
    return due;
}

namespace {

struct SubstanceCounts {
    std::map<std::string, int> skills_by_type;
    std::map<std::string, int> pistes_by_decision; // "" = still open
    int open_actions = 0, done_actions = 0;
};

SubstanceCounts count_substance(const Folder& folder) {
    SubstanceCounts counts;
    for (const Skill& k : folder.skills)
        ++counts.skills_by_type[k.type];
    for (const Piste& p : folder.pistes)
        ++counts.pistes_by_decision[p.decision];
    for (const Action& a : folder.actions)
        ++(a.done ? counts.done_actions : counts.open_actions);
    return counts;
}

std::string header_lines(const Framework& framework, const BilanRecord& b, const Style& style) {
    std::string out =
        style.bold(one_line(b.beneficiary)) + " — " + one_line(framework.label) + "\n";
    std::vector<std::string> facts;
    if (b.start)
        facts.push_back("du " + b.start->french() +
                        (abandoned_bilan(b) ? ", abandonné le " + b.abandoned->french()
                         : b.end            ? " au " + b.end->french()
                                            : " (en cours)"));
    if (!b.funding.empty()) facts.push_back(framework.funding_label(b.funding));
    if (!b.counsellor.empty()) facts.push_back(b.counsellor);
    if (!b.organisation.empty()) facts.push_back(b.organisation);
    std::string line;
    for (const auto& fact : facts)
        line += (line.empty() ? "" : " · ") + one_line(fact);
    if (!line.empty()) out += style.dim(line) + "\n";
    return out + "\n";
}

std::string phase_lines(const HourReport& report, const Style& style) {
    std::size_t label_width = 5;
    for (const auto& p : report.phases)
        label_width = std::max(label_width, display_width(one_line(p.phase->label)));
    // The planned hours beside those done, once a session is planned.
    const bool planned = std::any_of(report.phases.begin(), report.phases.end(),
                                     [](const PhaseProgress& p) { return p.planned_minutes > 0; });
    std::string out = style.bold(pad_right("Phase", label_width) + "   Fait" +
                                 (planned ? "  Prévu" : "") + "  Cible  Reste") +
                      "\n";
    for (const auto& p : report.phases) {
        const int target = p.phase->target_minutes;
        std::string line = pad_right(one_line(p.phase->label), label_width) + " " +
                           pad_left(minutes_or_dash(p.done_minutes), 6) + " " +
                           (planned ? pad_left(minutes_or_dash(p.planned_minutes), 6) + " " : "") +
                           pad_left(minutes_or_dash(target), 6) + " " +
                           pad_left(minutes_or_dash(p.remaining_minutes()), 6) + "  ";
        std::string cells = bar(p.done_minutes, target, 20);
        line += p.done_minutes >= target && target > 0 ? style.good(cells) : cells;
        if (target > 0)
            line += pad_left(std::to_string(std::int64_t{p.done_minutes} * 100 / target) + " %", 6);
        if (!p.phase->counted) line += style.dim("  hors bilan");
        out += line + "\n";
    }
    return out + "\n";
}

std::string totals_lines(const Framework& fw, const HourReport& r, const Style& style) {
    auto row = [](std::string_view label, int minutes, std::string_view rest) {
        return pad_right(label, 38) + pad_left(format_minutes(minutes), 7) +
               (rest.empty() ? "" : "  " + std::string(rest)) + "\n";
    };
    std::string floor_note, cap_note;
    if (fw.floor_minutes) {
        floor_note = "plancher " + format_minutes(*fw.floor_minutes);
        floor_note = r.floor_counted_minutes >= *fw.floor_minutes
                         ? style.good(floor_note + " atteint")
                         : floor_note;
    }
    if (fw.cap_minutes) {
        const int left = *fw.cap_minutes - r.counted_minutes;
        cap_note = "plafond " + format_minutes(*fw.cap_minutes) +
                   (left >= 0 ? ", reste " + minutes_or_dash(left) : style.warn(", dépassé"));
    }
    return row("Accompagnement effectif", r.accompaniment_minutes, floor_note) +
           row("Travail personnel (enquêtes, travail)", r.personal_minutes, "") +
           row("Total compté dans le bilan", r.counted_minutes, cap_note);
}

std::string substance_lines(const Folder& folder, const Style& style) {
    const SubstanceCounts c = count_substance(folder);
    auto n = [](const std::map<std::string, int>& m, const std::string& k) {
        auto it = m.find(k);
        return it == m.end() ? 0 : it->second;
    };
    auto size = [](const auto& list) { return static_cast<int>(list.size()); };
    std::string out = "\n" + style.bold("Contenu") + "\n";
    out += "  Compétences : " + counted(n(c.skills_by_type, "savoir"), "savoir", "savoirs") + ", " +
           counted(n(c.skills_by_type, "savoir-faire"), "savoir-faire", "savoir-faire") + ", " +
           counted(n(c.skills_by_type, "savoir-etre"), "savoir-être", "savoir-être") + "\n";
    out += "  Parcours : " + counted(size(folder.experiences), "expérience", "expériences") +
           " · caractéristiques : " + std::to_string(folder.traits.size()) +
           " · tests : " + std::to_string(folder.tests.size()) + "\n";
    out += "  Pistes : " + std::to_string(folder.pistes.size()) + " (" +
           counted(n(c.pistes_by_decision, "retained"), "retenue", "retenues") + ", " +
           std::to_string(n(c.pistes_by_decision, "backup")) + " plan B, " +
           counted(n(c.pistes_by_decision, "dropped"), "abandonnée", "abandonnées") + ", " +
           std::to_string(n(c.pistes_by_decision, "")) + " à l'étude)\n";
    out += "  Projet : " +
           (folder.project.title.empty() ? std::string("non défini")
                                         : one_line(folder.project.title)) +
           "\n";
    out += "  Plan d'action : " + std::to_string(c.open_actions) + " à faire, " +
           counted(c.done_actions, "faite", "faites") + "\n";
    return out;
}

} // namespace

namespace {
// The first planned session from `today` on, if any.
const Session* next_planned(const Folder& folder, const Date& today) {
    for (const Session& s : folder.unheld_sessions) // in date order
        if (s.state == "prevue" && !(s.date < today)) return &s;
    return nullptr;
}

// The framework's warnings, then those of the proof of service.
HourReport status_report(const Framework& framework, const Folder& folder, const Date& today) {
    HourReport report = hour_report(framework, folder);
    for (Problem& warning : evidence_problems(folder.sessions, today))
        report.warnings.push_back(std::move(warning));
    for (Problem& warning : planned_past_problems(folder.unheld_sessions, today))
        report.warnings.push_back(std::move(warning));
    for (Problem& warning : after_end_warnings(framework, folder, today))
        report.warnings.push_back(std::move(warning));
    return report;
}
} // namespace

std::string status_text(const Framework& framework, const Folder& folder, const Date& today,
                        const Style& style, const SayProblem& say) {
    const HourReport report = status_report(framework, folder, today);
    std::string out = header_lines(framework, folder.bilan, style);
    out += phase_lines(report, style);
    out += totals_lines(framework, report, style);
    if (const std::string end = after_end_lines(framework, folder, today); !end.empty())
        out += "\n" + end;
    if (auto next = next_edof_deadline(framework, folder)) {
        const std::string when = "au plus tard le " + next->date.french();
        out += "\nProchaine échéance : " + std::string(next->rule->label) + " EDOF " +
               (next->date < today ? style.warn(when + ", dépassée") : when) + " (" +
               edof_rule_citation(*next->rule, next->clock_start, next->from_abandonment) + ")\n";
    }
    if (const Session* next = next_planned(folder, today))
        out += "\nProchaine séance prévue : " + next->date.french() +
               (next->from && next->to ? ", " + next->from->text() + "–" + next->to->text()
                                       : ", " + format_minutes(next->minutes)) +
               " (" + next->id + ")\n";
    out += substance_lines(folder, style);
    if (!report.warnings.empty()) {
        out += "\n" + style.bold("Avertissements") + "\n";
        for (const auto& warning : report.warnings)
            out += style.warn("  ! " + one_line(say(warning))) + "\n";
    }
    return without_trailing_spaces(out);
}

std::string status_json(const Framework& framework, const Folder& folder, const Date& today,
                        const SayProblem& say) {
    const HourReport report = status_report(framework, folder, today);
    const BilanRecord& b = folder.bilan;
    JsonWriter json;
    json.begin_object()
        .field("schema", 1)
        .field("beneficiary", b.beneficiary)
        .field("framework", framework.name)
        .field("start", b.start)
        .field("end", b.end);
    json.key("phases").begin_array();
    for (const auto& p : report.phases)
        json.begin_object()
            .field("phase", p.phase->key)
            .field("label", p.phase->label)
            .field("counted", p.phase->counted)
            .field("sessions", p.sessions)
            .field("done_minutes", p.done_minutes)
            .field("planned_minutes", p.planned_minutes)
            .field("target_minutes", p.phase->target_minutes)
            .field("remaining_minutes", p.remaining_minutes())
            .end_object();
    json.end_array()
        .field("accompaniment_minutes", report.accompaniment_minutes)
        .field("personal_minutes", report.personal_minutes)
        .field("counted_minutes", report.counted_minutes)
        .field("cap_minutes", framework.cap_minutes)
        .field("floor_minutes", framework.floor_minutes)
        .field("floor_counted_minutes", report.floor_counted_minutes)
        // What the CPF pays for and the certificat de réalisation states (D6323-6, 2026): the
        // accompaniment of the counted phases, as the framework's floor counts it.
        .field("cpf_minutes", report.floor_counted_minutes)
        .field("followup_due", followup_due(framework, b))
        .field("followup_done", followup_session(framework, folder.sessions) != nullptr)
        .field("handover", b.handover)
        .field("abandoned", b.abandoned);
    json.key("next_planned");
    if (const Session* next = next_planned(folder, today))
        json.begin_object().field("id", next->id).field("date", next->date).end_object();
    else
        json.null();
    json.key("next_deadline");
    if (auto next = next_edof_deadline(framework, folder))
        json.begin_object()
            .field("what", next->rule->what)
            .field("date", next->date)
            .field("overdue", next->date < today)
            .end_object();
    else
        json.null();
    SubstanceCounts c = count_substance(folder);
    json.key("substance").begin_object().key("skills").begin_object();
    for (const Term& t : skill_types())
        json.field(t.key, c.skills_by_type[std::string(t.key)]);
    json.end_object().key("pistes").begin_object();
    for (const Term& t : piste_decisions())
        json.field(t.key, c.pistes_by_decision[std::string(t.key)]);
    json.field("open", c.pistes_by_decision[""]).end_object();
    json.field("experiences", static_cast<int>(folder.experiences.size()))
        .field("traits", static_cast<int>(folder.traits.size()))
        .field("tests", static_cast<int>(folder.tests.size()))
        .field("project", !folder.project.title.empty())
        .field("open_actions", c.open_actions)
        .field("done_actions", c.done_actions)
        .end_object();
    std::vector<std::string> warnings;
    std::vector<std::string> codes;
    for (const Problem& warning : report.warnings) {
        warnings.push_back(say(warning));
        codes.push_back(warning.code);
    }
    json.key("warnings").value(warnings).key("warning_codes").value(codes).end_object();
    return json.str();
}

std::string problems_json(const std::vector<Problem>& problems, const SayProblem& say) {
    JsonWriter json;
    json.begin_object().field("schema", 1).key("problems").begin_array();
    for (const Problem& p : problems) {
        json.begin_object();
        if (p.where) {
            json.field("file", p.where->file);
            json.key("line");
            p.where->line > 0 ? json.value(p.where->line) : json.null();
            json.key("column");
            p.where->line > 0 ? json.value(p.where->column) : json.null();
        } else {
            json.key("file").null().key("line").null().key("column").null();
        }
        json.field("message", say(p)).field("code", p.code).end_object();
    }
    json.end_array().end_object();
    return json.str();
}

} // namespace bilan
