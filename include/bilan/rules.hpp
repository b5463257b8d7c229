// The framework's rules applied to a folder: the figures of `status` and the problems of
// `check`. Pure functions of the loaded data.
#pragma once

#include "bilan/framework.hpp"
#include "bilan/model.hpp"
#include "bilan/problem.hpp"

#include <array>
#include <string>
#include <string_view>
#include <vector>

namespace bilan {

struct PhaseProgress {
    const Phase* phase = nullptr;
    int done_minutes = 0;
    int sessions = 0;
    int planned_minutes = 0; // of the sessions planned: counted in nothing, shown beside
    int remaining_minutes() const {
        return phase->target_minutes > done_minutes ? phase->target_minutes - done_minutes : 0;
    }
};

struct HourReport {
    std::vector<PhaseProgress> phases;
    int accompaniment_minutes = 0; // counted phases only
    int personal_minutes = 0;      // counted phases only
    int counted_minutes = 0;       // accompaniment + personal
    int floor_counted_minutes = 0; // the kinds the framework's floor counts
    int accompaniment_sessions = 0;
    bool has_counted_atelier = false; // a workshop in a counted phase: documents name the kind
    std::vector<Problem> warnings;    // hours.* and dates.*, and edof_warnings
};

HourReport hour_report(const Framework& framework, const Folder& folder);

// ---- the 13 h floor and its entry into force ---------------------------------------------

// The day the `fr` floor (13 h of accompagnement effectif, R6313-4 as a decree of 24 February
// 2026 amends it) binds from, with its source: a bilan that started before is not under it.
// Nullopt for any other framework (`be`, a provider's own: their floor has no start date).
struct FloorStart {
    Date from;
    std::string_view source;
    bool to_verify; // the date is not confirmed in the Journal officiel
};
std::optional<FloorStart> floor_start(const Framework& framework);
// Whether the framework's floor binds this bilan: it has a floor, and the bilan did not start
// before the floor's entry into force (a bilan without a start is held to it).
bool floor_in_force(const Framework& framework, const BilanRecord& bilan);

// "entretiens et tests": the kinds of session the framework's floor counts.
std::string floor_kinds_text(const Framework& framework);
// The same kinds as keys, "entretien,test,atelier": how a problem carries them.
std::string floor_kinds_keys(const Framework& framework);

// Proof of service (what a funder or a controller asks first): a session held with the
// counsellor (is_accompaniment), dated `today` or before, without any evidence of attendance; a
// remote session whose only evidence is a paper attendance sheet, which proves presence in a
// room. In date order.
struct EvidenceGaps {
    std::vector<const Session*> unproved;
    std::vector<const Session*> remote_on_paper;
    std::vector<const Session*> untimed; // held without times: the sheet's time cells blank
};
EvidenceGaps evidence_gaps(const std::vector<Session>& sessions, const Date& today);

// Those gaps as `status` and `check` say them: warnings, since the folder is valid and the proof
// may be kept elsewhere (exit status unchanged), one per session at its file, or, past a few,
// one with the count and the first ids; each with its remedy (the operation session.attest).
std::vector<Problem> evidence_problems(const std::vector<Session>& sessions, const Date& today);

// The planned sessions (of `unheld`, the planned and cancelled ones) whose date is before
// `today`: held or not, the file does not say; a warning each, with the command that confirms
// it and the one that cancels it.
std::vector<Problem> planned_past_problems(const std::vector<Session>& unheld, const Date& today);

// Rule violations (not file syntax): over the cap, under the floor once the bilan has ended,
// counted sessions outside its dates, references to records that do not exist, the funding's
// paperwork as of `today` (funding.hpp).
std::vector<Problem> rule_problems(const Framework& framework, const Folder& folder,
                                   const Date& today);

// What `session add` says at once about `added`, a session joining `others`: the bilan taken
// over its cap, a counted session before its start or after its end. Warnings, not refusals.
std::vector<Problem> new_session_warnings(const Framework& framework, const BilanRecord& bilan,
                                          const std::vector<Session>& others, const Session& added);

// ---- retention and destruction (R6313-7, décret 2023-1350) --------------------------------

// How long a framework's law lets the provider keep what `purge` keeps (the synthesis, the
// documents a written agreement covers) after the end of the bilan, and the text that says so.
struct RetentionRule {
    int years = 0;
    std::string_view source;
};
// The rule of a framework (fr: 3 years, décret 2023-1350); nullopt when none is known.
std::optional<RetentionRule> retention_rule(const Framework& framework);
// The day the bilan ended for destruction (R6313-7): its end, or its abandonment when that came
// first or no end is set (an abandoned bilan is over); nullopt while it runs.
std::optional<Date> destruction_end(const BilanRecord& bilan);
// Stopped before its end: abandoned, with no end reached before the abandonment (an abandonment
// after the end gives up the follow-up, not the bilan). Such a bilan is over without being
// completed: nothing only a finished bilan must have (the floor, a whole synthesis) is asked of it.
bool abandoned_bilan(const BilanRecord& bilan);
// Ended as planned: an end, and not abandoned before it.
bool completed(const BilanRecord& bilan);
// The last day the rule allows: that day plus its years; nullopt without it or a rule.
std::optional<Date> retention_limit(const Framework& framework, const BilanRecord& bilan);
// A basis' `until` past that limit: one problem each (documents, synthesis), citing the rule.
std::vector<Problem> retention_problems(const Framework& framework, const BilanRecord& bilan);
// True when a written agreement keeps the working documents on `date`.
bool documents_kept_on(const BilanRecord& bilan, const Date& date);
// True when a basis (a written agreement, or the synthesis sent to the CEP operator) keeps the
// synthesis on `date`; without one, R6313-7 has it destroyed at the end like the rest.
bool synthesis_kept_on(const BilanRecord& bilan, const Date& date);
// The last day a basis keeps what it covers: its `until`, never past the law's `limit`.
std::optional<Date> kept_until(const std::optional<Date>& until, const std::optional<Date>& limit);

// Whether the folder still holds content that `purge` destroys: a substance record, the
// project, a session's note, a personal field of bilan.toml.
bool holds_content(const Folder& folder);

// The personal fields of bilan.toml (demand, expectations, situation, circumstances): content,
// destroyed by `purge`; the list, how many `bilan` fills, and the record without them.
inline constexpr std::array<std::string BilanRecord::*, 4> personal_fields{
    &BilanRecord::demand, &BilanRecord::expectations, &BilanRecord::situation,
    &BilanRecord::circumstances};
int personal_field_count(const BilanRecord& bilan);
BilanRecord without_personal_fields(BilanRecord bilan);

// How many skills name this experience (its full id) as their source: removing it would leave
// them pointing at nothing.
inline std::size_t skills_citing(const std::vector<Skill>& skills, std::string_view experience) {
    std::size_t count = 0;
    for (const Skill& skill : skills)
        if (skill.experience == experience) ++count;
    return count;
}

} // namespace bilan
