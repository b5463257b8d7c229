#include "bilan/ops/edof.hpp"

#include "bilan/edof_rules.hpp"

namespace bilan::ops {
namespace {

// What the EDOF rules read, and nothing more: a bad skill file does not stop `edof set`.
Loaded load_for_edof(const store::Store& store) {
    store::Diagnostics strict;
    Loaded loaded;
    loaded.folder.bilan = store.load_bilan(strict);
    loaded.framework = store.load_framework(loaded.folder.bilan, strict);
    // The CPF's platform is French: a Belgian bilan has none (issue 26, item 4).
    if (loaded.framework.name == "be")
        throw RefusedError(Problem{.code = "jurisdiction.french-only"});
    loaded.folder.sessions = store.load_sessions(loaded.framework, strict);
    set_apart_unheld(loaded.folder); // the platform's clocks run on sessions held
    loaded.folder.edof = store.load<EdofFile>(strict);
    loaded.folder.holidays = store::practice_holidays(store);
    return loaded;
}

template <typename T> void apply(T& field, const std::optional<T>& value) {
    if (value) field = *value;
}

void require_consistent(const EdofFile& e) {
    if (e.entry_declared && e.exit_declared && *e.exit_declared < *e.entry_declared)
        throw RefusedError("la sortie déclarée (" + e.exit_declared->iso() +
                           ") précède l'entrée déclarée (" + e.entry_declared->iso() +
                           ") : rien n'a été modifié");
    if (e.service_fait != "partiel" && (e.minutes_not_done || !e.reason.empty()))
        throw RefusedError("la durée non réalisée et le motif ne valent que pour un service fait "
                           "partiel (--service-fait partiel) : rien n'a été modifié");
}

} // namespace

Notes set_edof(const store::Store& store, const EdofEdit& edit) {
    store.require_bilan();
    Notes notes;
    {
        store::Transaction transaction(store);
        Loaded loaded = load_for_edof(transaction.store()); // read under the lock
        const EdofFile before = loaded.folder.edof;
        EdofFile& after = loaded.folder.edof;
        apply(after.dossier, edit.dossier);
        apply(after.requested, edit.requested);
        apply(after.answered, edit.answered);
        apply(after.validated, edit.validated);
        apply(after.entry_declared, edit.entry_declared);
        apply(after.exit_declared, edit.exit_declared);
        apply(after.service_fait, edit.service_fait);
        apply(after.minutes_not_done, edit.minutes_not_done);
        apply(after.reason, edit.reason);
        apply(after.invoiced, edit.invoiced);
        apply(after.paid, edit.paid);
        require_consistent(after);
        transaction.update(before, after);
        // Said as notes, without their place: the file is the one just written.
        for (Problem problem : edof_problems(loaded.framework, loaded.folder)) {
            problem.where.reset();
            notes.push_back(std::move(problem));
        }
        for (Problem& warning : edof_warnings(loaded.framework, loaded.folder))
            notes.push_back(std::move(warning));
    }
    return notes;
}

Loaded read_edof(const store::Store& store) {
    store.require_bilan();
    return read_still(store, load_for_edof);
}

} // namespace bilan::ops
