#include "bilan/practice_report.hpp"

#include "bilan/csv.hpp"
#include "bilan/edof.hpp"
#include "bilan/evaluations.hpp"
#include "bilan/json.hpp"
#include "bilan/markdown.hpp"
#include "bilan/practice.hpp"
#include "bilan/proof_documents.hpp"
#include "bilan/rules.hpp"
#include "bilan/typography.hpp"
#include "bilan/values.hpp"
#include "bilan/views.hpp"

#include <algorithm>
#include <string_view>
#include <utility>

namespace bilan {
namespace {

// ---- one bilan -----------------------------------------------------------------------------

bool in_year(const std::optional<Date>& date, std::optional<int> year) {
    return date && (!year || date->year == *year);
}

std::string funding_key(const Framework& framework, const BilanRecord& bilan) {
    if (bilan.funding.empty()) return "non-renseigne";
    try {
        return framework.resolve_funding(bilan.funding);
    } catch (const UsageError&) { // a funding the framework lacks: counted as written
        return bilan.funding;
    }
}

std::string answer_of(const Evaluation& evaluation, std::string_view key) {
    for (const Answer& answer : evaluation.answers)
        if (answer.key == key) return answer.value;
    return {};
}

void add_sessions(const Framework& framework, const Folder& folder, std::optional<int> year,
                  BilanFigures& figures) {
    for (const Session& s : folder.sessions) { // held ones: the others are apart
        if (!framework.counts(s.phase) || (year && s.date.year != *year)) continue;
        figures.in_scope = true;
        if (!is_accompaniment(s.kind)) continue;
        figures.accompaniment_minutes += s.minutes;
        ++figures.appointments;
        // cerfa 10443, F-1: "en tout ou partie à distance": one remote session is enough.
        figures.remote = figures.remote || s.mode == "distance";
    }
    if (!year) figures.in_scope = true;
    figures.remote = figures.remote && figures.in_scope;
}

void add_evaluations(const Framework& framework, const Folder& folder, std::optional<int> year,
                     const Date& today, BilanFigures& figures) {
    const BilanRecord& bilan = folder.bilan;
    for (const Evaluation& e : folder.evaluations) {
        if (year && e.date.year != *year) continue;
        figures.evaluations.push_back(
            {e.kind, e.satisfaction, answer_of(e, "situation"), answer_of(e, "projet"), e.by});
    }
    const auto has = [&](std::string_view kind) {
        return first_evaluation(folder.evaluations, kind) != nullptr;
    };
    figures.chaud_expected = figures.ended && deadline_stands(bilan, *bilan.end);
    figures.chaud_answered = figures.chaud_expected && has("chaud");
    const std::optional<Date> froid = evaluation_froid_due(framework, bilan);
    figures.froid_expected = in_year(froid, year) && *froid <= today;
    figures.froid_answered = figures.froid_expected && has("froid");
}

// The parts of the financing as the BPF's frame C counts them: a CPF file is paid by the Caisse
// des Dépôts through the platform, the holder's participation and any top-up included
// (practice.md §10, to confirm against the cerfa's notice), so all of it is the CPF's line.
std::vector<FundingPart> income_parts(const Folder& folder, std::string_view funding) {
    std::vector<FundingPart> parts = folder.financing.parts;
    if (funding == "cpf")
        for (FundingPart& part : parts)
            part.payer = "cpf";
    return parts;
}

} // namespace

BilanFigures figures_of(const Framework& framework, const Folder& folder, std::optional<int> year,
                        const Date& today) {
    const BilanRecord& bilan = folder.bilan;
    BilanFigures figures;
    figures.belgian = framework.name == "be";
    figures.funding = funding_key(framework, bilan);
    // A date still ahead of `today` (a bilan planned, an end foreseen) has not happened yet.
    const auto happened = [&](const std::optional<Date>& date) {
        return in_year(date, year) && *date <= today;
    };
    figures.started = happened(bilan.start);
    figures.abandoned = abandoned_bilan(bilan) && happened(bilan.abandoned);
    figures.ended = completed(bilan) && happened(bilan.end);
    figures.counsellor = bilan.counsellor;
    figures.counsellor_external = folder.counsellor_external;
    figures.f1_line = bpf_f1_line(bilan.public_line);
    if (figures.f1_line.empty() && folder.financing.jobseeker.value_or(false))
        figures.f1_line = "c";
    add_sessions(framework, folder, year, figures);
    const HourReport hours = hour_report(framework, folder);
    figures.floor_breach = figures.ended && floor_in_force(framework, bilan) &&
                           hours.floor_counted_minutes < *framework.floor_minutes;
    figures.cap_breach =
        figures.in_scope && framework.cap_minutes && hours.counted_minutes > *framework.cap_minutes;
    add_evaluations(framework, folder, year, today, figures);
    // Income counts by invoice date, as the BPF (cerfa 10443) counts the year's products: the CPF
    // file's invoice, else the end (the usual practice; to confirm against the cerfa's notice).
    const std::optional<Date> invoiced = folder.edof.invoiced ? folder.edof.invoiced : bilan.end;
    if (!year || in_year(invoiced, year)) figures.income = income_parts(folder, figures.funding);
    return figures;
}

// ---- across bilans -------------------------------------------------------------------------

std::string FolderNote::line() const {
    return message.starts_with(folder + "/") ? message : folder + " : " + message;
}

namespace {

void add_evaluation(EvaluationTotals& totals, const EvaluationFigure& e) {
    ++totals.responses;
    totals.satisfaction_sum += e.satisfaction;
    totals.satisfied += e.satisfaction >= 4;
    if (!e.situation.empty()) ++totals.situations[e.situation];
    if (!e.projet.empty()) {
        ++totals.projet_answers;
        totals.projet_moving += e.projet == "realise" || e.projet == "en-cours";
    }
}

EvaluationTotals& totals_for(Tally& tally, const EvaluationFigure& e) {
    if (e.by == "financeur") return tally.financeur;
    if (e.by == "employeur") return tally.employeur;
    return e.kind == "chaud" ? tally.chaud : tally.froid;
}

std::size_t f1_index(std::string_view line) {
    return static_cast<std::size_t>(line.front() - 'a');
}

// The folders behind each figure, by the keys figures_list gives them.
std::vector<std::string> detail_keys(const BilanFigures& b) {
    std::vector<std::string> keys;
    const auto when = [&](bool yes, std::string key) {
        if (yes) keys.push_back(std::move(key));
    };
    when(b.in_scope, "bilans");
    when(b.in_scope, "by_funding." + b.funding + ".bilans");
    when(b.started, "started");
    when(b.ended, "ended");
    when(b.abandoned, "abandoned");
    when(b.floor_breach, "floor_breaches");
    when(b.cap_breach, "cap_breaches");
    for (const EvaluationFigure& e : b.evaluations)
        keys.push_back("evaluations." + (e.by.empty() ? e.kind : e.by) + ".responses");
    if (b.belgian) {
        when(b.in_scope, "belgium.bilans");
        return keys;
    }
    when(b.ended, "qualiopi.ended");
    when(b.abandoned, "qualiopi.abandoned");
    if (!b.in_scope) return keys;
    keys.emplace_back("bpf.f3e_bilans");
    keys.push_back(b.f1_line.empty() ? "bpf.f1_unknown_count" : "bpf.f1" + b.f1_line + "_count");
    when(b.remote, "bpf.f1_remote");
    keys.emplace_back(b.counsellor_external ? "bpf.e_external_count" : "bpf.e_internal_count");
    return keys;
}

} // namespace

void Tally::add(const BilanFigures& b) {
    started += b.started;
    ended += b.ended;
    abandoned += b.abandoned;
    floor_breaches += b.floor_breach;
    chaud_expected += b.chaud_expected;
    chaud_answered += b.chaud_answered;
    froid_expected += b.froid_expected;
    froid_answered += b.froid_answered;
    for (const EvaluationFigure& e : b.evaluations)
        add_evaluation(totals_for(*this, e), e);
    for (const FundingPart& part : b.income)
        income_cents[part.payer] += part.cents;
    if (!b.in_scope) return;
    ++bilans;
    accompaniment_minutes += b.accompaniment_minutes;
    appointments += b.appointments;
    FundingTotals& funding = by_funding[b.funding];
    ++funding.bilans;
    funding.accompaniment_minutes += b.accompaniment_minutes;
    cap_breaches += b.cap_breach;
    if (b.counsellor.empty())
        ++unnamed;
    else
        (b.counsellor_external ? external_counsellors : internal_counsellors)
            .insert(person_key(b.counsellor));
    (b.counsellor_external ? external_minutes : internal_minutes) += b.accompaniment_minutes;
    remote += b.remote;
    if (b.f1_line.empty()) {
        ++f1_unknown;
    } else {
        ++f1_count[f1_index(b.f1_line)];
        f1_minutes[f1_index(b.f1_line)] += b.accompaniment_minutes;
    }
}

void PracticeReport::add(const BilanFigures& b, const std::string& folder) {
    all.add(b);
    (b.belgian ? belgium : france).add(b);
    for (std::string& key : detail_keys(b))
        detail[std::move(key)].push_back(folder);
}

namespace {

// ---- one list of figures for JSON, CSV and Markdown ------------------------------------------

// num ÷ den × scale, rounded half up to two decimals and written as JSON ("4.25", "87.5",
// "4"); nullopt when den is 0. Integer arithmetic: the same figures give the same bytes.
std::optional<std::string> decimal(std::int64_t num, std::int64_t den, std::int64_t scale = 1) {
    if (den == 0) return std::nullopt;
    const std::int64_t hundredths = (num * scale * 100 * 2 + den) / (2 * den);
    std::string text = std::to_string(hundredths / 100);
    if (const std::int64_t cents = hundredths % 100; cents != 0) {
        text += '.';
        text += static_cast<char>('0' + cents / 10);
        if (cents % 10 != 0) text += static_cast<char>('0' + cents % 10);
    }
    return text;
}

// A figure: its path in the JSON document, its JSON value, its French label and its unit for
// Markdown (JSON and CSV keep minutes and cents, which scripts add up).
enum class Unit { count, minutes, cents, other };
struct Figure {
    std::vector<std::string> path;
    std::string json; // a number, null or true
    std::string label;
    Unit unit = Unit::count;
};

std::string number_or_null(const std::optional<std::string>& value) {
    return value ? *value : "null";
}

// The payers' lines of the BPF's frame C (cerfa 10443, L6352-11: its labels as the form has
// them, which line each payer goes to still to confirm against the cerfa's notice).
std::string_view bpf_income_line(std::string_view payer) {
    if (payer == "employeur") return "C-1";
    if (payer == "cpf") return "C-2e";
    if (payer == "opco") return "C-2h";
    if (payer == "france-travail") return "C-7";
    if (payer == "beneficiaire") return "C-9";
    return "C-autre";
}

std::string_view bpf_income_label(std::string_view line) {
    if (line == "C-1") return "entreprises pour la formation de leurs salariés";
    if (line == "C-2e") return "compte personnel de formation";
    if (line == "C-2h") return "OPCO, autres dispositifs";
    if (line == "C-7") return "France Travail";
    if (line == "C-9") return "particuliers à leurs propres frais";
    return "autres produits, à classer";
}

// The lines of frame F-1, a to e, as the cerfa labels them.
constexpr std::array<std::string_view, 5> f1_labels{
    "salariés d'employeurs privés hors apprentis", "apprentis", "personnes en recherche d'emploi",
    "particuliers à leurs propres frais", "autres stagiaires"};

// "bpf.f1a_count": a figure's key in CSV and in the detail.
std::string dotted(const std::vector<std::string>& path) {
    std::string key;
    for (const std::string& part : path)
        key += (key.empty() ? "" : ".") + part;
    return key;
}

class FigureList {
public:
    void add(std::vector<std::string> path, std::string json, std::string label,
             Unit unit = Unit::count) {
        list_.push_back({std::move(path), std::move(json), std::move(label), unit});
    }
    void count(std::vector<std::string> path, std::int64_t n, std::string label) {
        add(std::move(path), std::to_string(n), std::move(label));
    }
    void minutes(std::vector<std::string> path, std::int64_t n, std::string label) {
        add(std::move(path), std::to_string(n), std::move(label), Unit::minutes);
    }
    void rate(std::vector<std::string> path, std::int64_t num, std::int64_t den,
              std::string label) {
        add(std::move(path), number_or_null(decimal(num, den, 100)), std::move(label), Unit::other);
    }
    void mean(std::vector<std::string> path, const EvaluationTotals& totals, std::string label) {
        add(std::move(path), number_or_null(decimal(totals.satisfaction_sum, totals.responses)),
            std::move(label), Unit::other);
    }
    std::vector<Figure> take() { return std::move(list_); }

private:
    std::vector<Figure> list_;
};

void activity_figures(FigureList& out, const PracticeReport& r) {
    const Tally& t = r.all;
    out.add({"year"}, r.year ? std::to_string(*r.year) : "null", "Année");
    out.count({"folders"}, r.folders, "Dossiers trouvés");
    out.count({"bilans"}, t.bilans, "Bilans");
    out.count({"started"}, t.started, "Bilans commencés");
    out.count({"ended"}, t.ended, "Bilans terminés");
    out.count({"abandoned"}, t.abandoned, "Bilans abandonnés");
    out.minutes({"accompaniment_minutes"}, t.accompaniment_minutes, "Heures d'accompagnement");
    for (const auto& [funding, totals] : t.by_funding) {
        out.count({"by_funding", funding, "bilans"}, totals.bilans, funding + " : bilans");
        out.minutes({"by_funding", funding, "accompaniment_minutes"}, totals.accompaniment_minutes,
                    funding + " : heures d'accompagnement");
    }
    for (const auto& [kind, totals] :
         {std::pair<std::string, const EvaluationTotals&>{"chaud", t.chaud},
          {"froid", t.froid},
          {"financeur", t.financeur},
          {"employeur", t.employeur}}) {
        const std::string who =
            kind == "chaud" || kind == "froid" ? "Évaluations à " + kind : "Avis des " + kind + "s";
        out.count({"evaluations", kind, "responses"}, totals.responses, who + " : réponses");
        out.mean({"evaluations", kind, "satisfaction_mean"}, totals,
                 who + " : satisfaction moyenne (sur 5)");
        if (kind == "froid")
            for (const auto& [situation, n] : totals.situations)
                out.count({"evaluations", "froid", "situations", situation}, n,
                          "Situation à froid : " + situation);
    }
    out.count({"floor_breaches"}, t.floor_breaches, "Bilans terminés sous le plancher");
    out.count({"cap_breaches"}, t.cap_breaches, "Bilans au-delà du plafond");
}

// Qualiopi indicators 2 and 30 (décret 2019-564, référentiel national qualité), French bilans
// only: each rate is published with its base, so that a reader can judge it.
void qualiopi_figures(FigureList& out, const Tally& t) {
    const std::vector<std::string> q{"qualiopi"};
    const auto at = [&](std::string key) {
        std::vector<std::string> path = q;
        path.push_back(std::move(key));
        return path;
    };
    out.count(at("ended"), t.ended, "Bilans terminés");
    out.count(at("abandoned"), t.abandoned, "Bilans abandonnés");
    out.rate(at("completion_rate_percent"), t.ended, t.ended + t.abandoned,
             "Taux d'achèvement (terminés ÷ (terminés + abandonnés), %)");
    out.rate(at("abandonment_rate_percent"), t.abandoned, t.ended + t.abandoned,
             "Taux d'abandon (abandonnés ÷ (terminés + abandonnés), %)");
    out.count(at("chaud_responses"), t.chaud.responses, "Évaluations à chaud : réponses");
    out.mean(at("chaud_satisfaction_mean"), t.chaud, "Satisfaction moyenne à chaud (sur 5)");
    out.rate(at("satisfied_percent"), t.chaud.satisfied, t.chaud.responses,
             "Satisfaction 4 ou 5 à chaud (%)");
    out.rate(at("chaud_response_rate_percent"), t.chaud_answered, t.chaud_expected,
             "Taux de réponse à chaud (%)");
    out.count(at("froid_responses"), t.froid.responses, "Évaluations à froid : réponses");
    out.mean(at("froid_satisfaction_mean"), t.froid, "Satisfaction moyenne à froid (sur 5)");
    out.rate(at("froid_response_rate_percent"), t.froid_answered, t.froid_expected,
             "Taux de réponse à froid (%)");
    out.rate(at("projet_moving_percent"), t.froid.projet_moving, t.froid.projet_answers,
             "Projet réalisé ou en cours à froid (%)");
    out.count(at("financeur_responses"), t.financeur.responses,
              "Indicateur 30, avis des financeurs : réponses");
    out.mean(at("financeur_satisfaction_mean"), t.financeur,
             "Indicateur 30, avis des financeurs : satisfaction moyenne (sur 5)");
    out.count(at("employeur_responses"), t.employeur.responses,
              "Indicateur 30, avis des employeurs : réponses");
    out.mean(at("employeur_satisfaction_mean"), t.employeur,
             "Indicateur 30, avis des employeurs : satisfaction moyenne (sur 5)");
}

// The BPF's lines a bilan provider fills (cerfa 10443, L6352-11), French bilans only, named as
// the online form names them; which line takes what is still to confirm against its notice.
void bpf_figures(FigureList& out, const Tally& t) {
    const auto at = [](std::string key) { return std::vector<std::string>{"bpf", std::move(key)}; };
    // In the form's order: frame C (income), E (people), F-1 and F-3 (trainees, hours).
    std::map<std::string, std::int64_t> lines;
    for (const auto& [payer, cents] : t.income_cents)
        lines[std::string(bpf_income_line(payer))] += cents;
    for (const auto& [line, cents] : lines)
        out.add({"bpf", "income_cents", line}, std::to_string(cents),
                line + " : " + std::string(bpf_income_label(line)), Unit::cents);
    // A bilan naming nobody was held by someone: when no counsellor is named at all, by one
    // person of the provider (the sole practitioner); else, presumably, by the people named.
    const bool nobody_named = t.internal_counsellors.empty() && t.external_counsellors.empty();
    const std::int64_t internal = static_cast<std::int64_t>(t.internal_counsellors.size()) +
                                  (nobody_named && t.bilans > 0 ? 1 : 0);
    const auto external = static_cast<std::int64_t>(t.external_counsellors.size());
    out.count(at("e_internal_count"), internal,
              "E : personnes de l'organisme dispensant des heures");
    out.minutes(at("e_internal_minutes"), t.internal_minutes, "E : heures dispensées, internes");
    out.count(at("e_external_count"), external,
              "E : personnes extérieures à l'organisme (sous-traitance)");
    out.minutes(at("e_external_minutes"), t.external_minutes, "E : heures dispensées, externes");
    out.count(at("e_counsellors"), internal + external, "E : personnes, en tout");
    out.minutes(at("e_minutes"), t.accompaniment_minutes, "E : heures dispensées, en tout");
    for (std::size_t i = 0; i < f1_labels.size(); ++i) {
        const std::string line(1, static_cast<char>('a' + i));
        const std::string label = "F-1 " + line + " : " + std::string(f1_labels[i]);
        out.count(at("f1" + line + "_count"), t.f1_count[i], label + ", stagiaires");
        out.minutes(at("f1" + line + "_minutes"), t.f1_minutes[i], label + ", heures");
    }
    out.count(at("f1_unknown_count"), t.f1_unknown, "F-1 : public non renseigné (à classer)");
    out.count(at("f1_remote"), t.remote,
              "F-1 : dont stagiaires ayant suivi une action en tout ou partie à distance");
    out.count(at("f3e_bilans"), t.bilans, "F-3 e : bilans de compétences, stagiaires");
    out.minutes(at("f3e_minutes"), t.accompaniment_minutes,
                "F-3 e : bilans de compétences, heures");
    out.add(at("to_verify"), "true", "Correspondances à vérifier", Unit::other);
}

// The Belgian scheme (seed 001): apart, never in the BPF nor the Qualiopi figures.
void belgium_figures(FigureList& out, const Tally& t) {
    out.count({"belgium", "bilans"}, t.bilans, "Bilans");
    out.minutes({"belgium", "accompaniment_minutes"}, t.accompaniment_minutes,
                "Heures d'entretien et d'accompagnement");
    out.count({"belgium", "appointments"}, t.appointments, "Rendez-vous");
    for (const auto& [funding, totals] : t.by_funding) {
        out.count({"belgium", "by_funding", funding, "bilans"}, totals.bilans,
                  funding + " : bilans");
        out.minutes({"belgium", "by_funding", funding, "accompaniment_minutes"},
                    totals.accompaniment_minutes, funding + " : heures");
    }
}

// Indicators 31 and 32, from the practice folder's registers (none without them).
void register_figures_of(FigureList& out, const std::optional<RegisterFigures>& r) {
    if (!r) return;
    const auto days = [&](std::string key, const std::optional<int>& n, std::string label) {
        out.add({"registers", std::move(key)}, n ? std::to_string(*n) : "null", std::move(label),
                Unit::other);
    };
    out.count({"registers", "complaints_received"}, r->complaints_received, "Réclamations reçues");
    out.count({"registers", "complaints_closed"}, r->complaints_closed, "Réclamations closes");
    out.count({"registers", "complaints_open"}, r->complaints_open, "Réclamations ouvertes");
    days("complaints_days_to_close_mean", r->days_to_close_mean, "Délai moyen de clôture (jours)");
    days("complaints_days_to_close_max", r->days_to_close_max, "Délai maximal de clôture (jours)");
    out.count({"registers", "improvements_opened"}, r->improvements_opened,
              "Actions d'amélioration décidées");
    out.count({"registers", "improvements_done"}, r->improvements_done,
              "Actions d'amélioration faites");
    out.count({"registers", "improvements_open"}, r->improvements_open,
              "Actions d'amélioration en cours");
    out.count({"registers", "improvements_overdue"}, r->improvements_overdue,
              "Actions d'amélioration en retard");
}

std::vector<Figure> figures_list(const PracticeReport& r) {
    FigureList out;
    activity_figures(out, r);
    qualiopi_figures(out, r.france);
    bpf_figures(out, r.france);
    belgium_figures(out, r.belgium);
    register_figures_of(out, r.registers);
    return out.take();
}

} // namespace

void write_folder_notes(JsonWriter& json, std::string_view key,
                        const std::vector<FolderNote>& notes) {
    json.key(key).begin_array();
    for (const FolderNote& note : notes)
        json.begin_object()
            .field("folder", note.folder)
            .field("message", note.message)
            .end_object();
    json.end_array();
}

std::string report_json(const PracticeReport& report) {
    JsonWriter json;
    json.begin_object().field("schema", 1);
    std::vector<std::string> open; // the objects open, as a path
    for (const Figure& figure : figures_list(report)) {
        const std::vector<std::string> parent(figure.path.begin(), figure.path.end() - 1);
        std::size_t common = 0;
        while (common < open.size() && common < parent.size() && open[common] == parent[common])
            ++common;
        for (; open.size() > common; open.pop_back())
            json.end_object();
        for (; open.size() < parent.size(); open.push_back(parent[open.size()]))
            json.key(parent[open.size()]).begin_object();
        json.key(figure.path.back()).number(figure.json);
    }
    for (; !open.empty(); open.pop_back())
        json.end_object();
    if (report.with_detail) {
        json.key("detail").begin_object();
        for (const auto& [key, folders] : report.detail) {
            json.key(key).value(folders);
        }
        json.end_object();
    }
    write_folder_notes(json, "problems", report.problems);
    write_folder_notes(json, "notes", report.notes);
    return json.end_object().str();
}

std::string report_csv(const PracticeReport& report) {
    std::string out = csv_row({"indicateur", "valeur"});
    for (const Figure& figure : figures_list(report))
        out += csv_row({dotted(figure.path), figure.json == "null" ? "" : figure.json});
    if (report.with_detail)
        for (const auto& [key, folders] : report.detail)
            for (const std::string& folder : folders)
                out += csv_row({"detail." + key, folder});
    out += csv_row({"problems", std::to_string(report.problems.size())});
    return out;
}

namespace {

// A figure as a person reads it in a table: hours as "16 h 30", amounts as "1 600 €", decimals
// with a comma; "—" when there is no base to compute it on.
std::string shown(const Figure& figure) {
    if (figure.json == "null") return "—";
    switch (figure.unit) {
    case Unit::minutes:
        return french_hours(static_cast<int>(std::stoll(figure.json)));
    case Unit::cents:
        return french_amount(std::stoll(figure.json));
    case Unit::other: {
        std::string value = figure.json;
        std::replace(value.begin(), value.end(), '.', ',');
        return value;
    }
    case Unit::count:
        break;
    }
    return figure.json;
}

using Rows = std::vector<std::vector<std::string>>;

// The figures `pick` chooses, as rows of a two-column table.
template <typename Pick> Rows figure_rows(const std::vector<Figure>& figures, Pick pick) {
    Rows rows;
    for (const Figure& figure : figures)
        if (pick(figure)) rows.push_back({md::line(figure.label), shown(figure)});
    return rows;
}

Rows funding_rows(const std::map<std::string, FundingTotals>& by_funding) {
    Rows rows;
    for (const auto& [funding, totals] : by_funding)
        rows.push_back({md::line(funding == "non-renseigne"
                                     ? "non renseigné"
                                     : std::string(term_label(funding_kinds(), funding))),
                        std::to_string(totals.bilans),
                        french_hours(static_cast<int>(totals.accompaniment_minutes))});
    return rows;
}

Rows evaluation_rows(const Tally& t) {
    Rows rows;
    for (const auto& [label, totals] :
         {std::pair<std::string_view, const EvaluationTotals&>{"à chaud", t.chaud},
          {"à froid", t.froid},
          {"financeurs", t.financeur},
          {"employeurs", t.employeur}}) {
        if (totals.responses == 0 && (label == "financeurs" || label == "employeurs")) continue;
        std::string mean = decimal(totals.satisfaction_sum, totals.responses).value_or("—");
        std::replace(mean.begin(), mean.end(), '.', ',');
        rows.push_back({std::string(label), std::to_string(totals.responses), mean,
                        std::to_string(totals.satisfied)});
    }
    return rows;
}

// Each figure's folders, under its label: why F-1 a is 3.
std::vector<std::string> detail_items(const PracticeReport& report,
                                      const std::vector<Figure>& figures) {
    std::vector<std::string> items;
    for (const Figure& figure : figures) {
        const auto found = report.detail.find(dotted(figure.path));
        if (found == report.detail.end()) continue;
        std::string folders;
        for (const std::string& folder : found->second)
            folders += (folders.empty() ? "" : ", ") + folder;
        items.push_back(md::line(figure.label) + " (" + std::to_string(found->second.size()) +
                        ") : " + md::line(folders));
    }
    return items;
}

} // namespace

namespace {

bool bpf_line(const Figure& figure) {
    return figure.path.front() == "bpf" && figure.path.back() != "to_verify";
}

constexpr std::string_view bpf_note =
    "Lignes du Cerfa 10443, correspondance à vérifier sur sa notice ; heures "
    "d'accompagnement tenues ; produits comptés à la date de facturation EDOF, "
    "sinon à la fin du bilan ; un dossier CPF entièrement en C-2 e.";

} // namespace

std::string report_markdown(const PracticeReport& report) {
    const std::vector<Figure> figures = figures_list(report);
    const auto in = [](std::string_view section) {
        return [section](const Figure& f) {
            return f.path.front() == section && f.path.back() != "to_verify";
        };
    };
    md::Writer out;
    out.heading(1, "Activité du cabinet" +
                       (report.year ? " en " + std::to_string(*report.year) : std::string()));
    out.table({"Indicateur", "Valeur"}, "lr", figure_rows(figures, [](const Figure& f) {
                  return f.path.size() == 1 && f.path.front() != "year";
              }));
    if (!report.all.by_funding.empty()) {
        out.heading(2, "Par financement");
        out.table({"Financement", "Bilans", "Heures d'accompagnement"}, "lrr",
                  funding_rows(report.all.by_funding));
    }
    out.heading(2, "Évaluations");
    out.table({"Évaluation", "Réponses", "Satisfaction moyenne (sur 5)", "Satisfaits (4 ou 5)"},
              "lrrr", evaluation_rows(report.all));
    if (!report.all.froid.situations.empty()) {
        Rows rows;
        for (const auto& [situation, n] : report.all.froid.situations)
            rows.push_back({md::line(situation), std::to_string(n)});
        out.table({"Situation à froid", "Réponses"}, "lr", rows);
    }
    const bool belgian = report.belgium.bilans > 0;
    out.heading(2, belgian ? "Qualiopi, indicateurs 2 et 30 (bilans français)"
                           : "Qualiopi, indicateurs 2 et 30");
    out.table({"Indicateur", "Valeur"}, "lr", figure_rows(figures, in("qualiopi")));
    out.heading(2, belgian ? "Bilan pédagogique et financier (bilans français)"
                           : "Bilan pédagogique et financier");
    out.table({"Ligne", "Valeur"}, "lr", figure_rows(figures, in("bpf")));
    out.paragraph(bpf_note);
    if (belgian) {
        out.heading(2, "Bilans belges (hors BPF et Qualiopi)");
        out.table({"Indicateur", "Valeur"}, "lr", figure_rows(figures, in("belgium")));
    }
    if (report.registers) {
        out.heading(2, "Registres du cabinet, indicateurs 31 et 32");
        out.table({"Indicateur", "Valeur"}, "lr", figure_rows(figures, in("registers")));
    }
    if (report.with_detail) {
        out.heading(2, "Dossiers derrière chaque chiffre");
        out.list(detail_items(report, figures));
    }
    if (!report.problems.empty()) {
        out.heading(2, "Dossiers illisibles");
        std::vector<std::string> items;
        for (const FolderNote& problem : report.problems)
            items.push_back(md::line(problem.folder + " : " + problem.message));
        out.list(items);
    }
    return out.str();
}

std::string bpf_markdown(const PracticeReport& report) {
    md::Writer out;
    out.heading(1, "Bilan pédagogique et financier" +
                       (report.year ? " " + std::to_string(*report.year) : std::string()) +
                       " (Cerfa 10443)");
    out.table({"Ligne", "Valeur"}, "lr", figure_rows(figures_list(report), bpf_line));
    out.paragraph(bpf_note);
    return out.str();
}

std::string bpf_csv(const PracticeReport& report) {
    std::string out = csv_row({"cle", "ligne", "valeur", "unite"});
    for (const Figure& figure : figures_list(report)) {
        if (!bpf_line(figure)) continue;
        const char* unit = figure.unit == Unit::minutes ? "minutes"
                           : figure.unit == Unit::cents ? "centimes"
                                                        : "";
        out += csv_row({dotted(figure.path), figure.label, figure.json, unit});
    }
    return out;
}

} // namespace bilan
