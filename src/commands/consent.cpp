// bilan consent grant|revoke|list: the beneficiary's agreement that a version of the synthesis
// may go to someone (L6313-4). The rules and the files are the operations'
// (src/ops/consents.cpp); here, the options parsed, the operation called, its result printed.
#include "bilan/json.hpp"
#include "bilan/ops/consents.hpp"
#include "bilan/synthesis.hpp"
#include "bilan/views.hpp"
#include "cli/command.hpp"
#include "cli/context.hpp"
#include "cli/problems.hpp"
#include "cli/records.hpp"

#include <algorithm>
#include <unistd.h>

namespace bilan::cli {
namespace {

// What --sections offers: each section of the synthesis, and "tout".
Values section_values() {
    return [] {
        std::vector<std::string> keys = term_values(synthesis_sections())();
        keys.emplace_back("tout");
        return keys;
    };
}

struct GrantOptions {
    std::string recipient, date, sections, ref;
    bool sections_given = false;
};

int run_grant(const Context& context, const GrantOptions& o) {
    const store::Store store = context.store();
    store.require_bilan();
    ops::recipient_id(o.recipient); // a wrong recipient is told before a wrong date
    const Date date = context.parse_date(o.date);
    // An empty or blank --sections is a mistake, not a request for the default.
    std::optional<std::vector<std::string>> sections;
    if (o.sections_given) sections = parse_sections(o.sections);
    print_notices(ops::grant_consent(store, o.recipient, date, std::move(sections), o.ref), "");
    return 0;
}

int run_revoke(const Context& context, const std::string& recipient, const std::string& date) {
    const store::Store store = context.store();
    store.require_bilan();
    ops::recipient_id(recipient);
    // Without --date, today: a withdrawal's date is the evidence of when the sharing stopped.
    const Date on = context.parse_date(date.empty() ? "today" : date);
    print_notices(ops::revoke_consent(store, recipient, on), "");
    if (date.empty())
        print_note("retrait daté d'aujourd'hui (" + on.iso() + ") : --date pour un autre jour");
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
    const std::vector<Consent> consents = ops::list_consents(context.store());
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
           &grant->sections, false, &grant->sections_given, section_values()},
          {"--ref", "Où est gardé l'accord écrit (scan, formulaire signé)", &grant->ref}},
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
