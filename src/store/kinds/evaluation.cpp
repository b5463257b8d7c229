// An evaluation of the service (evaluations/ID.toml): hot or cold, a satisfaction and answers.
#include "bilan/evaluations.hpp"
#include "bilan/record_order.hpp"
#include "store/kinds/kind.hpp"

namespace bilan::store {
namespace {

// `answers = ["attentes=5", "recommande=oui"]`: KEY=VALUE texts, in the order given.
Evaluation read_evaluation(RecordReader& r) {
    Evaluation e;
    e.kind = r.term("kind", evaluation_kinds(), "type d'évaluation", true);
    e.date = r.date("date", true).value_or(Date{});
    e.satisfaction = static_cast<int>(r.integer("satisfaction", 1, 5, true).value_or(0));
    const std::vector<std::string> answers = r.texts("answers");
    for (std::size_t i = 0; i < answers.size(); ++i) {
        try {
            Answer answer = parse_answer(answers[i]);
            for (const Answer& earlier : e.answers)
                if (earlier.key == answer.key)
                    throw UsageError("réponse « " + answer.key + " » donnée deux fois");
            e.answers.push_back(std::move(answer));
        } catch (const UsageError& error) {
            r.fail(r.pos("answers", i), error.what());
        }
    }
    e.comment = r.text("comment");
    e.by = r.term("by", evaluation_parties(), "auteur de l'évaluation", false);
    e.origin = r.file();
    return e;
}

Fields write_fields(const Evaluation& e) {
    std::vector<std::string> answers;
    for (const Answer& a : e.answers)
        answers.push_back(a.key + "=" + a.value);
    return {{"kind", e.kind},
            {"date", e.date},
            {"satisfaction", std::int64_t{e.satisfaction}},
            {"answers", list_or_none(answers)},
            {"comment", text_or_none(e.comment)},
            {"by", text_or_none(e.by)}};
}

// A funder's or an employer's view came with format 5; the beneficiary's writes no `by`.
int format_needed_by(const Evaluation& e) {
    return e.by.empty() ? first_format : stakeholders_format;
}

} // namespace

template <> const RecordKind<Evaluation>& record_kind() {
    static const RecordKind<Evaluation> kind{
        .folder = "evaluations",
        .noun = "évaluation",
        .removed = "Évaluation supprimée",
        .record_class = RecordClass::administrative,
        .list = &Folder::evaluations,
        .read = [](RecordReader& r, const Framework*) { return read_evaluation(r); },
        .fields = write_fields,
        .before = listed_before,
        .listed = [](const std::vector<Evaluation>& r,
                     const Framework&) { return evaluations_table(r); },
        .format = format_needed_by,
    };
    return kind;
}

} // namespace bilan::store
