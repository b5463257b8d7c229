// bilan check: every problem of a folder's files, its stray files, the framework's rules, what
// the synthesis would lack, and what is worth a look (warnings); the retention policy of
// R6313-7 after the end. The store gives the file-level facts (problems of each file, stray
// entries, permissions); the rules and the policy are here.
#include "bilan/edof_rules.hpp"
#include "bilan/evaluations.hpp"
#include "bilan/ops/bilan.hpp"
#include "bilan/ops/retention.hpp"
#include "bilan/rules.hpp"
#include "bilan/synthesis.hpp"

#include <algorithm>
#include <iterator>

namespace bilan::ops {

namespace {

// What `bilan check` finds in a folder: every problem of its files (the first
// `file_problems` of the list), then stray files, the framework's rules and what the synthesis
// would lack.
struct FolderCheck {
    std::vector<Problem> problems;
    std::size_t file_problems = 0;
    // What is worth a look but leaves the folder valid: sessions held by `today` without
    // evidence of attendance (evidence_problems), the retention due (R6313-7), the follow-up
    // and evaluations due (after_end_warnings).
    std::vector<Problem> warnings;
};

// What destruction cites: R6313-7 in France; a Belgian bilan cites no French article (issue 26,
// item 4), the GDPR's storage limitation is what binds it.
std::string destruction_source(const Framework& framework) {
    return framework.name == "be" ? "RGPD, art. 5, 1, e" : "R6313-7";
}

// R6313-7 after the end: content left uncovered by an agreement is due for destruction
// (`bilan purge`), and the synthesis kept has its own limit. Warnings: the law gives no day.
void add_retention_warnings(std::vector<Problem>& warnings, const Framework& framework,
                            const Folder& folder, const std::optional<Destruction>& destruction,
                            bool synthesis_there, const Date& today) {
    const BilanRecord& bilan = folder.bilan;
    const std::optional<Date> ended = destruction_end(bilan); // an abandonment ends it too
    const bool synthesis_due = !destruction && synthesis_there && !synthesis_kept_on(bilan, today);
    if (ended && *ended < today &&
        ((holds_content(folder) && !documents_kept_on(bilan, today)) || synthesis_due)) {
        const bool agreed = bilan.retention_until && *ended < *bilan.retention_until;
        warnings.push_back(
            {.code = agreed ? "retention.destroy-due-after-agreement" : "retention.destroy-due",
             .severity = Severity::warning,
             .values = {{"ended", ended->iso()},
                        {"until", agreed ? bilan.retention_until->iso() : std::string()}},
             .source = destruction_source(framework),
             .remedy = Remedy{"purge", {}}});
    }
    // The synthesis a purge kept: past its basis' end, or kept without one (an earlier purge).
    const bool kept = destruction && std::find(destruction->kept.begin(), destruction->kept.end(),
                                               "synthese") != destruction->kept.end();
    if (kept && synthesis_there && !synthesis_kept_on(bilan, today)) {
        const auto rule = retention_rule(framework);
        const std::optional<Date> until =
            bilan.synthesis_agreed
                ? kept_until(bilan.synthesis_until, retention_limit(framework, bilan))
                : std::nullopt;
        warnings.push_back(
            {.code =
                 until ? "retention.synthesis-kept-too-long" : "retention.synthesis-without-basis",
             .severity = Severity::warning,
             .where = destruction->origin,
             .values = {{"until", until ? until->iso() : std::string()}},
             .source = until && rule ? std::string(rule->source) : destruction_source(framework),
             .remedy = Remedy{"purge", {}}});
    }
}

// The synthesis a purge kept is the copy handed over: gone before its limit, it is lost.
std::vector<Problem> kept_synthesis_problems(const store::Store& store, const BilanRecord& bilan,
                                             const Destruction& destruction, const Date& today) {
    const bool kept = std::find(destruction.kept.begin(), destruction.kept.end(), "synthese") !=
                      destruction.kept.end();
    if (!kept || !synthesis_kept_on(bilan, today) ||
        (destruction.synthesis_kept_until && *destruction.synthesis_kept_until < today))
        return {}; // no basis or past its end: removing it is what check asks
    try {
        store.kept_synthesis();
    } catch (const DataError& e) {
        return {file_problem(e.where, e.detail)};
    }
    return {};
}

FolderCheck check_folder(const store::Store& store, const Date& today) {
    store::Diagnostics collect(true);
    const BilanRecord bilan = store.load_bilan(collect);
    const Framework framework = store.load_framework(bilan, collect);
    const Folder folder = store.load_all(framework, bilan, collect);
    FolderCheck result{collect.problems(), collect.problems().size(), {}};
    auto add = [&](std::vector<Problem> more) {
        std::move(more.begin(), more.end(), std::back_inserter(result.problems));
    };
    add(store.unknown_entries(bilan));
    if (auto copy = handover_copy_problem(bilan, store.handover_copy()); copy && !bilan.unreadable)
        add({std::move(*copy)});
    add(store::permission_problems(store));
    add(rule_problems(framework, folder, today));
    add(retention_problems(framework, bilan));
    const std::optional<Destruction> destruction = store.load_destruction(collect);
    if (collect.problems().size() > result.file_problems) { // destruction.toml at fault
        result.problems.insert(result.problems.begin() +
                                   static_cast<std::ptrdiff_t>(result.file_problems),
                               collect.problems().back());
        ++result.file_problems;
    }
    // Purged, nothing to complete; abandoned, no synthesis is owed (issue 25: check passes on an
    // abandoned folder whose administrative side is whole).
    if (!destruction && !abandoned_bilan(bilan)) add(synthesis_problems(framework, folder));
    if (destruction) add(kept_synthesis_problems(store, bilan, *destruction, today));
    result.warnings = evidence_problems(folder.sessions, today);
    for (Problem& warning : planned_past_problems(folder.unheld_sessions, today))
        result.warnings.push_back(std::move(warning));
    for (Problem& warning : payment_terms_warnings(folder))
        result.warnings.push_back(std::move(warning));
    for (Problem& warning : convention_warnings(framework, folder, today))
        result.warnings.push_back(std::move(warning));
    for (Problem& warning : consent_proof_warnings(folder.consents))
        result.warnings.push_back(std::move(warning));
    for (Problem& warning : edof_late_warnings(framework, folder)) // history, never a problem
        result.warnings.push_back(std::move(warning));
    const bool synthesis_there = store.holds_entry("synthese.md") ||
                                 store.holds_entry(std::string(store::handover_copy_file));
    add_retention_warnings(result.warnings, framework, folder, destruction, synthesis_there, today);
    if (destruction)
        if (const auto left = left_after_purge(store, bilan, *destruction); !left.empty())
            result.warnings.push_back(
                {.code = "purge.content-left",
                 .severity = Severity::warning,
                 .where = destruction->origin,
                 .values = {{"files", joined_names(left)}, {"date", destruction->date.iso()}},
                 .source = destruction_source(framework),
                 .remedy = Remedy{"purge", {}}});
    if (is_retired_funding(framework, bilan.funding))
        result.warnings.push_back({.code = "funding.retired",
                                   .severity = Severity::warning,
                                   .where = bilan.funding_origin,
                                   .values = {{"funding", bilan.funding}},
                                   .remedy = Remedy{"bilan.set", {{"funding", {}}}}});
    // A Belgian bilan past the scheme's 8 weeks: worth a look, never a fault (issue 26, item 4).
    for (Problem& warning : hour_report(framework, folder).warnings)
        if (warning.code == "dates.over-8-weeks") result.warnings.push_back(std::move(warning));
    // What falls due after the end (follow-up, evaluations): to do, not a fault of the folder.
    for (Problem& warning : after_end_warnings(framework, folder, today))
        result.warnings.push_back(std::move(warning));
    return result;
}

// The problems of the bilan's practice.toml, listed with the bilan's own files; and, as a
// note, a bilan paid with public or mutualised money by a provider without Qualiopi
// (L6316-1): the practice may hold it without saying so, so it does not fail `check`.
std::vector<Problem> check_practice(const store::Store& store, Notes& notes) {
    store::Diagnostics collect(true);
    const std::optional<Practice> practice = store::find_practice(store, collect);
    if (!practice || !collect.problems().empty() || !practice->qualiopi.empty())
        return collect.problems();
    store::Diagnostics lenient(true);
    const std::string funding = store.load_bilan(lenient).funding;
    if (funding == "cpf" || funding == "france-travail")
        notes.push_back({.code = "practice.no-qualiopi",
                         .severity = Severity::warning,
                         .values = {{"file", practice->origin.file}, {"funding", funding}},
                         .source = "L6316-1",
                         .remedy = Remedy{"practice.set", {{"qualiopi", {}}}}});
    return {};
}

} // namespace

std::vector<Problem> check(const store::Store& store, const Date& today, Notes& notes) {
    store.require_bilan();
    // check reads every file, one after the other: all of them as one write left them.
    const store::ConsistentRead still(store);
    FolderCheck found = check_folder(store, today);
    notes.insert(notes.end(), found.warnings.begin(), found.warnings.end());
    const std::vector<Problem> practice = check_practice(store, notes);
    auto& problems = found.problems;
    problems.insert(problems.begin() + static_cast<std::ptrdiff_t>(found.file_problems),
                    practice.begin(), practice.end());
    return problems;
}

} // namespace bilan::ops
