// A piste (pistes/ID.toml): a professional avenue, rated and decided, with its enquêtes métiers
// as [[surveys]] tables.
#include "bilan/record_order.hpp"
#include "bilan/substance_views.hpp"
#include "store/kinds/kind.hpp"

namespace bilan::store {
namespace {

Piste read_piste(RecordReader& r, Diagnostics& diagnostics) {
    Piste p;
    p.title = r.text("title", true);
    auto rating = [&](std::string_view key) {
        auto n = r.integer(key, 1, 5);
        return n ? std::optional<int>(static_cast<int>(*n)) : std::nullopt;
    };
    p.desire = rating("desire");
    p.feasibility = rating("feasibility");
    p.favourable = r.texts("for");
    p.unfavourable = r.texts("against");
    p.decision = r.term("decision", piste_decisions(), "décision");
    p.why = r.text("why");
    for (const toml::table* table : r.tables("surveys")) {
        RecordReader s(*table, position_of(*table, r.file().file), diagnostics);
        Survey survey;
        survey.date = s.date("date", true).value_or(Date{});
        survey.with = s.text("with", true);
        survey.note = s.text("note");
        if (!s.finish()) r.fail(s.file(), "enquête métier invalide");
        p.surveys.push_back(std::move(survey));
    }
    p.origin = r.file();
    return p;
}

Fields write_fields(const Piste& p) {
    return {{"title", p.title},
            {"desire", int_or_none(p.desire)},
            {"feasibility", int_or_none(p.feasibility)},
            {"for", list_or_none(p.favourable)},
            {"against", list_or_none(p.unfavourable)},
            {"decision", text_or_none(p.decision)},
            {"why", text_or_none(p.why)}};
}

std::vector<Fields> survey_tables(const Piste& p) {
    std::vector<Fields> tables;
    for (const Survey& survey : p.surveys)
        tables.push_back(fields_of(survey));
    return tables;
}

} // namespace

template <> Fields fields_of(const Survey& s) {
    return {{"date", s.date}, {"with", s.with}, {"note", text_or_none(s.note)}};
}

template <> const RecordKind<Piste>& record_kind() {
    static const RecordKind<Piste> kind{
        .folder = "pistes",
        .noun = "piste",
        .removed = "Piste supprimée",
        .record_class = RecordClass::content,
        .list = &Folder::pistes,
        .read = [](RecordReader& r, const Framework*) { return read_piste(r, r.diagnostics()); },
        .fields = write_fields,
        .before = listed_before,
        .listed = [](const std::vector<Piste>& r, const Framework&) { return pistes_table(r); },
        .sub_tables = {"surveys", survey_tables,
                       [](const Piste& before, const Piste& after) {
                           return starts_with(after.surveys, before.surveys);
                       },
                       "les enquêtes d'une piste ne s'effacent pas : on en ajoute"},
    };
    return kind;
}

} // namespace bilan::store
