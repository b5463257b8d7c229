// bilan session add|tenue|annule|attest|horaires|lieu|list|rm: the sessions logged against the
// phases' hour targets, and the evidence that each took place.
#include "bilan/json.hpp"
#include "bilan/ops/bilan.hpp"
#include "bilan/ops/messages.hpp"
#include "bilan/views.hpp"
#include "cli/context.hpp"
#include "cli/problems.hpp"
#include "cli/records.hpp"

#include <unistd.h>

namespace bilan::cli {
namespace {

struct SessionAddOptions {
    std::string date, phase, duration, from, to, kind = "entretien", mode, note, place, link;
    bool force = false, planned = false;
};

int run_session_add(const Context& context, const SessionAddOptions& o) {
    Session s;
    s.date = context.parse_date(o.date);
    if (o.duration.empty() == (o.from.empty() && o.to.empty()))
        throw UsageError("donnez soit --duration, soit --from et --to");
    if (!o.duration.empty()) {
        s.minutes = parse_duration_minutes(o.duration);
    } else {
        if (o.from.empty() || o.to.empty()) throw UsageError("--from et --to vont ensemble");
        s.from = parse_time_of_day(o.from);
        s.to = parse_time_of_day(o.to);
        if (*s.to <= *s.from)
            throw UsageError("--from (" + s.from->text() + ") doit précéder --to (" + s.to->text() +
                             ")");
        s.minutes = s.to->minutes() - s.from->minutes();
    }
    s.phase = o.phase; // as typed: the folder's framework resolves it
    s.kind = std::string(resolve_term(session_kinds(), o.kind, "type de séance"));
    if (!o.mode.empty()) s.mode = std::string(resolve_term(session_modes(), o.mode, "modalité"));
    ops::place_session(s, {o.place, o.link}, !o.mode.empty());
    require_typed_text(o.note, "--note");
    s.note = o.note;
    // A session after today has not taken place yet: it counts once `session tenue` says so.
    if (o.planned || context.today() < s.date) s.state = "prevue";

    const ops::Notes warnings = ops::add_session(
        context.store(), s, [](const std::string& id) { print_out(id + "\n"); }, o.force);
    print_notices(warnings);
    return 0;
}

struct AttestOptions {
    std::string id, evidence, ref, eml;
};

int run_attest(const Context& context, const AttestOptions& o) {
    const std::string id = id_argument(o.id);
    Evidence evidence;
    evidence.kind = std::string(resolve_term(evidence_kinds(), o.evidence, "type de preuve"));
    // A reply by e-mail is the message itself, read and kept: never a reference typed by hand.
    if ((evidence.kind == "email") != !o.eml.empty())
        throw UsageError(o.eml.empty() ? "--evidence email demande --eml FICHIER (la réponse reçue)"
                                       : "--eml ne va qu'avec --evidence email");
    if (evidence.kind == "email") {
        if (!o.ref.empty())
            throw UsageError("--ref ne va pas avec --eml : le message est la pièce");
        print_notices(ops::attest_by_email(context.store(), id, o.eml, context.today()));
        return 0;
    }
    evidence.ref = checked_text(o.ref, "--ref");
    const Date today = context.today(); // a session still to come gets a note
    print_notices(ops::attest_session(context.store(), id, evidence, today));
    return 0;
}

struct TimesOptions {
    std::string id, from, to;
};

// --from and --to, both or neither.
std::optional<ops::SessionTimes> times_of(const TimesOptions& o) {
    if (o.from.empty() && o.to.empty()) return std::nullopt;
    if (o.from.empty() || o.to.empty()) throw UsageError("--from et --to vont ensemble");
    return ops::SessionTimes{parse_time_of_day(o.from), parse_time_of_day(o.to)};
}

int run_hold(const Context& context, const TimesOptions& o) {
    const std::string id = id_argument(o.id);
    const auto times = times_of(o);
    print_notices(ops::hold_session(context.store(), id, times, context.today()));
    return 0;
}

struct CancelOptions {
    std::string id, motif;
};

int run_cancel(const Context& context, const CancelOptions& o) {
    const std::string id = id_argument(o.id);
    const std::string motif(resolve_term(cancellation_reasons(), o.motif, "motif d'annulation"));
    print_notices(ops::cancel_session(context.store(), id, motif));
    return 0;
}

int run_times(const Context& context, const TimesOptions& o) {
    const std::string id = id_argument(o.id);
    print_notices(ops::set_session_times(context.store(), id,
                                         {parse_time_of_day(o.from), parse_time_of_day(o.to)}));
    return 0;
}

struct PlaceOptions {
    std::string id, place, link;
    bool none = false;
};

int run_place(const Context& context, const PlaceOptions& o) {
    const std::string id = id_argument(o.id);
    if (o.none == !(o.place.empty() && o.link.empty()))
        throw UsageError("donnez --lieu, --lien ou --aucun");
    print_notices(ops::set_session_place(context.store(), id, {o.place, o.link}));
    return 0;
}

int run_list(const Context& context, const std::string& phase_filter, bool json) {
    const ops::SessionList list = ops::list_sessions(context.store(), phase_filter);
    if (json)
        print_out(sessions_json(list.sessions));
    else if (list.sessions.empty() && ::isatty(STDOUT_FILENO)) // a person sees the command worked
        print_out(list.phase.empty() ? "Aucune séance.\n" : "Aucune séance dans cette phase.\n");
    else
        print_out(sessions_table(list.sessions, list.framework));
    return 0;
}

} // namespace

void declare_session(Declarations& declarations, Context& context) {
    declarations.group("session",
                       "Séances : ajouter, tenir, annuler, prouver, horaires, lieu, lister, "
                       "supprimer");

    auto add = std::make_shared<SessionAddOptions>();
    declarations.add(
        {"session add",
         "Ajouter une séance (affiche son identifiant)",
         "bilan session add --date 2026-03-09 --phase investigation --from 09:30 --to 12:00",
         {{"--date", "Date (AAAA-MM-JJ, JJ/MM/AAAA, today)", &add->date, true},
          {"--phase", "Phase du cadre (prealable, preliminaire…)", &add->phase, true, nullptr,
           phase_values(context)},
          {"--duration", "Durée : 2h30, 1h05, 90m, 2, 2.5, 2,5, 2:30", &add->duration},
          {"--from", "Heure de début (HH:MM)", &add->from},
          {"--to", "Heure de fin (HH:MM)", &add->to},
          {"--kind",
           "entretien (défaut), test, atelier, enquete, travail-personnel (un test passé seul)",
           &add->kind, false, nullptr, term_values(session_kinds())},
          {"--mode", "presentiel (défaut) ou distance", &add->mode, false, nullptr,
           term_values(session_modes())},
          {"--lieu", "Où elle a lieu : une salle, une adresse (pour l'agenda et la convocation)",
           &add->place},
          {"--lien", "Ou son lien de visioconférence (https://…) : la séance est à distance",
           &add->link},
          {"--note", "Note de travail (n'apparaît dans aucun document)", &add->note},
          {"--force", "Enregistrer une séance datée de plus d'un an avant le début du bilan",
           &add->force},
          {"--prevue",
           "Séance prévue, même datée d'aujourd'hui ou avant (après aujourd'hui, elle l'est "
           "toujours) : elle ne compte qu'une fois tenue",
           &add->planned}},
         [&context, add] { return run_session_add(context, *add); }});

    auto attest = std::make_shared<AttestOptions>();
    declarations.add(
        {"session attest",
         "Consigner la preuve de présence d'une séance (répétable)",
         "bilan session attest 3f9a --evidence emargement --ref scans/2026-03-09.pdf",
         {{"ID", "Identifiant de la séance", &attest->id, true, nullptr,
           id_values(context, store::collection_of<Session>())},
          {"--evidence", "emargement, signature-electronique, journal-visio ou autre",
           &attest->evidence, true, nullptr, term_values(evidence_kinds())},
          {"--ref", "Ce qui identifie la pièce (fichier, numéro de la plateforme)", &attest->ref},
          {"--eml", "Avec --evidence email : la réponse reçue (.eml), gardée dans preuves/",
           &attest->eml}},
         [&context, attest] { return run_attest(context, *attest); }});

    auto times = std::make_shared<TimesOptions>();
    declarations.add(
        {"session horaires",
         "Donner ses horaires à une séance enregistrée avec une durée (la durée en découle)",
         "bilan session horaires 3f9a --from 09:30 --to 12:00",
         {{"ID", "Identifiant de la séance", &times->id, true, nullptr,
           id_values(context, store::collection_of<Session>())},
          {"--from", "Heure de début (HH:MM)", &times->from, true},
          {"--to", "Heure de fin (HH:MM)", &times->to, true}},
         [&context, times] { return run_times(context, *times); }});

    auto hold = std::make_shared<TimesOptions>();
    declarations.add({"session tenue",
                      "Confirmer qu'une séance prévue a eu lieu (avec ses horaires réels)",
                      "bilan session tenue 3f9a --from 09:30 --to 12:15",
                      {{"ID", "Identifiant de la séance", &hold->id, true, nullptr,
                        id_values(context, store::collection_of<Session>())},
                       {"--from", "Heure de début réelle (HH:MM)", &hold->from},
                       {"--to", "Heure de fin réelle (HH:MM)", &hold->to}},
                      [&context, hold] { return run_hold(context, *hold); }});

    auto place = std::make_shared<PlaceOptions>();
    declarations.add(
        {"session lieu",
         "Dire où a lieu une séance : une salle, une adresse, ou un lien (elle est alors à "
         "distance)",
         "bilan session lieu 3f9a --lien https://visio.exemple.fr/salle-12",
         {{"ID", "Identifiant de la séance", &place->id, true, nullptr,
           id_values(context, store::collection_of<Session>())},
          {"--lieu", "Une salle, une adresse (remplace le lien)", &place->place},
          {"--lien", "Un lien de visioconférence https://… (remplace le lieu)", &place->link},
          {"--aucun", "Effacer le lieu et le lien", &place->none}},
         [&context, place] { return run_place(context, *place); }});

    auto cancel = std::make_shared<CancelOptions>();
    declarations.add({"session annule",
                      "Annuler une séance (elle ne compte nulle part, son fichier reste)",
                      "bilan session annule 3f9a --motif report",
                      {{"ID", "Identifiant de la séance", &cancel->id, true, nullptr,
                        id_values(context, store::collection_of<Session>())},
                       {"--motif", "absence, report ou annulation", &cancel->motif, true, nullptr,
                        term_values(cancellation_reasons())}},
                      [&context, cancel] { return run_cancel(context, *cancel); }});

    struct ListOptions {
        std::string phase;
        bool json = false;
    };
    auto list = std::make_shared<ListOptions>();
    declarations.add(
        {"session list",
         "Lister les séances par date",
         "bilan session list --phase investigation --json",
         {{"--phase", "Seulement cette phase", &list->phase, false, nullptr, phase_values(context)},
          {"--json", "Sortie JSON", &list->json}},
         [&context, list] { return run_list(context, list->phase, list->json); }});

    declare_rm(declarations, context, "session", store::collection_of<Session>(),
               "Supprimer une séance");
}

} // namespace bilan::cli
