#include "bilan/ops/evaluations.hpp"

#include "bilan/evaluations.hpp"

namespace bilan::ops {

Notes add_evaluation(const store::Store& store, Evaluation evaluation, const OnAdded& on_added) {
    store.require_bilan();
    store::Transaction transaction(store); // what is read decides the notes: under the lock
    const store::Store& folder = transaction.store();
    store::Diagnostics strict;
    const BilanRecord bilan = folder.load_bilan(strict); // never add to a bilan we cannot read
    Notes notes;
    // A practice.toml that cannot be read costs the practice's own questions, not the answer.
    store::Diagnostics collect(true);
    std::optional<Practice> practice = store::find_practice(folder, collect);
    if (!collect.problems().empty()) {
        notes.push_back({.code = "evaluation.default-questions",
                         .severity = Severity::warning,
                         .causes = {collect.problems().front()}}); // practice.toml's, at its place
        practice.reset();
    }
    // The question sets are the beneficiary's: a funder's or an employer's answers are free.
    if (evaluation.by.empty()) {
        const std::vector<Question> questions = questions_for(practice, evaluation.kind);
        for (Answer& answer : evaluation.answers)
            if (auto unexpected = check_answer(questions, answer, evaluation.kind))
                notes.push_back(std::move(*unexpected));
    }
    if (bilan.start && evaluation.date < *bilan.start)
        notes.push_back(
            {.code = "evaluation.before-start",
             .severity = Severity::notice,
             .values = {{"date", evaluation.date.iso()}, {"start", bilan.start->iso()}}});
    else if (evaluation.kind == "froid" && bilan.end && evaluation.date < *bilan.end)
        notes.push_back({.code = "evaluation.cold-before-end",
                         .severity = Severity::notice,
                         .values = {{"date", evaluation.date.iso()}, {"end", bilan.end->iso()}}});
    add_told(transaction, evaluation, on_added);
    return notes;
}

} // namespace bilan::ops
