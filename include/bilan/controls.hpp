// `bilan controle`: the anomalies a controller (a CPF service-fait check, an OPCO, a Qualiopi
// auditor) looks for across a practice's bilans, before the controller does: a counsellor in
// two places at once, a session on a Sunday, a public holiday or at night, a session without
// times or evidence, hours that disagree, EDOF declarations late or missing, a bilan over its
// cap, under its floor or past its calendar. Pure functions of loaded data: each anomaly comes
// from the rule `status` and `check` already apply where there is one (rules.hpp, edof_rules.hpp,
// calendar.hpp), and is said, like every problem, by the command line's table of sentences.
#pragma once

#include "bilan/framework.hpp"
#include "bilan/model.hpp"
#include "bilan/problem.hpp"

#include <optional>
#include <span>
#include <string>
#include <vector>

namespace bilan {

struct FolderNote;

// The kinds of anomaly, in the order `controle` lists them: their keys are the `kind` values
// of `controle --json` (man/bilan.1), their labels the headings of its text.
std::span<const Term> anomaly_kinds();

struct Anomaly {
    std::string kind;                 // a key of anomaly_kinds()
    std::vector<std::string> folders; // the bilans involved, as found ("cabinet/dupont")
    // The files involved, each under its folder: "cabinet/dupont/sessions/3f9a0b12.toml",
    // "cabinet/dupont/edof.toml".
    std::vector<std::string> records;
    std::optional<Date> date; // the session's day, the deadline's…; none for a whole bilan
    // What was found, as data (code, values, source): its sentence is the detail.
    Problem problem;
};

// What the controls across bilans need of one: the sessions held with its counsellor whose
// times are known, for the overlaps (a thousand folders' sessions, not the folders).
struct TimedSession {
    std::string id;
    std::string kind; // entretien, test, atelier…
    Date date;
    TimeOfDay from, to;
};
struct CounsellorSchedule {
    std::string folder;
    std::string counsellor; // as bilan.toml writes it; empty when not recorded
    std::vector<TimedSession> sessions;
    bool belgian = false; // a `be` bilan: its anomalies cite no French text
};

// The held sessions with the counsellor whose times are known (`to` is `from` plus the
// duration when only `from` is), of `year` when given, in date order.
CounsellorSchedule counsellor_schedule(const Folder& folder, const std::string& shown,
                                       std::optional<int> year);

// Everything one bilan shows on its own, as of `today` (EDOF declarations missing, a bilan
// running past its calendar). `shown` is the folder as found. With `year`, the sessions of that
// year, and the bilan's own anomalies (hours, EDOF, calendar) when it has a counted session in
// that year, as `report --year` scopes a bilan.
std::vector<Anomaly> bilan_anomalies(const Framework& framework, const Folder& folder,
                                     const std::string& shown, const Date& today,
                                     std::optional<int> year);

// One counsellor (person_key: accents, case and spaces folded) in two held sessions whose times
// overlap, in two bilans or in the same one; a bilan without a counsellor is compared with
// itself only. Two workshops (atelier) at once are one collective session, not an overlap.
std::vector<Anomaly> overlap_anomalies(const std::vector<CounsellorSchedule>& schedules);

// anomaly_kinds() order, then folders, date, records, code: the same anomalies always give the
// same bytes, whatever order the folders were read in.
void sort_anomalies(std::vector<Anomaly>& anomalies);

// JSON (schema 1): {"anomalies":[{"kind","folders","detail","code","date","records","source"}],
// "problems":[{"folder","message"}],"notes":[…]}; `say` words each anomaly's detail.
std::string anomalies_json(const std::vector<Anomaly>& anomalies,
                           const std::vector<FolderNote>& problems,
                           const std::vector<FolderNote>& notes, const SayProblem& say);

// Markdown: a heading per kind with its count, then one line per anomaly, "- DATE · FOLDERS :
// DETAIL (SOURCE)"; empty when there is none (the command says so).
std::string anomalies_text(const std::vector<Anomaly>& anomalies, const SayProblem& say);

} // namespace bilan
