#include "bilan/rules.hpp"

#include "bilan/edof_rules.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <set>

namespace bilan {

namespace {

bool outside_dates(const BilanRecord& bilan, const Date& date) {
    return (bilan.start && date < *bilan.start) || (bilan.end && date > *bilan.end);
}

std::string iso_or_empty(const std::optional<Date>& date) {
    return date ? date->iso() : std::string();
}

// The bilan's dates, as the problems about them need them ("" when one is not set).
Values dates_of(const BilanRecord& bilan) {
    return {{"start", iso_or_empty(bilan.start)}, {"end", iso_or_empty(bilan.end)}};
}

Values with(Values values, const Values& more) {
    values.insert(values.end(), more.begin(), more.end());
    return values;
}

Problem over_cap(const Framework& fw, int counted, Severity severity) {
    return {
        .code = "hours.over-cap",
        .severity = severity,
        .values = {{"counted", std::to_string(counted)}, {"cap", std::to_string(*fw.cap_minutes)}}};
}

Problem under_floor(const Framework& fw, int floor_counted, std::string code, Severity severity) {
    return {.code = std::move(code),
            .severity = severity,
            .values = {{"counted", std::to_string(floor_counted)},
                       {"kinds", floor_kinds_keys(fw)},
                       {"floor", std::to_string(*fw.floor_minutes)},
                       {"missing", std::to_string(*fw.floor_minutes - floor_counted)}}};
}

// Said once, by `status`: the bilan started before the floor binds (its start and the floor's
// date, with their source).
Problem floor_not_in_force(const Framework& fw, const BilanRecord& bilan) {
    const FloorStart start = *floor_start(fw);
    Problem notice{.code = "hours.floor-not-in-force",
                   .severity = Severity::notice,
                   .values = {{"floor", std::to_string(*fw.floor_minutes)},
                              {"start", bilan.start->iso()},
                              {"from", start.from.iso()}},
                   .source = std::string(start.source)};
    if (start.to_verify) notice.values.push_back({"to_verify", "1"});
    return notice;
}

Problem outside(const Session& s, const BilanRecord& bilan, Severity severity) {
    return {.code = "dates.session-outside",
            .severity = severity,
            .where = s.origin,
            .record = s.id,
            .values = with({{"session", s.id}, {"date", s.date.iso()}, {"phase", s.phase}},
                           dates_of(bilan))};
}

} // namespace

std::optional<FloorStart> floor_start(const Framework& framework) {
    // practice.md §3, Wave 3: hexopee.org states that the decrees of 24 February 2026 apply
    // from 26 February 2026 (likely); no transition for bilans under way is known, so a bilan
    // that started before is not held to the floor.
    static constexpr FloorStart france{
        {2026, 2, 26},
        "R6313-4 modifié par le décret du 24 février 2026, en vigueur le 26 février 2026 selon "
        "hexopee.org",
        true};
    if (framework.name == "fr") return france;
    return std::nullopt;
}

bool floor_in_force(const Framework& framework, const BilanRecord& bilan) {
    if (!framework.floor_minutes) return false;
    const auto start = floor_start(framework);
    return !start || !bilan.start || *bilan.start >= start->from;
}

std::string floor_kinds_keys(const Framework& fw) {
    std::string text;
    for (const std::string& key : fw.floor_kinds)
        text += (text.empty() ? "" : ",") + key;
    return text;
}

// "entretiens et tests": the kinds of session the framework's floor counts (`be` counts only
// entretiens), so that the warning's figure is not mistaken for the accompaniment total.
std::string floor_kinds_text(const Framework& fw) {
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 5> plurals{{
        {"entretien", "entretiens"},
        {"test", "tests"},
        {"atelier", "ateliers"},
        {"enquete", "enquêtes"},
        {"travail-personnel", "travail personnel"},
    }};
    std::string text;
    for (std::size_t i = 0; i < fw.floor_kinds.size(); ++i) {
        const std::string& kind = fw.floor_kinds[i];
        const auto* plural = std::find_if(plurals.begin(), plurals.end(),
                                          [&](const auto& p) { return p.first == kind; });
        if (i > 0) text += i + 1 == fw.floor_kinds.size() ? " et " : ", ";
        text += plural == plurals.end() ? kind : std::string(plural->second);
    }
    return text;
}

HourReport hour_report(const Framework& framework, const Folder& folder) {
    HourReport report;
    std::map<std::string, std::size_t, std::less<>> index;
    for (const Phase& phase : framework.phases) {
        index.emplace(phase.key, report.phases.size());
        report.phases.push_back({&phase, 0, 0, 0});
    }
    for (const Session& s : folder.unheld_sessions)
        if (const auto it = index.find(s.phase); it != index.end() && s.state == "prevue")
            report.phases[it->second].planned_minutes += s.minutes;
    for (const Session& s : folder.sessions) {
        auto it = index.find(s.phase);
        if (it == index.end()) continue; // the loader reports unknown phases
        PhaseProgress& progress = report.phases[it->second];
        progress.done_minutes += s.minutes;
        ++progress.sessions;
        if (!progress.phase->counted) continue;
        report.counted_minutes += s.minutes;
        report.has_counted_atelier = report.has_counted_atelier || s.kind == "atelier";
        (is_accompaniment(s.kind) ? report.accompaniment_minutes : report.personal_minutes) +=
            s.minutes;
        if (framework.counts_toward_floor(s.kind)) {
            report.floor_counted_minutes += s.minutes;
            ++report.accompaniment_sessions;
        }
    }

    auto& w = report.warnings;
    const Severity warning = Severity::warning;
    if (framework.cap_minutes && report.counted_minutes > *framework.cap_minutes)
        w.push_back(over_cap(framework, report.counted_minutes, warning));
    // An abandoned bilan will not reach its floor: that is what abandoning means, not a fault.
    // One started before the floor's entry into force is not under it: an information line.
    if (framework.floor_minutes && !abandoned_bilan(folder.bilan) &&
        report.floor_counted_minutes < *framework.floor_minutes)
        w.push_back(
            floor_in_force(framework, folder.bilan)
                ? under_floor(framework, report.floor_counted_minutes, "hours.under-floor", warning)
                : floor_not_in_force(framework, folder.bilan));
    if (framework.min_sessions && report.accompaniment_sessions < *framework.min_sessions)
        w.push_back({.code = "hours.few-sessions",
                     .severity = warning,
                     .values = {{"sessions", std::to_string(report.accompaniment_sessions)},
                                {"minimum", std::to_string(*framework.min_sessions)}}});
    for (const PhaseProgress& p : report.phases)
        if (p.phase->target_minutes > 0 && p.done_minutes > p.phase->target_minutes)
            w.push_back({.code = "hours.phase-over-target",
                         .severity = warning,
                         .values = {{"phase", p.phase->key},
                                    {"done", std::to_string(p.done_minutes)},
                                    {"target", std::to_string(p.phase->target_minutes)}}});
    for (const Session& s : folder.sessions)
        if (framework.counts(s.phase) && outside_dates(folder.bilan, s.date))
            w.push_back(outside(s, folder.bilan, warning));
    const BilanRecord& b = folder.bilan;
    if (framework.max_months && b.start && b.end &&
        *b.end > b.start->plus_months(*framework.max_months))
        w.push_back(
            {.code = "dates.too-long",
             .severity = warning,
             .values = with({{"months", std::to_string(*framework.max_months)}}, dates_of(b))});
    // The Belgian scheme: 4 to 8 weeks, stretched up to 4 months at the worker's request, so
    // past 8 weeks is worth a look, not a fault (issue 26, item 4).
    else if (framework.name == "be" && b.start && b.end &&
             b.end->days_since_epoch() - b.start->days_since_epoch() > 8 * 7)
        w.push_back({.code = "dates.over-8-weeks",
                     .severity = warning,
                     .values = with({{"months", std::to_string(framework.max_months.value_or(4))}},
                                    dates_of(b))});
    for (Problem& problem : edof_warnings(framework, folder))
        w.push_back(std::move(problem));
    return report;
}

std::vector<Problem> new_session_warnings(const Framework& framework, const BilanRecord& bilan,
                                          const std::vector<Session>& others,
                                          const Session& added) {
    std::vector<Problem> warnings;
    if (!framework.counts(added.phase)) return warnings; // préalable, suivi: outside the bilan
    if (framework.cap_minutes) {
        int counted = added.minutes;
        for (const Session& s : others)
            if (framework.counts(s.phase)) counted += s.minutes;
        if (counted > *framework.cap_minutes)
            warnings.push_back({.code = "session.over-cap",
                                .severity = Severity::warning,
                                .values = {{"counted", std::to_string(counted)},
                                           {"cap", std::to_string(*framework.cap_minutes)}}});
    }
    if (bilan.start && added.date < *bilan.start)
        warnings.push_back({.code = "session.before-start",
                            .severity = Severity::warning,
                            .values = {{"date", added.date.iso()}, {"start", bilan.start->iso()}}});
    if (bilan.end && added.date > *bilan.end)
        warnings.push_back({.code = "session.after-end",
                            .severity = Severity::warning,
                            .values = {{"date", added.date.iso()}, {"end", bilan.end->iso()}}});
    return warnings;
}

// ---- proof of service ----------------------------------------------------------------------

EvidenceGaps evidence_gaps(const std::vector<Session>& sessions, const Date& today) {
    EvidenceGaps gaps;
    for (const Session& s : sessions) {
        if (!is_accompaniment(s.kind)) continue; // enquête, travail personnel: nobody signs
        if (s.evidence.empty() && s.date <= today) gaps.unproved.push_back(&s);
        if (!s.from && s.date <= today) gaps.untimed.push_back(&s);
        const bool paper_only =
            !s.evidence.empty() &&
            std::all_of(s.evidence.begin(), s.evidence.end(),
                        [](const Evidence& e) { return e.kind == "emargement"; });
        if (s.mode == "distance" && paper_only) gaps.remote_on_paper.push_back(&s);
    }
    return gaps;
}

namespace {

// Past this many sessions, one problem says how many and names the first ones: a folder of
// forty unproved sessions gets one line, not forty.
constexpr std::size_t listed_one_by_one = 3;

// The proof a session still needs: a signature for a remote one, else a paper sheet.
Problem unproved(const Session& s) {
    return {.code = "attendance.no-evidence",
            .severity = Severity::warning,
            .where = s.origin,
            .record = s.id,
            .values = {{"session", s.id}, {"date", s.date.iso()}},
            .remedy = Remedy{
                "session.attest",
                {{"session", s.id},
                 {"evidence", s.mode == "distance" ? "signature-electronique" : "emargement"}}}};
}

// Times are part of the proof (practice.md §2): a sheet with blank times is filled by hand.
Problem untimed(const Session& s) {
    return {.code = "attendance.no-times",
            .severity = Severity::warning,
            .where = s.origin,
            .record = s.id,
            .values = {{"session", s.id}, {"date", s.date.iso()}},
            .remedy = Remedy{"session.horaires", {{"session", s.id}, {"from", {}}, {"to", {}}}}};
}

Problem remote_on_paper(const Session& s) {
    return {.code = "attendance.remote-on-paper",
            .severity = Severity::warning,
            .where = s.origin,
            .record = s.id,
            .values = {{"session", s.id}, {"date", s.date.iso()}},
            .remedy = Remedy{"session.attest",
                             {{"session", s.id}, {"evidence", "signature-electronique"}}}};
}

// One problem per session, or one for them all when there are more than a few: their count,
// and the first ones as session1, date1…
void add_gap_problems(std::vector<Problem>& out, const std::vector<const Session*>& sessions,
                      Problem (*one)(const Session&), const std::string& many) {
    if (sessions.size() > listed_one_by_one) {
        Problem all = one(*sessions.front()); // its remedy, with the session left to the user
        all.code = many;
        all.where = {};
        all.record = {};
        all.values = {{"count", std::to_string(sessions.size())}};
        for (Argument& argument : all.remedy->arguments)
            argument.value = std::nullopt;
        for (std::size_t i = 0; i < listed_one_by_one; ++i) {
            all.values.push_back({"session" + std::to_string(i + 1), sessions[i]->id});
            all.values.push_back({"date" + std::to_string(i + 1), sessions[i]->date.iso()});
        }
        out.push_back(std::move(all));
        return;
    }
    for (const Session* s : sessions)
        out.push_back(one(*s));
}

} // namespace

std::vector<Problem> evidence_problems(const std::vector<Session>& sessions, const Date& today) {
    const EvidenceGaps gaps = evidence_gaps(sessions, today);
    std::vector<Problem> problems;
    add_gap_problems(problems, gaps.unproved, unproved, "attendance.no-evidence-many");
    add_gap_problems(problems, gaps.remote_on_paper, remote_on_paper,
                     "attendance.remote-on-paper-many");
    add_gap_problems(problems, gaps.untimed, untimed, "attendance.no-times-many");
    return problems;
}

std::vector<Problem> planned_past_problems(const std::vector<Session>& unheld, const Date& today) {
    std::vector<Problem> problems;
    for (const Session& s : unheld)
        if (s.state == "prevue" && s.date < today)
            problems.push_back({.code = "session.planned-past",
                                .severity = Severity::warning,
                                .where = s.origin,
                                .record = s.id,
                                .values = {{"session", s.id}, {"date", s.date.iso()}},
                                .remedy = Remedy{"session.tenue", {{"session", s.id}}}});
    return problems;
}

namespace {

// L6313-4 caps a French bilan at 24 hours: a provider's framework that says it is French (named
// fr, or citing L6313-4 for its notice) but allows more would let a bilan over the law pass.
constexpr int french_legal_cap_minutes = 24 * 60;

std::optional<Problem> cap_above_the_law(const Framework& framework) {
    const bool french =
        framework.name == "fr" || framework.notice.find("L6313-4") != std::string::npos;
    if (!french || !framework.cap_minutes || *framework.cap_minutes <= french_legal_cap_minutes)
        return std::nullopt;
    return Problem{.code = "framework.cap-above-law",
                   .where = framework.origin,
                   .values = {{"cap", std::to_string(*framework.cap_minutes)},
                              {"legal", std::to_string(french_legal_cap_minutes)}},
                   .source = "L6313-4"};
}

} // namespace

std::vector<Problem> rule_problems(const Framework& framework, const Folder& folder,
                                   const Date& today) {
    std::vector<Problem> problems;
    if (auto over_the_law = cap_above_the_law(framework)) problems.push_back(*over_the_law);
    const BilanRecord& b = folder.bilan;
    const HourReport report = hour_report(framework, folder);
    if (b.start && b.end && *b.end < b.start)
        problems.push_back(
            {.code = "dates.end-before-start", .where = b.origin, .values = dates_of(b)});
    if (framework.cap_minutes && report.counted_minutes > *framework.cap_minutes)
        problems.push_back(over_cap(framework, report.counted_minutes, Severity::error));
    // Under the floor is only a fault once the bilan has ended: until then it is work to do;
    // and never for a bilan started before the floor's entry into force.
    if (completed(b) && floor_in_force(framework, b) &&
        report.floor_counted_minutes < *framework.floor_minutes)
        problems.push_back(under_floor(framework, report.floor_counted_minutes,
                                       "hours.under-floor-at-end", Severity::error));
    for (const Session& s : folder.sessions)
        if (framework.counts(s.phase) && outside_dates(b, s.date))
            problems.push_back(outside(s, b, Severity::error));
    // Past the Belgian scheme's 4 months, the bilan is out of it (issue 26, item 4).
    if (framework.name == "be" && framework.max_months && b.start && b.end &&
        *b.end > b.start->plus_months(*framework.max_months))
        problems.push_back(
            {.code = "dates.too-long",
             .where = b.origin,
             .values = with({{"months", std::to_string(*framework.max_months)}}, dates_of(b))});

    std::set<std::string, std::less<>> experiences;
    for (const Experience& e : folder.experiences)
        experiences.insert(e.id);
    for (const Skill& skill : folder.skills)
        if (!skill.experience.empty() && !experiences.contains(skill.experience))
            problems.push_back({.code = "skill.experience-missing",
                                .where = skill.experience_pos,
                                .record = skill.id,
                                .values = {{"experience", skill.experience}}});
    const auto retained = std::count_if(folder.pistes.begin(), folder.pistes.end(),
                                        [](const Piste& p) { return p.decision == "retained"; });
    if (retained > 1)
        for (const Piste& p : folder.pistes)
            if (p.decision == "retained")
                problems.push_back(
                    {.code = "piste.several-retained", .where = p.origin, .record = p.id});
    for (Problem& problem : edof_problems(framework, folder))
        problems.push_back(std::move(problem));
    for (Problem& problem : edof_undeclared_problems(framework, folder, today))
        problems.push_back(std::move(problem));
    for (auto found :
         {convention_problems(framework, folder, today), financing_problems(framework, folder)})
        problems.insert(problems.end(), found.begin(), found.end());
    return problems;
}

// ---- retention and destruction -------------------------------------------------------------

std::optional<RetentionRule> retention_rule(const Framework& framework) {
    // Data with its source: a change of law is this line. Before the decree, one year.
    static constexpr RetentionRule france{
        3, "article R6313-7 du Code du travail, modifié par le décret n° 2023-1350 du 28 "
           "décembre 2023"};
    if (framework.name == "fr") return france;
    return std::nullopt;
}

std::optional<Date> destruction_end(const BilanRecord& bilan) {
    if (bilan.end && bilan.abandoned) return std::min(*bilan.end, *bilan.abandoned);
    return bilan.end ? bilan.end : bilan.abandoned;
}

bool abandoned_bilan(const BilanRecord& bilan) {
    return bilan.abandoned && (!bilan.end || *bilan.abandoned <= *bilan.end);
}

bool completed(const BilanRecord& bilan) {
    return bilan.end && !abandoned_bilan(bilan);
}

std::optional<Date> retention_limit(const Framework& framework, const BilanRecord& bilan) {
    const auto rule = retention_rule(framework);
    const auto ended = destruction_end(bilan);
    if (!rule || !ended) return std::nullopt;
    return ended->plus_months(12 * rule->years);
}

std::vector<Problem> retention_problems(const Framework& framework, const BilanRecord& bilan) {
    const auto limit = retention_limit(framework, bilan);
    std::vector<Problem> problems;
    if (!limit) return problems;
    const RetentionRule rule = *retention_rule(framework);
    for (const auto& [until, scope] : {std::pair{bilan.retention_until, "documents"},
                                       std::pair{bilan.synthesis_until, "synthese"}}) {
        if (!until || *until <= *limit) continue;
        problems.push_back({.code = "retention.beyond-limit",
                            .where = bilan.origin.file.empty()
                                         ? std::nullopt
                                         : std::optional<SourcePos>(bilan.origin),
                            .values = {{"until", until->iso()},
                                       {"limit", limit->iso()},
                                       {"years", std::to_string(rule.years)},
                                       {"scope", scope}},
                            .source = std::string(rule.source)});
    }
    return problems;
}

bool documents_kept_on(const BilanRecord& bilan, const Date& date) {
    return bilan.retention_agreed && bilan.retention_scope == "documents" &&
           (!bilan.retention_until || date <= *bilan.retention_until);
}

bool synthesis_kept_on(const BilanRecord& bilan, const Date& date) {
    return bilan.synthesis_agreed && (!bilan.synthesis_until || date <= *bilan.synthesis_until);
}

std::optional<Date> kept_until(const std::optional<Date>& until, const std::optional<Date>& limit) {
    if (until && limit) return std::min(*until, *limit);
    return until ? until : limit;
}

bool holds_content(const Folder& folder) {
    return folder.unparsed_content_records > 0 || !folder.skills.empty() ||
           !folder.experiences.empty() || !folder.traits.empty() || !folder.tests.empty() ||
           !folder.pistes.empty() || !folder.actions.empty() || !folder.project.empty() ||
           personal_field_count(folder.bilan) > 0 ||
           std::any_of(folder.sessions.begin(), folder.sessions.end(),
                       [](const Session& s) { return !s.note.empty(); });
}

int personal_field_count(const BilanRecord& bilan) {
    return static_cast<int>(std::count_if(personal_fields.begin(), personal_fields.end(),
                                          [&](auto field) { return !(bilan.*field).empty(); }));
}

BilanRecord without_personal_fields(BilanRecord bilan) {
    for (const auto field : personal_fields)
        (bilan.*field).clear();
    return bilan;
}

} // namespace bilan
