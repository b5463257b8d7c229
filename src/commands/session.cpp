// bilan session add|list|rm: the sessions logged against the phases' hour targets.
#include "bilan/json.hpp"
#include "bilan/views.hpp"
#include "cli/context.hpp"
#include "cli/records.hpp"

#include <CLI/CLI.hpp>
#include <unistd.h>

namespace bilan::cli {
namespace {

struct SessionAddOptions {
    std::string date, phase, duration, from, to, kind = "entretien", mode = "presentiel", note;
};

Framework folder_framework(const store::Store& store) {
    store::Diagnostics strict;
    return store.load_framework(store.load_bilan(strict), strict);
}

int run_session_add(const Context& context, const SessionAddOptions& o) {
    const store::Store store = context.store();
    store.require_bilan();
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
    s.kind = std::string(resolve_term(session_kinds(), o.kind, "type de séance"));
    s.mode = std::string(resolve_term(session_modes(), o.mode, "modalité"));
    require_typed_text(o.note, "--note");
    s.note = o.note;

    // The framework decides the phase, and the folder the warnings: read under the lock.
    store::Transaction transaction(store);
    store::Diagnostics strict;
    const BilanRecord bilan = store.load_bilan(strict);
    const Framework framework = store.load_framework(bilan, strict);
    s.phase = framework.resolve_phase(o.phase);
    // The other sessions only count toward the cap: a bad file among them is check's business,
    // not a reason to refuse this one.
    store::Diagnostics skip(true);
    const std::vector<Session> others = framework.cap_minutes && framework.counts(s.phase)
                                            ? store.load_sessions(framework, skip)
                                            : std::vector<Session>{};
    add_and_print_id(transaction, store::Collection::sessions, store::fields_of(s));
    for (const std::string& warning : new_session_warnings(framework, bilan, others, s))
        print_note("attention : " + warning);
    return 0;
}

int run_list(const Context& context, const std::string& phase_filter, bool json) {
    const store::Store store = context.store();
    store::Diagnostics strict;
    const Framework framework = folder_framework(store);
    const std::string phase = phase_filter.empty() ? "" : framework.resolve_phase(phase_filter);
    std::vector<Session> sessions = store.load_sessions(framework, strict);
    std::erase_if(sessions, [&](const Session& s) { return !phase.empty() && s.phase != phase; });
    if (json)
        print_out(sessions_json(sessions));
    else if (sessions.empty() && ::isatty(STDOUT_FILENO)) // a person sees the command worked
        print_out(phase.empty() ? "Aucune séance.\n" : "Aucune séance dans cette phase.\n");
    else
        print_out(sessions_table(sessions, framework));
    return 0;
}

int run_session_rm(const Context& context, const std::string& id) {
    id_argument(id);
    const store::Store store = context.store();
    store.require_bilan();
    store::Transaction transaction(store);
    remove_and_tell(transaction, store, store::Collection::sessions,
                    resolve_record(store, store::Collection::sessions, id));
    return 0;
}

} // namespace

void register_session(CLI::App& app, Context& context, Registry& registry) {
    CLI::App* group = app.add_subcommand("session", "Séances : ajouter, lister, supprimer");
    group->require_subcommand(1);

    auto add = std::make_shared<SessionAddOptions>();
    CLI::App* cmd = group->add_subcommand("add", "Ajouter une séance (affiche son identifiant)");
    cmd->add_option("--date", add->date, "Date (AAAA-MM-JJ, JJ/MM/AAAA, today)")->required();
    cmd->add_option("--phase", add->phase, "Phase du cadre (prealable, preliminaire…)")->required();
    cmd->add_option("--duration", add->duration, "Durée : 2h30, 1h05, 90m, 2, 2.5, 2,5, 2:30");
    cmd->add_option("--from", add->from, "Heure de début (HH:MM)");
    cmd->add_option("--to", add->to, "Heure de fin (HH:MM)");
    cmd->add_option("--kind", add->kind, "entretien (défaut), test, enquete, travail-personnel");
    cmd->add_option("--mode", add->mode, "presentiel (défaut) ou distance");
    cmd->add_option("--note", add->note, "Note libre");
    registry.add(cmd, [&context, add] { return run_session_add(context, *add); });

    auto phase = std::make_shared<std::string>();
    auto json = std::make_shared<bool>(false);
    CLI::App* list = group->add_subcommand("list", "Lister les séances par date");
    list->add_option("--phase", *phase, "Seulement cette phase");
    list->add_flag("--json", *json, "Sortie JSON");
    registry.add(list, [&context, phase, json] { return run_list(context, *phase, *json); });

    auto id = std::make_shared<std::string>();
    CLI::App* rm = group->add_subcommand("rm", "Supprimer une séance");
    rm->add_option("ID", *id, "Identifiant (ou son début, 3 caractères au moins)")->required();
    registry.add(rm, [&context, id] { return run_session_rm(context, *id); });
}

} // namespace bilan::cli
