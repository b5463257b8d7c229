// A consent (consents/RECIPIENT.toml, named after its recipient): what the beneficiary agreed
// to share and with whom, its earlier grants as [[history]] tables.
#include "bilan/record_order.hpp"
#include "bilan/synthesis.hpp"
#include "store/kinds/kind.hpp"

#include <algorithm>

namespace bilan::store {
namespace {

// One [[history]] table: an earlier grant and how it ended, revoked (`revoked = true`, with
// `revoked_on` when the revocation has a date) or replaced by a later grant (`replaced_on`).
ConsentPeriod read_consent_period(RecordReader& h) {
    ConsentPeriod period;
    period.date = h.date("date", true).value_or(Date{});
    const std::vector<std::string> sections = h.texts("sections");
    std::string list;
    for (const std::string& section : sections)
        list += (list.empty() ? "" : ",") + section;
    try {
        period.sections = parse_sections(list);
    } catch (const UsageError& e) {
        h.fail(h.has("sections") ? h.pos("sections") : h.file(),
               h.has("sections") ? std::string("historique : ") + e.what()
                                 : "historique : clé « sections » manquante");
    }
    const bool revoked = h.flag("revoked");
    period.revoked_on = h.date("revoked_on");
    period.replaced_on = h.date("replaced_on");
    period.ref = h.text("ref");
    if (revoked && period.replaced_on)
        h.fail(h.pos("replaced_on"), "historique : un accord est retiré ou remplacé, pas les deux");
    else if (!revoked && !period.replaced_on)
        h.fail(h.file(), "historique : attendu « revoked = true » ou « replaced_on = AAAA-MM-JJ »");
    if (period.revoked_on && !revoked)
        h.fail(h.pos("revoked_on"), "historique : « revoked_on » sans « revoked = true »");
    if (period.revoked_on && *period.revoked_on < period.date)
        h.fail(h.pos("revoked_on"), "historique : le retrait (" + period.revoked_on->iso() +
                                        ") précède l'accord (" + period.date.iso() + ")");
    if (period.replaced_on && *period.replaced_on < period.date)
        h.fail(h.pos("replaced_on"), "historique : le remplacement (" + period.replaced_on->iso() +
                                         ") précède l'accord (" + period.date.iso() + ")");
    return period;
}

// `history`: [[history]] tables, or the lines of text bilan wrote before them ("accordé le
// 2026-05-04 (projet, plan), retiré le 2026-06-01"), still read; never both in one file.
void read_consent_history(RecordReader& r, Consent& c) {
    const toml::node* node = r.node("history");
    if (!node) return;
    const toml::array* array = node->as_array();
    const bool old_form = array && !array->empty() && array->get(0)->is_string();
    if (array)
        for (std::size_t i = 0; i < array->size(); ++i)
            if (array->get(i)->is_string() != old_form)
                return r.fail(r.pos("history", i),
                              "« history » mêle des lignes de texte (ancienne forme) et des "
                              "tables [[history]] : attendu l'une ou l'autre");
    if (old_form) {
        const std::vector<std::string> lines = r.texts("history");
        for (std::size_t i = 0; i < lines.size(); ++i) {
            try {
                c.history.push_back(parse_consent_period(lines[i]));
            } catch (const UsageError& e) {
                r.fail(r.pos("history", i), e.what());
            }
        }
        return;
    }
    for (const toml::table* table : r.tables("history")) {
        RecordReader h(*table, position_of(*table, r.file().file), r.diagnostics());
        c.history.push_back(read_consent_period(h));
        if (!h.finish()) r.fail(h.file(), "accord antérieur invalide dans « history »");
    }
}

Consent read_consent(RecordReader& r) {
    Consent c;
    c.recipient = r.text("recipient", true);
    c.date = r.date("date", true).value_or(Date{});
    c.sections = r.texts("sections");
    c.revoked = r.flag("revoked");
    c.revoked_on = r.date("revoked_on");
    if (c.revoked_on && *c.revoked_on < c.date)
        r.fail(r.pos("revoked_on"),
               "le retrait (" + c.revoked_on->iso() + ") précède l'accord (" + c.date.iso() + ")");
    c.ref = r.text("ref");
    read_consent_history(r, c);
    c.origin = r.file();
    return c;
}

Fields write_fields(const Consent& c) {
    return {{"recipient", c.recipient},
            {"date", c.date},
            {"sections", list_or_none(c.sections)},
            {"revoked", true_or_none(c.revoked)},
            {"revoked_on", date_or_none(c.revoked_on)},
            {"ref", text_or_none(c.ref)}};
}

// A reference to the written consent came with format 5, on the grant or in its history.
int format_needed_by(const Consent& c) {
    const bool ref =
        !c.ref.empty() || std::any_of(c.history.begin(), c.history.end(),
                                      [](const ConsentPeriod& p) { return !p.ref.empty(); });
    return ref ? consent_ref_format : first_format;
}

} // namespace

template <> Fields fields_of(const ConsentPeriod& p) {
    return {{"date", p.date},
            {"sections", p.sections},
            {"revoked", true_or_none(!p.replaced_on)},
            {"revoked_on", date_or_none(p.revoked_on)},
            {"replaced_on", date_or_none(p.replaced_on)},
            {"ref", text_or_none(p.ref)}};
}

std::vector<Fields> history_tables(const Consent& c) {
    std::vector<Fields> tables;
    for (const ConsentPeriod& period : c.history)
        tables.push_back(fields_of(period));
    return tables;
}

template <> const RecordKind<Consent>& record_kind() {
    static const RecordKind<Consent> kind{
        .folder = "consents",
        .noun = "consentement",
        .removed = "Consentement supprimé",
        .record_class = RecordClass::administrative,
        .list = &Folder::consents,
        .read = [](RecordReader& r, const Framework*) { return read_consent(r); },
        .fields = write_fields,
        .before = listed_before,
        .named_by_recipient = true,
        .format = format_needed_by,
        // The earlier grants are evidence: an update that would drop or change one is a bug.
        .sub_tables = {"history", history_tables,
                       [](const Consent& before, const Consent& after) {
                           return starts_with(after.history, before.history);
                       },
                       "l'historique d'un consentement ne s'efface pas : on y ajoute"},
    };
    return kind;
}

} // namespace bilan::store
