#include "bilan/ops/retention.hpp"

#include "bilan/rules.hpp"
#include "bilan/synthesis.hpp"

#include <tuple>

namespace bilan::ops {

Notes grant_retention(const store::Store& store, const Date& date, const std::string& scope,
                      const std::optional<Date>& until) {
    if (scope != "documents") throw UsageError("--scope « " + scope + " » : attendu « documents »");
    store.require_bilan();
    store::Transaction transaction(store); // what decides the write is read under the lock
    store::Diagnostics strict;
    const BilanRecord before = transaction.store().load_bilan(strict);
    const Framework framework = transaction.store().load_framework(before, strict);
    BilanRecord after = before;
    after.retention_agreed = date;
    after.retention_scope = scope;
    after.retention_until = until ? until : retention_limit(framework, before);
    if (after.retention_until && *after.retention_until < date)
        throw RefusedError("--until " + after.retention_until->iso() + " précède l'accord (" +
                           date.iso() + ") : rien n'a été enregistré");
    if (const auto problems = retention_problems(framework, after); !problems.empty())
        throw RefusedError(problems.front().message + " : rien n'a été enregistré");
    Notes notes;
    if (!before.end)
        notes.push_back("la fin du bilan n'est pas renseignée : la durée permise se vérifiera "
                        "quand elle le sera (bilan check)");
    transaction.update(before, after);
    return notes;
}

RetentionState retention_state(const store::Store& store) {
    return read_strictly(store, [](const store::Store& still, store::Diagnostics& strict) {
        RetentionState state;
        state.bilan = still.load_bilan(strict);
        state.limit = retention_limit(still.load_framework(state.bilan, strict), state.bilan);
        state.destruction = still.load_destruction(strict);
        return state;
    });
}

namespace {

// The content kinds of record purge destroys: those the store classes as content (codec.cpp's
// table says which; an administrative kind listed here would simply be skipped).
using ContentKinds = std::tuple<Skill, Experience, Trait, TestResult, Piste, Action>;

template <typename Record> bool is_content() {
    return store::collection_of<Record>().record_class == store::RecordClass::content;
}

int notes_count(const Folder& folder) {
    int count = 0;
    for (const Session& s : folder.sessions)
        if (!s.note.empty()) ++count;
    return count;
}

// How many of each category the folder holds, in destruction.toml's order.
std::vector<std::pair<std::string, int>> content_counts(Folder& folder) {
    std::vector<std::pair<std::string, int>> counts;
    for (const std::string& category : store::destruction_categories()) {
        int n = 0;
        std::apply(
            [&](auto... none) {
                ((store::collection_of<decltype(none)>().folder == category
                      ? n = static_cast<int>(store::records_of<decltype(none)>(folder).size())
                      : n),
                 ...);
            },
            ContentKinds{});
        if (category == "project") n = folder.project.empty() ? 0 : 1;
        if (category == "session_notes") n = notes_count(folder);
        if (category == "bilan_fields") n = personal_field_count(folder.bilan);
        counts.emplace_back(category, n);
    }
    return counts;
}

int total(const std::vector<std::pair<std::string, int>>& counts) {
    int sum = 0;
    for (const auto& [category, n] : counts)
        sum += n;
    return sum;
}

// Destroys every content file and value of `folder`, one atomic write at a time.
void destroy_content(store::Transaction& transaction, Folder& folder) {
    std::apply(
        [&](auto... none) {
            auto destroy_kind = [&](auto kind) {
                using Record = decltype(kind);
                if (!is_content<Record>()) return;
                for (const Record& record : store::records_of<Record>(folder)) {
                    transaction.remove(record);
                    store::destruction_step_done();
                }
            };
            (destroy_kind(none), ...);
        },
        ContentKinds{});
    if (!folder.project.empty()) {
        transaction.remove(folder.project);
        store::destruction_step_done();
    }
    for (const Session& session : folder.sessions) {
        if (session.note.empty()) continue;
        Session after = session;
        after.note.clear(); // the session stays: administrative
        transaction.update(session, after);
        store::destruction_step_done();
    }
    if (personal_field_count(folder.bilan)) {
        transaction.update(folder.bilan, without_personal_fields(folder.bilan));
        store::destruction_step_done();
    }
}

Destruction plan_destruction(Folder& folder, const Framework& framework,
                             const std::optional<Destruction>& previous, const Date& date) {
    Destruction plan;
    if (previous && !previous->done) return *previous; // resumed as it was planned
    plan.date = date;
    const bool kept = documents_kept_on(folder.bilan, date);
    plan.destroyed = content_counts(folder);
    if (kept)
        for (auto& [category, n] : plan.destroyed)
            n = 0;
    // A later pass (the agreement over, content added since) counts what the earlier ones
    // destroyed too: the record stays the whole account.
    if (previous)
        for (auto& [category, n] : plan.destroyed)
            for (const auto& [earlier, count] : previous->destroyed)
                if (earlier == category) n += count;
    plan.kept = {"administratif", "synthese"};
    if (kept) plan.kept.emplace_back("documents");
    plan.synthesis_kept_until =
        previous ? previous->synthesis_kept_until : retention_limit(framework, folder.bilan);
    if (kept)
        plan.documents_kept_until = folder.bilan.retention_until
                                        ? folder.bilan.retention_until
                                        : retention_limit(framework, folder.bilan);
    return plan;
}

Notes purge_notes(const store::Store& store, const PurgeReport& report) {
    Notes notes;
    if (store.inside_git_work_tree())
        notes.push_back("ce dossier est dans un dépôt git : son historique garde tout ce que "
                        "purge détruit ; un dépôt par bilan : supprimez-le (ou réécrivez son "
                        "historique, git filter-repo) avec ses copies distantes ; sinon gardez "
                        "les bilans hors de git (voir README, « Destruction et git »)");
    if (report.record.documents_kept_until)
        notes.push_back("documents de travail conservés jusqu'au " +
                        report.record.documents_kept_until->iso() +
                        " (accord écrit) : relancez bilan purge après cette date");
    return notes;
}

} // namespace

PurgeReport purge(const store::Store& store, const PurgeOptions& options) {
    store.require_bilan();
    auto run = [&](const store::Store& folder_store, store::Transaction* transaction) {
        Loaded loaded = transaction ? load_folder(*transaction) : load_folder(folder_store);
        Folder& folder = loaded.folder;
        if (!folder.bilan.end)
            throw RefusedError("le bilan n'est pas terminé (bilan set end DATE) : rien n'est "
                               "détruit avant sa fin (R6313-7)");
        store::Diagnostics strict;
        const std::optional<Destruction> previous = folder_store.load_destruction(strict);
        PurgeReport report;
        report.resumed = previous && !previous->done;
        report.record = plan_destruction(folder, loaded.framework, previous, options.date);
        const bool destroys = total(report.record.destroyed) > 0;
        const bool remaining = total(content_counts(folder)) > 0;
        if (previous && previous->done && (!destroys || !remaining)) {
            report.record = *previous;
            report.nothing_to_do = true;
        }
        if (!previous && options.date < *folder.bilan.end)
            throw RefusedError("destruction datée du " + options.date.iso() +
                               ", avant la fin du bilan (" + folder.bilan.end->iso() +
                               ") : rien n'est détruit");
        report.notes = purge_notes(folder_store, report);
        if (!transaction || report.nothing_to_do) return report;
        transaction->raise_format(store::purge_format); // for good: a purge is never undone
        if (!previous) transaction->keep_synthesis(render_synthesis(loaded.framework, folder));
        report.record.done = false;
        transaction->write(report.record);
        if (destroys) destroy_content(*transaction, folder);
        report.record.done = true;
        transaction->write(report.record);
        return report;
    };
    if (options.dry_run) {
        const store::ConsistentRead still(store);
        return run(store, nullptr);
    }
    store::Transaction transaction(store);
    return run(transaction.store(), &transaction);
}

} // namespace bilan::ops
