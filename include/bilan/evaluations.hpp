// The end of a bilan and after (R6313-4 3°, Qualiopi 11 and 30): the evaluations à chaud and à
// froid (a kind of record, administrative: never in the synthesis), their question sets, and the
// deadlines that follow the end — the follow-up interview, the evaluations — which an abandonment
// stops. Pure functions of loaded data; `today` is always given.
#pragma once

#include "bilan/framework.hpp"
#include "bilan/model.hpp"
#include "bilan/practice.hpp"
#include "bilan/problem.hpp"

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace bilan {

// chaud (at the last conclusion session), froid (at the follow-up, some six months later).
std::span<const Term> evaluation_kinds();
// Who gives an evaluation besides the beneficiary: financeur, employeur (Qualiopi ind. 30).
std::span<const Term> evaluation_parties();

// One question of an evaluation: its key and the values it takes.
struct Question {
    enum class Domain { scale, integer, choice, text };
    std::string key;
    Domain domain = Domain::text;
    int low = 1, high = 5;            // scale
    std::vector<std::string> choices; // choice
};

// A question as practice.toml writes it: "attentes=1-5" (a scale), "actions=entier" (an
// integer from 0), "recommande=oui|non" (choices), "remarque" or "remarque=texte" (free text).
// UsageError, naming the expected form, otherwise.
Question parse_question(std::string_view spec);
// The default set of `kind` (Qualiopi 11: objectives reached, asked à chaud; 30: the views
// gathered, à froid too): à chaud attentes, objectifs, ecoute, outils, rythme, conditions,
// synthese, projet (1-5), recommande (oui|non); à froid situation, projet (choices), actions
// (entier), utilite (1-5), besoin (oui|non).
std::vector<Question> default_questions(std::string_view kind);
// The practice's own set of `kind` when practice.toml has one ([questions]), else the default.
std::vector<Question> questions_for(const std::optional<Practice>& practice, std::string_view kind);

// "attentes=5" -> {"attentes", "5"}: the key folded (fold_term), the value as typed;
// UsageError when the text is not KEY=VALUE.
Answer parse_answer(std::string_view text);
// What is wrong with `answer` against `questions`, as a notice (evaluation.unknown-question,
// evaluation.out-of-domain), or nullopt; a value in its domain is put in canonical form
// ("Oui" -> "oui", " 4" -> "4"). Never a refusal: the answer is kept as given.
std::optional<Problem> check_answer(const std::vector<Question>& questions, Answer& answer,
                                    std::string_view kind);

// `evaluation list`: one aligned line each; JSON {"schema":1,"evaluations":[{"id","kind",
// "date","satisfaction","answers","comment"}]}, `answers` an object in the order given, a
// value of digits only as a number.
std::string evaluations_table(const std::vector<Evaluation>& evaluations);
std::string evaluations_json(const std::vector<Evaluation>& evaluations);

// ---- after the end -------------------------------------------------------------------------

// The day the synthesis is dated: the handover when recorded, else the end; nullopt while the
// bilan runs. The document is as handed over that day: no session after it appears in it.
std::optional<Date> synthesis_date(const BilanRecord& bilan);
// A deadline falling on `due` stands unless the bilan was abandoned on or before that day.
bool deadline_stands(const BilanRecord& bilan, const Date& due);
// The framework's follow-up phase (the one "suivi" names), or nullptr.
const Phase* followup_phase(const Framework& framework);
// The first session of the follow-up phase, if any (done: it exists).
const Session* followup_session(const Framework& framework, const std::vector<Session>& sessions);
// The first evaluation of `kind` (chaud, froid) in date order, or nullptr: done once it exists.
const Evaluation* first_evaluation(const std::vector<Evaluation>& evaluations,
                                   std::string_view kind);
// When the evaluation à froid falls due: end + the framework's follow-up months (6 when the
// framework has none: Qualiopi ind. 30's survey some six months after the end); nullopt
// without end or after an abandonment.
std::optional<Date> evaluation_froid_due(const Framework& framework, const BilanRecord& bilan);

// What `status` and `check` warn of, as of `today`: the follow-up due or overdue, the bilan
// ended without an evaluation à chaud, the evaluation à froid due or overdue.
std::vector<Problem> after_end_warnings(const Framework& framework, const Folder& folder,
                                        const Date& today);
// `status`'s lines on the end: handover, abandonment, follow-up, evaluations ("" when none).
std::string after_end_lines(const Framework& framework, const Folder& folder, const Date& today);

} // namespace bilan
