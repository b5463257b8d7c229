#include "bilan/practice_report.hpp"

#include "bilan/csv.hpp"
#include "bilan/edof.hpp"
#include "bilan/evaluations.hpp"
#include "bilan/json.hpp"
#include "bilan/markdown.hpp"
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
    bool any_accompaniment = false, all_remote = true;
    for (const Session& s : folder.sessions) {
        if (!framework.counts(s.phase) || (year && s.date.year != *year)) continue;
        figures.in_scope = true;
        if (!is_accompaniment(s.kind)) continue;
        figures.accompaniment_minutes += s.minutes;
        any_accompaniment = true;
        all_remote = all_remote && s.mode == "distance";
    }
    if (!year) figures.in_scope = true;
    figures.remote = figures.in_scope && any_accompaniment && all_remote;
}

void add_evaluations(const Framework& framework, const Folder& folder, std::optional<int> year,
                     const Date& today, BilanFigures& figures) {
    const BilanRecord& bilan = folder.bilan;
    for (const Evaluation& e : folder.evaluations) {
        if (year && e.date.year != *year) continue;
        figures.evaluations.push_back(
            {e.kind, e.satisfaction, answer_of(e, "situation"), answer_of(e, "projet")});
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

} // namespace

BilanFigures figures_of(const Framework& framework, const Folder& folder, std::optional<int> year,
                        const Date& today) {
    const BilanRecord& bilan = folder.bilan;
    BilanFigures figures;
    figures.funding = funding_key(framework, bilan);
    // A date still ahead of `today` (a bilan planned, an end foreseen) has not happened yet.
    const auto happened = [&](const std::optional<Date>& date) {
        return in_year(date, year) && *date <= today;
    };
    figures.started = happened(bilan.start);
    figures.ended = happened(bilan.end);
    figures.abandoned = happened(bilan.abandoned);
    figures.counsellor = bilan.counsellor;
    figures.jobseeker = folder.financing.jobseeker.value_or(false);
    add_sessions(framework, folder, year, figures);
    const HourReport hours = hour_report(framework, folder);
    figures.floor_breach = figures.ended && framework.floor_minutes &&
                           hours.floor_counted_minutes < *framework.floor_minutes;
    figures.cap_breach =
        figures.in_scope && framework.cap_minutes && hours.counted_minutes > *framework.cap_minutes;
    add_evaluations(framework, folder, year, today, figures);
    // Income counts by invoice date, as the BPF (cerfa 10443) counts the year's products: the CPF
    // file's invoice, else the end (the usual practice; to confirm against the cerfa's notice).
    const std::optional<Date> invoiced = folder.edof.invoiced ? folder.edof.invoiced : bilan.end;
    if (!year || in_year(invoiced, year)) figures.income = folder.financing.parts;
    return figures;
}

// ---- across bilans -------------------------------------------------------------------------

std::string FolderNote::line() const {
    return message.starts_with(folder + "/") ? message : folder + " : " + message;
}

void PracticeReport::add(const BilanFigures& b) {
    started += b.started;
    ended += b.ended;
    abandoned += b.abandoned;
    floor_breaches += b.floor_breach;
    chaud_expected += b.chaud_expected;
    chaud_answered += b.chaud_answered;
    froid_expected += b.froid_expected;
    froid_answered += b.froid_answered;
    for (const EvaluationFigure& e : b.evaluations) {
        EvaluationTotals& totals = e.kind == "chaud" ? chaud : froid;
        ++totals.responses;
        totals.satisfaction_sum += e.satisfaction;
        totals.satisfied += e.satisfaction >= 4;
        if (!e.situation.empty()) ++totals.situations[e.situation];
        if (!e.projet.empty()) {
            ++totals.projet_answers;
            totals.projet_moving += e.projet == "realise" || e.projet == "en-cours";
        }
    }
    for (const FundingPart& part : b.income)
        income_cents[part.payer] += part.cents;
    if (!b.in_scope) return;
    ++bilans;
    accompaniment_minutes += b.accompaniment_minutes;
    FundingTotals& funding = by_funding[b.funding];
    ++funding.bilans;
    funding.accompaniment_minutes += b.accompaniment_minutes;
    cap_breaches += b.cap_breach;
    if (!b.counsellor.empty()) counsellors.insert(b.counsellor);
    remote += b.remote;
    if (b.jobseeker) {
        ++jobseekers;
        jobseeker_minutes += b.accompaniment_minutes;
    }
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

std::vector<Figure> figures_list(const PracticeReport& r) {
    std::vector<Figure> list;
    const auto add = [&](std::vector<std::string> path, std::string json, std::string label,
                         Unit unit = Unit::count) {
        list.push_back({std::move(path), std::move(json), std::move(label), unit});
    };
    const auto count = [](std::int64_t n) { return std::to_string(n); };
    add({"year"}, r.year ? count(*r.year) : "null", "Année");
    add({"folders"}, count(r.folders), "Dossiers trouvés");
    add({"bilans"}, count(r.bilans), "Bilans");
    add({"started"}, count(r.started), "Bilans commencés");
    add({"ended"}, count(r.ended), "Bilans terminés");
    add({"abandoned"}, count(r.abandoned), "Bilans abandonnés");
    add({"accompaniment_minutes"}, count(r.accompaniment_minutes), "Heures d'accompagnement",
        Unit::minutes);
    for (const auto& [funding, totals] : r.by_funding) {
        add({"by_funding", funding, "bilans"}, count(totals.bilans), funding + " : bilans");
        add({"by_funding", funding, "accompaniment_minutes"}, count(totals.accompaniment_minutes),
            funding + " : heures d'accompagnement", Unit::minutes);
    }
    for (const auto& [kind, totals] :
         {std::pair<std::string, const EvaluationTotals&>{"chaud", r.chaud}, {"froid", r.froid}}) {
        const std::vector<std::string> at{"evaluations", kind};
        const auto path = [&](std::string key) {
            std::vector<std::string> p = at;
            p.push_back(std::move(key));
            return p;
        };
        add(path("responses"), count(totals.responses), "Évaluations à " + kind + " : réponses");
        add(path("satisfaction_mean"),
            number_or_null(decimal(totals.satisfaction_sum, totals.responses)),
            "Évaluations à " + kind + " : satisfaction moyenne (sur 5)", Unit::other);
        if (kind == "froid")
            for (const auto& [situation, n] : totals.situations)
                add({"evaluations", "froid", "situations", situation}, count(n),
                    "Situation à froid : " + situation);
    }
    add({"floor_breaches"}, count(r.floor_breaches), "Bilans terminés sous le plancher");
    add({"cap_breaches"}, count(r.cap_breaches), "Bilans au-delà du plafond");
    // Qualiopi indicator 2 (décret 2019-564, référentiel national qualité): each rate is
    // published with its base, so that a reader can judge it.
    add({"qualiopi", "completion_rate_percent"}, number_or_null(decimal(r.ended, r.started, 100)),
        "Taux d'achèvement (terminés ÷ commencés, %)", Unit::other);
    add({"qualiopi", "satisfied_percent"},
        number_or_null(decimal(r.chaud.satisfied, r.chaud.responses, 100)),
        "Satisfaction 4 ou 5 à chaud (%)", Unit::other);
    add({"qualiopi", "chaud_response_rate_percent"},
        number_or_null(decimal(r.chaud_answered, r.chaud_expected, 100)),
        "Taux de réponse à chaud (%)", Unit::other);
    add({"qualiopi", "froid_response_rate_percent"},
        number_or_null(decimal(r.froid_answered, r.froid_expected, 100)),
        "Taux de réponse à froid (%)", Unit::other);
    add({"qualiopi", "projet_moving_percent"},
        number_or_null(decimal(r.froid.projet_moving, r.froid.projet_answers, 100)),
        "Projet réalisé ou en cours à froid (%)", Unit::other);
    // The BPF's lines a bilan provider fills (cerfa 10443, L6352-11; which line takes what is
    // still to confirm against the cerfa's notice).
    add({"bpf", "f3e_bilans"}, count(r.bilans), "BPF F-3 e : bilans de compétences");
    add({"bpf", "f3e_minutes"}, count(r.accompaniment_minutes), "BPF F-3 e : heures",
        Unit::minutes);
    // Bilans without a counsellor's name were held by someone: when none is named at all, by
    // one person (the sole practitioner); else, presumably, by the people named.
    const std::size_t people = r.counsellors.empty() && r.bilans > 0 ? 1 : r.counsellors.size();
    add({"bpf", "e_counsellors"}, count(static_cast<std::int64_t>(people)),
        "BPF E : personnes ayant dispensé les heures");
    add({"bpf", "e_minutes"}, count(r.accompaniment_minutes), "BPF E : heures dispensées",
        Unit::minutes);
    add({"bpf", "f1c_jobseekers"}, count(r.jobseekers), "BPF F-1 c : demandeurs d'emploi");
    add({"bpf", "f1c_minutes"}, count(r.jobseeker_minutes), "BPF F-1 c : heures", Unit::minutes);
    add({"bpf", "f1_remote"}, count(r.remote), "BPF F-1 : bilans entièrement à distance");
    std::map<std::string, std::int64_t> lines;
    for (const auto& [payer, cents] : r.income_cents)
        lines[std::string(bpf_income_line(payer))] += cents;
    for (const auto& [line, cents] : lines)
        add({"bpf", "income_cents", line}, count(cents), "BPF " + line + " : produits",
            Unit::cents);
    add({"bpf", "to_verify"}, "true", "BPF : correspondances à vérifier", Unit::other);
    return list;
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
    write_folder_notes(json, "problems", report.problems);
    write_folder_notes(json, "notes", report.notes);
    return json.end_object().str();
}

std::string report_csv(const PracticeReport& report) {
    std::string out = csv_row({"indicateur", "valeur"});
    for (const Figure& figure : figures_list(report)) {
        std::string key;
        for (const std::string& part : figure.path)
            key += (key.empty() ? "" : ".") + part;
        out += csv_row({key, figure.json == "null" ? "" : figure.json});
    }
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

Rows funding_rows(const PracticeReport& report) {
    Rows rows;
    for (const auto& [funding, totals] : report.by_funding)
        rows.push_back({md::line(funding == "non-renseigne"
                                     ? "non renseigné"
                                     : std::string(term_label(funding_kinds(), funding))),
                        std::to_string(totals.bilans),
                        french_hours(static_cast<int>(totals.accompaniment_minutes))});
    return rows;
}

Rows evaluation_rows(const PracticeReport& report) {
    Rows rows;
    for (const auto& [label, totals] :
         {std::pair<std::string_view, const EvaluationTotals&>{"à chaud", report.chaud},
          {"à froid", report.froid}}) {
        std::string mean = decimal(totals.satisfaction_sum, totals.responses).value_or("—");
        std::replace(mean.begin(), mean.end(), '.', ',');
        rows.push_back({std::string(label), std::to_string(totals.responses), mean,
                        std::to_string(totals.satisfied)});
    }
    return rows;
}

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
    if (!report.by_funding.empty()) {
        out.heading(2, "Par financement");
        out.table({"Financement", "Bilans", "Heures d'accompagnement"}, "lrr",
                  funding_rows(report));
    }
    out.heading(2, "Évaluations");
    out.table({"Évaluation", "Réponses", "Satisfaction moyenne (sur 5)", "Satisfaits (4 ou 5)"},
              "lrrr", evaluation_rows(report));
    if (!report.froid.situations.empty()) {
        Rows rows;
        for (const auto& [situation, n] : report.froid.situations)
            rows.push_back({md::line(situation), std::to_string(n)});
        out.table({"Situation à froid", "Réponses"}, "lr", rows);
    }
    out.heading(2, "Qualiopi, indicateur 2");
    out.table({"Indicateur", "Valeur"}, "lr", figure_rows(figures, in("qualiopi")));
    out.heading(2, "Bilan pédagogique et financier");
    out.table({"Ligne", "Valeur"}, "lr", figure_rows(figures, in("bpf")));
    out.paragraph("Correspondance des lignes du BPF à vérifier (notice du Cerfa 10443) ; "
                  "produits comptés à la date de facturation EDOF, sinon à la fin du bilan.");
    if (!report.problems.empty()) {
        out.heading(2, "Dossiers illisibles");
        std::vector<std::string> items;
        for (const FolderNote& problem : report.problems)
            items.push_back(md::line(problem.folder + " : " + problem.message));
        out.list(items);
    }
    return out.str();
}

} // namespace bilan
