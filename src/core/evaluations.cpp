#include "bilan/evaluations.hpp"

#include "bilan/json.hpp"
#include "bilan/problem.hpp"
#include "bilan/views.hpp"

#include <algorithm>
#include <array>

namespace bilan {

// ---- kinds and questions ------------------------------------------------------------------

namespace {
constexpr std::array<std::string_view, 4> a_chaud{"a-chaud", "hot", "immediate", "fin"};
constexpr std::array<std::string_view, 4> a_froid{"a-froid", "cold", "delayed", "suivi"};
const std::array evaluation_terms{
    Term{"chaud", "à chaud", std::span<const std::string_view>(a_chaud)},
    Term{"froid", "à froid", std::span<const std::string_view>(a_froid)}};

std::string trimmed(std::string_view text) {
    const auto first = text.find_first_not_of(" \t");
    if (first == std::string_view::npos) return {};
    const auto last = text.find_last_not_of(" \t");
    return std::string(text.substr(first, last - first + 1));
}

std::optional<int> small_integer(std::string_view text) {
    if (text.empty() || text.size() > 6) return std::nullopt;
    int n = 0;
    for (const char c : text) {
        if (c < '0' || c > '9') return std::nullopt;
        n = n * 10 + (c - '0');
    }
    return n;
}

bool valid_key(std::string_view key) {
    return !key.empty() && std::all_of(key.begin(), key.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    });
}

// What a question accepts, as the values of a problem: its domain ("scale", "integer",
// "choice", "text"), the bounds of a scale, the choices joined by ", ".
Values domain_values(const Question& q) {
    switch (q.domain) {
    case Question::Domain::scale:
        return {
            {"domain", "scale"}, {"low", std::to_string(q.low)}, {"high", std::to_string(q.high)}};
    case Question::Domain::integer:
        return {{"domain", "integer"}};
    case Question::Domain::choice: {
        std::string list;
        for (const std::string& c : q.choices)
            list += (list.empty() ? "" : ", ") + c;
        return {{"domain", "choice"}, {"choices", list}};
    }
    case Question::Domain::text:
        break;
    }
    return {{"domain", "text"}};
}

constexpr std::array<std::string_view, 9> chaud_defaults{
    "attentes=1-5",   "objectifs=1-5", "ecoute=1-5", "outils=1-5",        "rythme=1-5",
    "conditions=1-5", "synthese=1-5",  "projet=1-5", "recommande=oui|non"};
constexpr std::array<std::string_view, 5> froid_defaults{
    "situation=meme-poste|mobilite-interne|nouvel-emploi|formation|creation|recherche-emploi|"
    "autre",
    "projet=non-demarre|en-cours|realise|modifie|abandonne", "actions=entier", "utilite=1-5",
    "besoin=oui|non"};

constexpr std::array<std::string_view, 3> a_financeur{"funder", "financer", "opco"};
constexpr std::array<std::string_view, 2> a_employeur{"employer", "entreprise"};
const std::array party_terms{
    Term{"financeur", "financeur", std::span<const std::string_view>(a_financeur)},
    Term{"employeur", "employeur", std::span<const std::string_view>(a_employeur)}};

} // namespace

std::span<const Term> evaluation_kinds() {
    return evaluation_terms;
}

std::span<const Term> evaluation_parties() {
    return party_terms;
}

Question parse_question(std::string_view spec) {
    const std::string text = trimmed(spec);
    const auto eq = text.find('=');
    Question q;
    q.key = fold_term(trimmed(std::string_view(text).substr(0, eq)));
    const std::string domain = eq == std::string::npos ? "texte" : trimmed(text.substr(eq + 1));
    const std::string form = "question « " + text +
                             " » : attendu CLÉ, CLÉ=texte, CLÉ=entier, CLÉ=1-5 ou CLÉ=oui|non "
                             "(clé en minuscules ASCII, chiffres, tirets)";
    if (!valid_key(q.key)) throw UsageError(form);
    if (domain == "texte" || domain == "text") return q;
    if (domain == "entier" || domain == "integer") {
        q.domain = Question::Domain::integer;
        return q;
    }
    if (const auto dash = domain.find('-'); dash != std::string::npos) {
        const auto low = small_integer(domain.substr(0, dash));
        const auto high = small_integer(domain.substr(dash + 1));
        if (low && high && *low < *high) {
            q.domain = Question::Domain::scale;
            q.low = *low, q.high = *high;
            return q;
        }
    }
    std::string_view rest = domain;
    while (true) {
        const auto bar = rest.find('|');
        const std::string choice = fold_term(trimmed(rest.substr(0, bar)));
        if (!valid_key(choice)) throw UsageError(form);
        q.choices.push_back(choice);
        if (bar == std::string_view::npos) break;
        rest.remove_prefix(bar + 1);
    }
    if (q.choices.size() < 2) throw UsageError(form);
    q.domain = Question::Domain::choice;
    return q;
}

std::vector<Question> default_questions(std::string_view kind) {
    std::vector<Question> questions;
    if (kind == "chaud")
        for (std::string_view spec : chaud_defaults)
            questions.push_back(parse_question(spec));
    else
        for (std::string_view spec : froid_defaults)
            questions.push_back(parse_question(spec));
    return questions;
}

std::vector<Question> questions_for(const std::optional<Practice>& practice,
                                    std::string_view kind) {
    const auto& own = !practice         ? std::nullopt
                      : kind == "chaud" ? practice->questions_chaud
                                        : practice->questions_froid;
    if (!own) return default_questions(kind);
    std::vector<Question> questions;
    for (const std::string& spec : *own)
        questions.push_back(parse_question(spec));
    return questions;
}

Answer parse_answer(std::string_view text) {
    const auto eq = text.find('=');
    Answer answer;
    if (eq != std::string_view::npos) {
        answer.key = fold_term(trimmed(text.substr(0, eq)));
        answer.value = trimmed(text.substr(eq + 1));
    }
    if (eq == std::string_view::npos || !valid_key(answer.key) || answer.value.empty())
        throw UsageError("--answer « " + std::string(text) +
                         " » : attendu CLÉ=VALEUR (ex. attentes=4, recommande=oui)");
    return answer;
}

std::optional<Problem> check_answer(const std::vector<Question>& questions, Answer& answer,
                                    std::string_view kind) {
    const auto q = std::find_if(questions.begin(), questions.end(),
                                [&](const Question& x) { return x.key == answer.key; });
    if (q == questions.end()) {
        std::string keys;
        for (const Question& x : questions)
            keys += (keys.empty() ? "" : ", ") + x.key;
        return Problem{
            .code = "evaluation.unknown-question",
            .severity = Severity::notice,
            .values = {{"key", answer.key}, {"kind", std::string(kind)}, {"keys", keys}}};
    }
    const std::string value = trimmed(answer.value);
    bool fits = true;
    switch (q->domain) {
    case Question::Domain::scale: {
        const auto n = small_integer(value);
        fits = n && *n >= q->low && *n <= q->high;
        if (fits) answer.value = std::to_string(*n);
        break;
    }
    case Question::Domain::integer: {
        const auto n = small_integer(value);
        fits = n.has_value();
        if (fits) answer.value = std::to_string(*n);
        break;
    }
    case Question::Domain::choice: {
        const std::string folded = fold_term(value);
        fits = std::find(q->choices.begin(), q->choices.end(), folded) != q->choices.end();
        if (fits) answer.value = folded;
        break;
    }
    case Question::Domain::text:
        break;
    }
    if (fits) return std::nullopt;
    Values values{{"key", answer.key}, {"kind", std::string(kind)}, {"value", answer.value}};
    for (NamedValue& v : domain_values(*q))
        values.push_back(std::move(v));
    return Problem{.code = "evaluation.out-of-domain",
                   .severity = Severity::notice,
                   .values = std::move(values)};
}

// ---- views --------------------------------------------------------------------------------

std::string evaluations_table(const std::vector<Evaluation>& evaluations) {
    std::vector<std::vector<std::string>> rows;
    for (const Evaluation& e : evaluations) {
        std::string answers;
        for (const Answer& a : e.answers)
            answers += (answers.empty() ? "" : " ") + a.key + "=" + a.value;
        std::string kind(term_label(evaluation_kinds(), e.kind));
        if (!e.by.empty()) kind += " (" + std::string(term_label(evaluation_parties(), e.by)) + ")";
        rows.push_back(
            {e.id, e.date.iso(), kind, std::to_string(e.satisfaction) + "/5", answers, e.comment});
    }
    return aligned_rows(rows);
}

std::string evaluations_json(const std::vector<Evaluation>& evaluations) {
    JsonWriter json;
    json.begin_object().field("schema", 1).key("evaluations").begin_array();
    for (const Evaluation& e : evaluations) {
        json.begin_object()
            .field("id", e.id)
            .field("kind", e.kind)
            .field("by", e.by.empty() ? std::string("beneficiaire") : e.by)
            .field("date", e.date)
            .field("satisfaction", e.satisfaction);
        json.key("answers").begin_object();
        for (const Answer& a : e.answers) {
            const auto n = small_integer(a.value);
            n ? json.field(a.key, *n) : json.field(a.key, a.value);
        }
        json.end_object().text_or_null("comment", e.comment).end_object();
    }
    json.end_array().end_object();
    return json.str();
}

// ---- after the end -------------------------------------------------------------------------

std::optional<Date> synthesis_date(const BilanRecord& bilan) {
    return bilan.handover ? bilan.handover : bilan.end;
}

bool deadline_stands(const BilanRecord& bilan, const Date& due) {
    return !bilan.abandoned || due < *bilan.abandoned;
}

const Phase* followup_phase(const Framework& framework) {
    try {
        return framework.find_phase(framework.resolve_phase("suivi"));
    } catch (const UsageError&) {
        return nullptr;
    }
}

const Session* followup_session(const Framework& framework, const std::vector<Session>& sessions) {
    const Phase* phase = followup_phase(framework);
    if (!phase) return nullptr;
    for (const Session& s : sessions) // in date order: the first one
        if (s.phase == phase->key) return &s;
    return nullptr;
}

std::optional<Date> evaluation_froid_due(const Framework& framework, const BilanRecord& bilan) {
    if (!bilan.end) return std::nullopt;
    const Date due = bilan.end->plus_months(framework.followup_months.value_or(6));
    if (!deadline_stands(bilan, due)) return std::nullopt;
    return due;
}

const Evaluation* first_evaluation(const std::vector<Evaluation>& evaluations,
                                   std::string_view kind) {
    for (const Evaluation& e : evaluations)
        if (e.kind == kind && e.by.empty()) return &e; // a funder's view is not hers
    return nullptr;
}

std::vector<Problem> after_end_warnings(const Framework& framework, const Folder& folder,
                                        const Date& today) {
    std::vector<Problem> warnings;
    const BilanRecord& b = folder.bilan;
    // On its day a deadline is due ("à faire"), the next day overdue ("en retard").
    if (const auto due = followup_due(framework, b);
        due && *due <= today && !followup_session(framework, folder.sessions))
        warnings.push_back(
            {.code = framework.name == "be"
                         ? (today == *due ? "followup.due-limit" : "followup.overdue-limit")
                         : (today == *due ? "followup.due" : "followup.overdue"),
             .severity = Severity::warning,
             .values = {{"due", due->iso()}},
             .source = std::string(followup_source(framework))});
    if (b.end && *b.end <= today && deadline_stands(b, *b.end) &&
        !first_evaluation(folder.evaluations, "chaud"))
        warnings.push_back(
            {.code = "evaluation.chaud-missing",
             .severity = Severity::warning,
             .values = {{"end", b.end->iso()}},
             .source = std::string(evaluation_source(framework, "Qualiopi, indicateurs 11 et 30")),
             .remedy = Remedy{"evaluation.add",
                              {{"kind", "chaud"}, {"date", {}}, {"satisfaction", {}}}}});
    if (const auto due = evaluation_froid_due(framework, b);
        due && *due <= today && !first_evaluation(folder.evaluations, "froid"))
        warnings.push_back(
            {.code = today == *due ? "evaluation.froid-due" : "evaluation.froid-overdue",
             .severity = Severity::warning,
             .values = {{"due", due->iso()}},
             .source = std::string(evaluation_source(framework, "Qualiopi, indicateur 30"))});
    return warnings;
}

std::string after_end_lines(const Framework& framework, const Folder& folder, const Date& today) {
    const BilanRecord& b = folder.bilan;
    std::string out;
    if (b.handover)
        out += "Synthèse remise le " + b.handover->french() +
               (b.handover_mode.empty()
                    ? ""
                    : " (" + std::string(term_label(handover_modes(), b.handover_mode)) + ")") +
               "\n";
    if (b.abandoned)
        out += "Bilan abandonné le " + b.abandoned->french() +
               (b.abandon_reason.empty() ? "" : " : " + visible_line(b.abandon_reason)) +
               " ; plus de suivi après cette date\n";
    const auto due = followup_due(framework, b);
    // The Belgian scheme sets a limit, where France has a custom (issue 26, item 4).
    const std::string by = framework.name == "be" ? "au plus tard le " : "vers le ";
    if (const Session* done = followup_session(framework, folder.sessions))
        out += "Entretien de suivi fait le " + done->date.french() +
               (due ? " (prévu " + by + due->french() + ")" : "") + "\n";
    else if (due && today < *due)
        out += "Entretien de suivi prévu " + by + due->french() + "\n";
    else if (due && today == *due)
        out += "Entretien de suivi prévu " + by + due->french() + " : c'est aujourd'hui\n";
    else if (due)
        out += "Entretien de suivi en retard : prévu " + by + due->french() + "\n";
    for (const Term& kind : evaluation_kinds()) {
        const std::string what = "Évaluation " + std::string(kind.label);
        if (const Evaluation* e = first_evaluation(folder.evaluations, kind.key))
            out += what + " faite le " + e->date.french() + " (satisfaction " +
                   std::to_string(e->satisfaction) + "/5)\n";
        else if (kind.key == "froid") {
            if (const auto froid = evaluation_froid_due(framework, b))
                out += what +
                       (today < *froid    ? " prévue vers le "
                        : today == *froid ? " à faire aujourd'hui, due le "
                                          : " en retard : due le ") +
                       froid->french() + "\n";
        } else if (b.end && deadline_stands(b, *b.end) && *b.end <= today) {
            out += what + " à faire (bilan terminé le " + b.end->french() + ")\n";
        }
    }
    return out;
}

} // namespace bilan
