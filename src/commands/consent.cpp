// bilan consent grant|revoke|list: the beneficiary's agreement that a version of the synthesis
// may go to someone (L6313-4). One file per recipient, consents/<id>.toml, id = the recipient
// folded to ASCII; a revoked consent keeps its file as evidence, and granting it again moves
// the earlier grant and revocation to a [[history]] table of the file. Every change is spliced into
// the file, so a person's comments and layout stay.
#include "bilan/json.hpp"
#include "bilan/synthesis.hpp"
#include "bilan/views.hpp"
#include "cli/command.hpp"
#include "cli/context.hpp"

#include <algorithm>
#include <unistd.h>

namespace bilan::cli {
namespace {

struct GrantOptions {
    std::string recipient, date, sections;
    bool sections_given = false;
};

std::string require_recipient(const std::string& recipient) {
    require_typed_text(recipient, "destinataire");
    if (recipient.find_first_of("\n\r\t") != std::string::npos)
        throw UsageError("le destinataire tient sur une ligne");
    const std::string id = consent_id(recipient);
    if (id.empty())
        throw UsageError("destinataire « " + recipient +
                         " » : il faut au moins une lettre ou un chiffre");
    if (id.size() > 100) throw UsageError("nom de destinataire trop long (100 caractères au plus)");
    return id;
}

std::string trimmed(const std::string& text) {
    const auto b = text.find_first_not_of(" \t");
    const auto e = text.find_last_not_of(" \t");
    return b == std::string::npos ? std::string() : text.substr(b, e - b + 1);
}

// The keys whose value differs between two states of a consent: only those are spliced into
// its file, so that whatever else the person wrote there stays byte for byte.
store::Fields changed_fields(const Consent& before, const Consent& after) {
    const store::Fields old_fields = store::fields_of(before);
    store::Fields edits;
    for (const store::Field& field : store::fields_of(after)) {
        const auto same = std::find_if(old_fields.begin(), old_fields.end(), [&](const auto& f) {
            return f.key == field.key && f.value == field.value;
        });
        if (same == old_fields.end()) edits.push_back(field);
    }
    return edits;
}

// The recipient's consent to edit: the file named after them, else one written by hand under
// another name for the same recipient; nullptr when there is none yet.
const Consent* existing_consent(const std::vector<Consent>& consents, const std::string& id,
                                const std::string& recipient) {
    const std::vector<const Consent*> found = consents_for(consents, recipient);
    for (const Consent* c : found)
        if (c->id == id) return c;
    return found.empty() ? nullptr : found.front();
}

int run_grant(const Context& context, const GrantOptions& o) {
    const store::Store store = context.store();
    store.require_bilan();
    const std::string id = require_recipient(o.recipient);
    const Date date = context.parse_date(o.date);
    // An empty or blank --sections is a mistake, not a request for the default.
    std::vector<std::string> sections =
        o.sections_given ? parse_sections(o.sections) : default_shared_sections();
    store::Diagnostics strict;
    // No agreement to share results predates the bilan that produced them: such a date is a
    // typing mistake that would stand as false evidence.
    if (const BilanRecord bilan = store.load_bilan(strict); bilan.start && date < *bilan.start)
        throw RefusedError("accord du " + date.iso() + " refusé : le bilan n'a commencé que le " +
                           bilan.start->iso());
    store::Transaction transaction(store); // read under the lock: what we edit is current
    const std::vector<Consent> consents = store.load_consents(strict);
    if (const Consent* current = existing_consent(consents, id, o.recipient)) {
        // Granting again edits the record in place: the recipient keeps its first spelling, a
        // revocation moves to the history, and the person's comments stay.
        const Consent next = grant_again(*current, date, std::move(sections));
        transaction.update_record_tables(store::Collection::consents, current->id,
                                         changed_fields(*current, next), "history",
                                         store::history_tables(next));
        return 0;
    }
    Consent c;
    c.id = id;
    c.recipient = trimmed(o.recipient);
    c.date = date;
    c.sections = std::move(sections);
    transaction.write_record(store::Collection::consents, c.id, store::fields_of(c));
    return 0;
}

int run_revoke(const Context& context, const std::string& recipient, const std::string& date) {
    const store::Store store = context.store();
    store.require_bilan();
    require_recipient(recipient);
    const std::optional<Date> on =
        date.empty() ? std::nullopt : std::optional<Date>(context.parse_date(date));
    store::Transaction transaction(store); // read under the lock: what we edit is current
    store::Diagnostics strict;
    const std::vector<Consent> consents = store.load_consents(strict);
    const std::vector<const Consent*> found = consents_for(consents, recipient);
    if (found.empty())
        throw RefusedError("aucun consentement pour « " + recipient +
                           " » (voir « bilan consent list »)");
    // Every consent is checked before any file is written: a refusal leaves them all as they were.
    std::vector<std::pair<const Consent*, store::Fields>> edits;
    for (const Consent* c : found)
        if (!c->revoked) // the first revocation stays as it was recorded
            edits.emplace_back(c, changed_fields(*c, revoke_consent(*c, on)));
    if (edits.empty()) print_note("le consentement pour « " + recipient + " » était déjà retiré");
    for (const auto& [c, fields] : edits)
        transaction.update_record(store::Collection::consents, c->id, fields);
    return 0;
}

std::string sections_text(const Consent& c) {
    std::string out;
    for (const std::string& s : c.sections.empty() ? default_shared_sections() : c.sections)
        out += (out.empty() ? "" : ",") + s;
    return out;
}

// The earlier grants, so that the evidence shows: "  (retrait antérieur : 2026-06-01)",
// "  (accord antérieur remplacé : 2026-05-04)".
std::string history_note(const Consent& c) {
    std::string revoked, replaced;
    std::size_t revocations = 0, replacements = 0;
    for (const ConsentPeriod& p : c.history) {
        if (p.replaced_on) {
            replaced += (replaced.empty() ? "" : ", ") + p.date.iso();
            ++replacements;
        } else {
            revoked += (revoked.empty() ? "" : ", ") +
                       (p.revoked_on ? p.revoked_on->iso() : std::string("sans date"));
            ++revocations;
        }
    }
    std::string note;
    if (revocations)
        note = (revocations == 1 ? "retrait antérieur : " : "retraits antérieurs : ") + revoked;
    if (replacements)
        note += (note.empty() ? "" : " ; ") +
                std::string(replacements == 1 ? "accord antérieur remplacé : "
                                              : "accords antérieurs remplacés : ") +
                replaced;
    return note.empty() ? "" : "  (" + note + ")";
}

std::string consents_table(const std::vector<Consent>& consents) {
    std::size_t id_width = 2, name_width = 12;
    for (const Consent& c : consents) {
        id_width = std::max(id_width, display_width(c.id));
        name_width = std::max(name_width, display_width(c.recipient));
    }
    std::string out;
    for (const Consent& c : consents) {
        std::string line = pad_right(c.id, id_width) + "  " + pad_right(c.recipient, name_width) +
                           "  " + c.date.iso() + "  " + sections_text(c);
        if (c.revoked)
            line += "  retiré" + (c.revoked_on ? " le " + c.revoked_on->iso() : std::string());
        line += history_note(c);
        out += visible_line(line) + "\n"; // a hand edit's controls never reach the terminal
    }
    return out;
}

std::string consents_json(const std::vector<Consent>& consents) {
    JsonWriter json;
    json.begin_object().field("schema", 1).key("consents").begin_array();
    for (const Consent& c : consents) {
        json.begin_object()
            .field("id", c.id)
            .field("recipient", c.recipient)
            .field("date", c.date)
            .field("sections", c.sections.empty() ? default_shared_sections() : c.sections)
            .field("revoked", c.revoked)
            .field("revoked_on", c.revoked_on)
            .key("history")
            .begin_array();
        for (const ConsentPeriod& p : c.history)
            json.begin_object()
                .field("date", p.date)
                .field("sections", p.sections)
                .field("revoked_on", p.revoked_on)
                .field("replaced_on", p.replaced_on)
                .end_object();
        json.end_array().end_object();
    }
    json.end_array().end_object();
    return json.str();
}

int run_list(const Context& context, bool json) {
    const store::Store store = context.store();
    store.require_bilan();
    store::Diagnostics strict;
    const std::vector<Consent> consents = store.load_consents(strict);
    if (json)
        print_out(consents_json(consents));
    else if (consents.empty() && ::isatty(STDOUT_FILENO)) // a person sees the command worked
        print_out("Aucun consentement.\n");
    else
        print_out(consents_table(consents));
    return 0;
}

} // namespace

void declare_consent(Declarations& declarations, Context& context) {
    declarations.group("consent", "Consentements : à qui la synthèse peut être communiquée");

    auto grant = std::make_shared<GrantOptions>();
    declarations.add(
        {"consent grant",
         "Enregistrer l'accord du bénéficiaire pour communiquer la synthèse",
         "bilan consent grant \"France Travail\" --date 2026-05-04 --sections projet,plan",
         {{"RECIPIENT", "Destinataire (ex. « France Travail »)", &grant->recipient, true},
          {"--date", "Date de l'accord (AAAA-MM-JJ, JJ/MM/AAAA, today)", &grant->date, true},
          {"--sections",
           "Parties communiquées, séparées par des virgules : circonstances, "
           "situation, competences, parcours, valeurs, tests, pistes, projet, plan, "
           "calendrier, ou tout (défaut : projet,plan ; une liste vide est refusée)",
           &grant->sections, false, &grant->sections_given}},
         [&context, grant] { return run_grant(context, *grant); }});

    struct RevokeOptions {
        std::string recipient, date;
    };
    auto revoke = std::make_shared<RevokeOptions>();
    declarations.add(
        {"consent revoke",
         "Retirer un consentement (gardé comme trace)",
         "bilan consent revoke \"France Travail\" --date 2026-06-01",
         {{"RECIPIENT", "Destinataire", &revoke->recipient, true},
          {"--date", "Date du retrait", &revoke->date}},
         [&context, revoke] { return run_revoke(context, revoke->recipient, revoke->date); }});

    auto json = std::make_shared<bool>(false);
    declarations.add({"consent list",
                      "Lister les consentements",
                      "bilan consent list --json",
                      {{"--json", "Sortie JSON", json.get()}},
                      [&context, json] { return run_list(context, *json); }});
}

} // namespace bilan::cli
