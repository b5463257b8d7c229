#include "bilan/controls.hpp"

#include "bilan/calendar.hpp"
#include "bilan/edof_rules.hpp"
#include "bilan/funding.hpp"
#include "bilan/json.hpp"
#include "bilan/practice.hpp"
#include "bilan/practice_report.hpp"
#include "bilan/proof_documents.hpp"
#include "bilan/rules.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <tuple>

namespace bilan {
namespace {

constexpr std::array<std::string_view, 2> a_overlap{"overlap", "chevauchements"};
constexpr std::array<std::string_view, 3> a_holiday{"holiday", "jour-férié", "dimanche"};
constexpr std::array<std::string_view, 1> a_night{"night"};
constexpr std::array<std::string_view, 1> a_untimed{"untimed"};
constexpr std::array<std::string_view, 1> a_unproved{"no-evidence"};
constexpr std::array<std::string_view, 1> a_hours{"hours"};
constexpr std::array<std::string_view, 1> a_cap{"cap"};
constexpr std::array<std::string_view, 1> a_floor{"floor"};
constexpr std::array<std::string_view, 1> a_calendar{"calendar"};
const std::array kinds{
    Term{"chevauchement", "Chevauchements", a_overlap},
    Term{"jour-ferie", "Dimanches et jours fériés", a_holiday},
    Term{"nuit", "Séances de nuit", a_night},
    Term{"sans-horaires", "Séances sans horaires", a_untimed},
    Term{"sans-preuve", "Séances sans preuve de présence", a_unproved},
    Term{"heures-divergentes", "Heures divergentes", a_hours},
    Term{"edof", "Déclarations EDOF", {}},
    Term{"plafond", "Au-delà du plafond", a_cap},
    Term{"plancher", "Sous le plancher", a_floor},
    Term{"calendrier", "Hors calendrier", a_calendar},
};

// The texts the anomalies of this file rest on (those taken from another rule keep its own).
// A provider shows every piece that proves a session took place; without it the session is
// deemed not done and repaid (L6362-6): its times, its evidence, one place at a time.
constexpr std::string_view proof_source = "Code du travail, L6362-6";
constexpr std::string_view sunday_source = "Code du travail, L3132-3"; // le repos dominical
// The night, failing an agreement: 21:00 to 06:00.
constexpr std::string_view night_source = "Code du travail, L3122-20";
constexpr int night_ends = 6 * 60, night_begins = 21 * 60;
constexpr std::string_view convention_source = "R6313-8"; // the convention states the duration
// A `be` bilan speaks Belgian (issue 26): the French texts above are not its law; the
// scheme says nothing of Sundays, nights or proof, so its anomalies cite the controller's
// practice, to be verified.
constexpr std::string_view belgian_source =
    "pratique de contrôle ; le dispositif APEF–FE.BI n'en dit rien (à vérifier)";

// `source` as a `be` bilan may cite it: one of this file's French texts becomes the Belgian
// line; the others (the framework's own rules) already speak for it.
std::string cited(std::string_view source, bool belgian) {
    const bool french_text = source == proof_source || source == sunday_source ||
                             source == night_source || source == convention_source;
    return std::string(belgian && french_text ? belgian_source : source);
}

bool in_year(const Date& date, std::optional<int> year) {
    return !year || date.year == *year;
}

std::string session_file(const std::string& shown, const std::string& id) {
    return shown + "/sessions/" + id + ".toml";
}

// The end of a timed session: its `to`, else its start plus its duration (past midnight: 24:00
// and beyond, which is night anyway).
TimeOfDay end_of(const Session& s) {
    if (s.to) return *s.to;
    const int end = s.from->minutes() + s.minutes;
    return {end / 60, end % 60};
}

Anomaly of_session(std::string kind, const std::string& shown, const Session& s, Problem problem) {
    return {std::move(kind), {shown}, {session_file(shown, s.id)}, s.date, std::move(problem)};
}

Values session_values(const Session& s) {
    return {{"session", s.id}, {"date", s.date.iso()}};
}

// A held session with the counsellor on a Sunday or a public holiday of the practice's
// calendar (the French ones: bilan knows no other country's yet, so a `be` bilan is checked
// for Sundays only), or at night.
void day_and_hour(const Framework& framework, const Folder& folder, const std::string& shown,
                  const Session& s, std::vector<Anomaly>& out) {
    if (iso_weekday(s.date) == 7)
        out.push_back(of_session("jour-ferie", shown, s,
                                 {.code = "controle.sunday",
                                  .record = s.id,
                                  .values = session_values(s),
                                  .source = std::string(sunday_source)}));
    else if (follows_french_funding(framework))
        if (const auto holiday = public_holiday(s.date, folder.holidays))
            out.push_back(of_session("jour-ferie", shown, s,
                                     {.code = "controle.holiday",
                                      .record = s.id,
                                      .values = {{"session", s.id},
                                                 {"date", s.date.iso()},
                                                 {"holiday", std::string(holiday->name)}},
                                      .source = std::string(holiday->source)}));
    if (!s.from) return;
    const TimeOfDay to = end_of(s);
    if (s.from->minutes() < night_ends || to.minutes() > night_begins)
        out.push_back(of_session("nuit", shown, s,
                                 {.code = "controle.night",
                                  .record = s.id,
                                  .values = {{"session", s.id},
                                             {"date", s.date.iso()},
                                             {"from", s.from->text()},
                                             {"to", to.text()}},
                                  .source = std::string(night_source)}));
}

// The proof gaps `status` and `check` warn of (evidence_gaps), one anomaly per session, in the
// same words; of every held session, whatever its day: one marked held ahead of its day is no
// less held for a controller.
void proof_gaps(const Folder& folder, const std::string& shown, std::optional<int> year,
                std::vector<Anomaly>& out) {
    const EvidenceGaps gaps = evidence_gaps(folder.sessions, Date{9999, 12, 31});
    for (const Session* s : gaps.untimed)
        if (in_year(s->date, year))
            out.push_back(
                of_session("sans-horaires", shown, *s,
                           {.code = "attendance.no-times",
                            .record = s->id,
                            .values = session_values(*s),
                            .source = std::string(proof_source),
                            .remedy = Remedy{"session.horaires",
                                             {{"session", s->id}, {"from", {}}, {"to", {}}}}}));
    for (const Session* s : gaps.unproved)
        if (in_year(s->date, year))
            out.push_back(of_session(
                "sans-preuve", shown, *s,
                {.code = "attendance.no-evidence",
                 .record = s->id,
                 .values = session_values(*s),
                 .source = std::string(proof_source),
                 .remedy = Remedy{"session.attest", {{"session", s->id}, {"evidence", {}}}}}));
}

// ---- what the bilan's rules already say ----------------------------------------------------

// The problems of `check` (rule_problems) and warnings of `status` (hour_report) that are a
// controller's anomalies, and their kind. The late declaration is a warning (history), the
// missing one a problem; both are anomalies.
struct FromRule {
    std::string_view code;
    std::string_view kind;
};
constexpr std::array from_check{
    FromRule{"hours.over-cap", "plafond"},
    FromRule{"hours.under-floor-at-end", "plancher"},
    FromRule{"dates.session-outside", "calendrier"},
    FromRule{"edof.undeclared", "edof"},
    FromRule{"edof.entry-before-start", "edof"},
    FromRule{"edof.exit-before-end", "edof"},
    FromRule{"edof.exit-before-abandonment", "edof"},
};
constexpr std::array from_status{
    FromRule{"dates.too-long", "calendrier"},
    FromRule{"edof.declared-late", "edof"},
};

std::optional<Date> value_date(const Problem& p, std::string_view name) {
    const std::string& iso = p.value(name);
    if (iso.size() != 10) return std::nullopt;
    return Date{std::stoi(iso.substr(0, 4)), std::stoi(iso.substr(5, 2)),
                std::stoi(iso.substr(8, 2))};
}

// The file a rule's problem is about, and its day; a figure of the framework (cap, floor,
// length) cites the framework it comes from.
Anomaly of_rule(std::string_view kind, const std::string& shown, const Framework& framework,
                const BilanRecord& bilan, Problem problem) {
    Anomaly a{std::string(kind), {shown}, {}, {}, {}};
    if (!problem.record.empty()) {
        a.records.push_back(session_file(shown, problem.record));
        a.date = value_date(problem, "date");
    } else if (kind == "edof") {
        a.records.push_back(shown + "/edof.toml");
        a.date = value_date(problem, "due");
    } else {
        a.records.push_back(shown + "/bilan.toml");
        a.date = kind == "plafond" ? std::nullopt : bilan.end;
        if (problem.source.empty()) problem.source = "cadre « " + framework.name + " »";
    }
    a.problem = std::move(problem);
    return a;
}

void add_from_rules(std::span<const FromRule> table, std::vector<Problem> problems,
                    const std::string& shown, const Framework& framework, const Folder& folder,
                    std::optional<int> year, std::vector<Anomaly>& out) {
    for (Problem& p : problems) {
        const auto rule = std::find_if(table.begin(), table.end(),
                                       [&](const FromRule& r) { return r.code == p.code; });
        if (rule == table.end()) continue;
        Anomaly a = of_rule(rule->kind, shown, framework, folder.bilan, std::move(p));
        if (a.problem.record.empty() || !a.date || in_year(*a.date, year))
            out.push_back(std::move(a));
    }
}

// ---- what no other rule says ---------------------------------------------------------------

Anomaly of_file(std::string kind, const std::string& shown, std::string_view file,
                std::optional<Date> date, Problem problem) {
    return {std::move(kind), {shown}, {shown + "/" + std::string(file)}, date, std::move(problem)};
}

// The hours realised (the certificat's: accompaniment of the counted phases) against the
// convention's duration (`planned`, 0 when none) and the service fait declared in EDOF. The
// certificat itself is made from the same sessions, and the financing records no hours:
// neither can disagree.
void convention_hours(const Folder& folder, const std::string& shown, int realised, int planned,
                      std::vector<Anomaly>& out) {
    if (planned == 0 || realised == planned) return;
    if (realised < planned && !completed(folder.bilan)) return; // the bilan goes on
    out.push_back(of_file(
        "heures-divergentes", shown, "convention.toml", folder.bilan.end,
        {.code = "controle.hours-convention",
         .values = {{"realised", std::to_string(realised)}, {"duration", std::to_string(planned)}},
         .source = std::string(convention_source)}));
}

void service_fait_hours(const Framework& framework, const Folder& folder, const std::string& shown,
                        int realised, int planned, std::vector<Anomaly>& out) {
    const BilanRecord& b = folder.bilan;
    const EdofFile& e = folder.edof;
    if (!edof_applies(framework, b)) return;
    const std::string source(edof_rule("edof-sortie").source);
    const auto add = [&](std::string code, std::optional<Date> date, Values values) {
        out.push_back(
            of_file("heures-divergentes", shown, "edof.toml", date,
                    {.code = std::move(code), .values = std::move(values), .source = source}));
    };
    const Values hours{{"realised", std::to_string(realised)},
                       {"duration", std::to_string(planned)}};
    if (e.service_fait == "total" && abandoned_bilan(b))
        add("controle.edof-total-abandoned", b.abandoned, {{"abandoned", b.abandoned->iso()}});
    else if (e.service_fait == "total" && planned > 0 && realised < planned)
        add("controle.edof-total-short", e.exit_declared, hours);
    if (e.service_fait != "partiel" || !e.minutes_not_done || planned == 0) return;
    const int not_done = *e.minutes_not_done;
    if (planned - not_done != realised)
        add("controle.edof-partial-hours", e.exit_declared,
            {{"realised", std::to_string(realised)},
             {"declared_minutes", std::to_string(planned - not_done)},
             {"not_done", std::to_string(not_done)},
             {"duration", std::to_string(planned)}});
}

// A CPF session counted before the holder validated the file: the platform pays for nothing
// done before.
void before_validation(const Framework& framework, const Folder& folder, const std::string& shown,
                       std::optional<int> year, std::vector<Anomaly>& out) {
    const std::optional<Date>& validated = folder.edof.validated;
    if (!validated || !edof_applies(framework, folder.bilan)) return;
    for (const Session* s : counted_sessions(framework, folder))
        if (s->date < *validated && in_year(s->date, year))
            out.push_back(of_session("edof", shown, *s,
                                     {.code = "controle.before-validation",
                                      .record = s->id,
                                      .values = {{"session", s->id},
                                                 {"date", s->date.iso()},
                                                 {"validated", validated->iso()}},
                                      .source = std::string(edof_rule("edof-entree").source)}));
}

// A bilan past its calendar: still running past the framework's longest span, or past the end
// of the convention's period; a counted session outside that period.
void calendar_anomalies(const Framework& framework, const Folder& folder, const std::string& shown,
                        const Date& today, std::optional<int> year, std::vector<Anomaly>& out) {
    const BilanRecord& b = folder.bilan;
    const bool over = destruction_end(b).has_value();
    if (framework.max_months && b.start && !over) {
        const Date limit = b.start->plus_months(*framework.max_months);
        if (limit < today)
            out.push_back(of_file("calendrier", shown, "bilan.toml", limit,
                                  {.code = "controle.past-calendar",
                                   .values = {{"start", b.start->iso()},
                                              {"months", std::to_string(*framework.max_months)},
                                              {"limit", limit.iso()}}}));
    }
    const Convention& c = folder.convention;
    if (!c.exists) return;
    if (c.end && ((b.end && *c.end < *b.end) || (!over && *c.end < today)))
        out.push_back(of_file("calendrier", shown, "convention.toml", c.end,
                              {.code = "controle.past-convention",
                               .values = {{"convention_end", c.end->iso()},
                                          {"end", b.end ? b.end->iso() : std::string()}},
                               .source = std::string(convention_source)}));
    for (const Session* s : counted_sessions(framework, folder))
        if (((c.start && s->date < *c.start) || (c.end && *c.end < s->date)) &&
            in_year(s->date, year))
            out.push_back(
                of_session("calendrier", shown, *s,
                           {.code = "controle.outside-convention",
                            .record = s->id,
                            .values = {{"session", s->id},
                                       {"date", s->date.iso()},
                                       {"start", c.start ? c.start->iso() : std::string()},
                                       {"end", c.end ? c.end->iso() : std::string()}},
                            .source = std::string(convention_source)}));
}

} // namespace

std::span<const Term> anomaly_kinds() {
    return kinds;
}

CounsellorSchedule counsellor_schedule(const Folder& folder, const std::string& shown,
                                       std::optional<int> year) {
    CounsellorSchedule schedule{shown, folder.bilan.counsellor, {}, folder.bilan.framework == "be"};
    for (const Session& s : folder.sessions)
        if (held_with_counsellor(s) && s.from && in_year(s.date, year))
            schedule.sessions.push_back({s.id, s.kind, s.date, *s.from, end_of(s)});
    return schedule;
}

std::vector<Anomaly> bilan_anomalies(const Framework& framework, const Folder& folder,
                                     const std::string& shown, const Date& today,
                                     std::optional<int> year) {
    std::vector<Anomaly> out;
    for (const Session& s : folder.sessions) // the held ones
        if (held_with_counsellor(s) && in_year(s.date, year))
            day_and_hour(framework, folder, shown, s, out);
    proof_gaps(folder, shown, year, out);
    before_validation(framework, folder, shown, year, out);
    // The bilan's own anomalies, when it is one of the year's (a counted session in it).
    if (!figures_of(framework, folder, year, today).in_scope) return out;
    const HourReport report = hour_report(framework, folder);
    add_from_rules(from_check, rule_problems(framework, folder, today), shown, framework, folder,
                   year, out);
    add_from_rules(from_status, report.warnings, shown, framework, folder, year, out);
    const Convention& c = folder.convention;
    const int planned = c.exists && c.duration_minutes ? *c.duration_minutes : 0;
    convention_hours(folder, shown, report.floor_counted_minutes, planned, out);
    service_fait_hours(framework, folder, shown, report.floor_counted_minutes, planned, out);
    calendar_anomalies(framework, folder, shown, today, year, out);
    for (Anomaly& anomaly : out)
        anomaly.problem.source = cited(anomaly.problem.source, framework.name == "be");
    return out;
}

namespace {

struct Placed {
    const CounsellorSchedule* schedule;
    const TimedSession* session;
};

// Two sessions of one counsellor at once: two workshops together are one collective session.
bool overlap(const Placed& a, const Placed& b) {
    const bool one_workshop =
        a.session->kind == "atelier" && b.session->kind == "atelier" && a.schedule != b.schedule;
    return !one_workshop && b.session->from < a.session->to;
}

// The two sessions in the order of their folders (then of their start), so that the folders
// read in one order whichever started first.
Anomaly overlap_anomaly(Placed a, Placed b) {
    if (b.schedule->folder < a.schedule->folder) std::swap(a, b);
    const TimedSession& x = *a.session;
    const TimedSession& y = *b.session;
    Anomaly anomaly{"chevauchement", {a.schedule->folder}, {}, x.date, {}};
    if (b.schedule != a.schedule) anomaly.folders.push_back(b.schedule->folder);
    anomaly.records = {session_file(a.schedule->folder, x.id),
                       session_file(b.schedule->folder, y.id)};
    anomaly.problem = {.code = "controle.overlap",
                       .values = {{"counsellor", a.schedule->counsellor},
                                  {"date", x.date.iso()},
                                  {"folder1", a.schedule->folder},
                                  {"session1", x.id},
                                  {"from1", x.from.text()},
                                  {"to1", x.to.text()},
                                  {"folder2", b.schedule->folder},
                                  {"session2", y.id},
                                  {"from2", y.from.text()},
                                  {"to2", y.to.text()}},
                       .source = cited(proof_source, a.schedule->belgian && b.schedule->belgian)};
    return anomaly;
}

} // namespace

std::vector<Anomaly> overlap_anomalies(const std::vector<CounsellorSchedule>& schedules) {
    // Each counsellor's sessions together (a bilan without one: alone), by day and start.
    std::map<std::string, std::vector<Placed>> by_person;
    for (const CounsellorSchedule& schedule : schedules) {
        const std::string person = person_key(schedule.counsellor);
        const std::string key = person.empty() ? "\x01" + schedule.folder : person;
        for (const TimedSession& s : schedule.sessions)
            by_person[key].push_back({&schedule, &s});
    }
    std::vector<Anomaly> out;
    for (auto& [person, placed] : by_person) {
        std::sort(placed.begin(), placed.end(), [](const Placed& a, const Placed& b) {
            return std::tie(a.session->date, a.session->from, a.session->to, a.schedule->folder,
                            a.session->id) < std::tie(b.session->date, b.session->from,
                                                      b.session->to, b.schedule->folder,
                                                      b.session->id);
        });
        // Sorted by start: the sessions after one that start before it ends overlap it; the
        // first that starts later ends the search.
        for (std::size_t i = 0; i < placed.size(); ++i)
            for (std::size_t j = i + 1; j < placed.size(); ++j) {
                const TimedSession& a = *placed[i].session;
                const TimedSession& b = *placed[j].session;
                if (b.date != a.date || !(b.from < a.to)) break;
                if (overlap(placed[i], placed[j]))
                    out.push_back(overlap_anomaly(placed[i], placed[j]));
            }
    }
    return out;
}

namespace {

std::size_t kind_rank(const std::string& kind) {
    for (std::size_t i = 0; i < kinds.size(); ++i)
        if (kinds[i].key == kind) return i;
    return kinds.size();
}

} // namespace

void sort_anomalies(std::vector<Anomaly>& anomalies) {
    const auto values = [](const Anomaly& a) {
        std::vector<std::pair<std::string, std::string>> pairs;
        for (const NamedValue& v : a.problem.values)
            pairs.emplace_back(v.name, v.text);
        return pairs;
    };
    std::stable_sort(anomalies.begin(), anomalies.end(), [&](const Anomaly& a, const Anomaly& b) {
        const std::size_t ka = kind_rank(a.kind), kb = kind_rank(b.kind);
        if (ka != kb) return ka < kb;
        if (a.folders != b.folders) return a.folders < b.folders;
        if (a.date != b.date) return a.date < b.date;
        if (a.records != b.records) return a.records < b.records;
        if (a.problem.code != b.problem.code) return a.problem.code < b.problem.code;
        return values(a) < values(b);
    });
}

std::string anomalies_json(const std::vector<Anomaly>& anomalies,
                           const std::vector<FolderNote>& problems,
                           const std::vector<FolderNote>& notes, const SayProblem& say) {
    JsonWriter json;
    json.begin_object().field("schema", 1).key("anomalies").begin_array();
    for (const Anomaly& a : anomalies)
        json.begin_object()
            .field("kind", a.kind)
            .field("folders", a.folders)
            .field("detail", say(a.problem))
            .field("code", a.problem.code)
            .field("date", a.date)
            .field("records", a.records)
            .text_or_null("source", a.problem.source)
            .end_object();
    json.end_array();
    write_folder_notes(json, "problems", problems);
    write_folder_notes(json, "notes", notes);
    return json.end_object().str();
}

std::string anomalies_text(const std::vector<Anomaly>& anomalies, const SayProblem& say) {
    std::string out;
    for (std::size_t i = 0; i < anomalies.size();) {
        const std::string& kind = anomalies[i].kind;
        std::size_t end = i;
        while (end < anomalies.size() && anomalies[end].kind == kind)
            ++end;
        const Term* term = find_term(kinds, kind);
        out += (out.empty() ? "" : "\n") + std::string("## ") +
               (term ? std::string(term->label) : kind) + " (" + std::to_string(end - i) + ")\n\n";
        for (; i < end; ++i) {
            const Anomaly& a = anomalies[i];
            std::string folders;
            for (const std::string& folder : a.folders)
                folders += (folders.empty() ? "" : ", ") + visible_line(folder);
            const std::string detail = visible_line(say(a.problem));
            const std::string& source = a.problem.source;
            out +=
                "- " + (a.date ? a.date->iso() + " · " : std::string()) + folders + " : " + detail +
                (source.empty() || detail.find(source) != std::string::npos ? std::string()
                                                                            : " (" + source + ")") +
                "\n";
        }
    }
    return out;
}

} // namespace bilan
