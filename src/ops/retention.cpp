#include "bilan/ops/retention.hpp"

#include "bilan/ops/bilan.hpp"
#include "bilan/rules.hpp"
#include "bilan/synthesis.hpp"

#include <algorithm>
#include <tuple>
#include <type_traits>

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
    if (auto problems = retention_problems(framework, after); !problems.empty()) {
        Problem refused = std::move(problems.front());
        refused.code = "retention.beyond-limit-refused";
        refused.where.reset();
        throw RefusedError(std::move(refused));
    }
    Notes notes;
    if (!destruction_end(before))
        notes.push_back({.code = "retention.end-unknown",
                         .severity = Severity::notice,
                         .remedy = Remedy{"check", {}}});
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

// The kinds of record purge destroys: those the store classes as content (each kind's
// descriptor says which; the administrative ones are skipped).
using ContentKinds = store::RecordKinds;

template <typename Record> bool is_content() {
    return store::collection_of<Record>().record_class == store::RecordClass::content;
}

// Every session's file, held or not: a planned or cancelled one's note is content too.
std::vector<const Session*> every_session(const Folder& folder) {
    std::vector<const Session*> all;
    for (const auto* list : {&folder.sessions, &folder.unheld_sessions})
        for (const Session& s : *list)
            all.push_back(&s);
    return all;
}

int notes_count(const Folder& folder) {
    int count = 0;
    for (const Session* s : every_session(folder))
        if (!s->note.empty()) ++count;
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

using Counts = std::vector<std::pair<std::string, int>>;

int total(const Counts& counts) {
    int sum = 0;
    for (const auto& [category, n] : counts)
        sum += n;
    return sum;
}

int count_of(const Counts& counts, const std::string& category) {
    for (const auto& [key, n] : counts)
        if (key == category) return n;
    return 0;
}

// Every write that destroys `folder`'s content, one atomic write at a time, made on `writer`:
// the purge's Transaction, or first the store::DestructionCheck that each can be made.
template <typename Writer> void destroy_content(Writer& writer, Folder& folder) {
    const auto step_done = [] {
        if constexpr (std::is_same_v<Writer, store::Transaction>) store::destruction_step_done();
    };
    std::apply(
        [&](auto... none) {
            auto destroy_kind = [&](auto kind) {
                using Record = decltype(kind);
                if (!is_content<Record>()) return;
                for (const Record& record : store::records_of<Record>(folder)) {
                    writer.remove(record);
                    step_done();
                }
            };
            (destroy_kind(none), ...);
        },
        ContentKinds{});
    if (!folder.project.empty()) {
        writer.remove(folder.project);
        step_done();
    }
    for (const Session* session : every_session(folder)) {
        if (session->note.empty()) continue;
        Session after = *session;
        after.note.clear(); // the session stays: administrative
        writer.update(*session, after);
        step_done();
    }
    if (personal_field_count(folder.bilan)) {
        writer.update(folder.bilan, without_personal_fields(folder.bilan));
        step_done();
    }
}

// What the earlier passes destroyed, by category: a finished record's account; an interrupted
// one's plan less what is still there (bilan adds no content meanwhile).
Counts destroyed_before(const std::optional<Destruction>& previous, Counts counts) {
    for (auto& [category, n] : counts) {
        const int recorded = previous ? count_of(previous->destroyed, category) : 0;
        n = previous && !previous->done ? std::max(0, recorded - n) : recorded;
    }
    return counts;
}

// The copy of the synthesis handed over (set handover) is the synthesis purge keeps: a first
// pass refuses, destroying nothing, when it is gone or altered, for what it would keep instead
// is not the document handed over.
void refuse_damaged_handover_copy(const BilanRecord& bilan, const store::HandoverCopy& copy) {
    if (bilan.handover_sha256.empty()) return; // a copy without a hash is content, destroyed
    if (auto problem = handover_copy_problem(bilan, copy)) throw RefusedError(std::move(*problem));
}

// Once synthese.md keeps it, the copy handed over and its hash in bilan.toml go (the hash of
// a content, R6313-7): the hash first, so that a purge killed between leaves a copy without a
// hash, which the next pass removes.
template <typename Writer>
void retire_handover_copy(Writer& writer, Folder& folder, const store::HandoverCopy& copy) {
    if (!folder.bilan.handover_sha256.empty()) {
        BilanRecord after = folder.bilan;
        after.handover_sha256.clear();
        writer.update(folder.bilan, after);
        if constexpr (std::is_same_v<Writer, store::Transaction>) folder.bilan = after;
    }
    if (copy.text) writer.remove_handover_copy();
}

// One pass of a purge, planned over what the folder holds now, a resumed one too: an agreement
// granted or content found since it was interrupted is honoured.
struct Pass {
    Destruction record; // the whole account: the earlier passes' counts and this one's
    bool destroys = false;
};

Pass plan_pass(Folder& folder, const Framework& framework,
               const std::optional<Destruction>& previous, const Date& date) {
    Pass pass;
    Destruction& plan = pass.record;
    plan.date = previous && !previous->done ? previous->date : date; // a resume keeps its date
    const bool kept = documents_kept_on(folder.bilan, plan.date);
    const Counts there = content_counts(folder);
    pass.destroys = !kept && total(there) > 0;
    plan.destroyed = destroyed_before(previous, there);
    if (pass.destroys)
        for (auto& [category, n] : plan.destroyed)
            n += count_of(there, category);
    plan.kept = {"administratif", "synthese"};
    if (kept) plan.kept.emplace_back("documents");
    plan.synthesis_kept_until =
        previous ? previous->synthesis_kept_until : retention_limit(framework, folder.bilan);
    if (kept)
        plan.documents_kept_until = folder.bilan.retention_until
                                        ? folder.bilan.retention_until
                                        : retention_limit(framework, folder.bilan);
    return pass;
}

Notes purge_notes(const store::Store& store, const Destruction& plan,
                  const store::DestructionCheck& check) {
    Notes notes;
    if (store.inside_git_work_tree())
        notes.push_back({.code = "purge.in-git", .severity = Severity::notice});
    if (plan.documents_kept_until)
        notes.push_back({.code = "purge.documents-kept",
                         .severity = Severity::notice,
                         .values = {{"until", plan.documents_kept_until->iso()}},
                         .remedy = Remedy{"purge", {}}});
    for (const Problem& note : check.notes())
        notes.push_back(note);
    return notes;
}

// The refusals that come before anything is read of the destruction: too early, or too late.
void refuse_out_of_time(const BilanRecord& bilan, const std::optional<Destruction>& previous,
                        const PurgeOptions& options) {
    const std::optional<Date> ended = destruction_end(bilan);
    if (!ended)
        throw RefusedError(Problem{.code = "purge.not-ended",
                                   .source = "R6313-7",
                                   .remedy = Remedy{"bilan.set", {{"end", {}}}}});
    if (options.today < options.date)
        throw RefusedError("destruction datée du " + options.date.iso() + ", après aujourd'hui (" +
                           options.today.iso() +
                           ") : elle se date du jour où elle est faite ; rien n'est détruit");
    if (!previous && options.date < *ended)
        throw RefusedError("destruction datée du " + options.date.iso() +
                           ", avant la fin du bilan (" + ended->iso() + ") : rien n'est détruit");
}

} // namespace

PurgeReport purge(const store::Store& store, const PurgeOptions& options) {
    store.require_bilan();
    auto run = [&](const store::Store& folder_store, store::Transaction* transaction) {
        Loaded loaded = transaction ? load_folder(*transaction) : load_folder(folder_store);
        Folder& folder = loaded.folder;
        store::Diagnostics strict;
        const std::optional<Destruction> previous = folder_store.load_destruction(strict);
        refuse_out_of_time(folder.bilan, previous, options);
        store::DestructionCheck check(folder_store, folder.bilan); // files it cannot classify
        const store::HandoverCopy copy = folder_store.handover_copy();
        if (!previous) refuse_damaged_handover_copy(folder.bilan, copy);
        const Pass pass = plan_pass(folder, loaded.framework, previous, options.date);
        PurgeReport report;
        report.resumed = previous && !previous->done;
        report.nothing_to_do = previous && previous->done && !pass.destroys;
        report.record = report.nothing_to_do ? *previous : pass.record;
        if (!report.nothing_to_do) {
            check.own_files(!previous);
            retire_handover_copy(check, folder, copy);
        }
        if (pass.destroys) destroy_content(check, folder); // each write checked before the first
        report.notes = purge_notes(folder_store, pass.record, check);
        if (!transaction || report.nothing_to_do) return report;
        transaction->raise_format(store::purge_format); // for good: a purge is never undone
        if (!previous)
            transaction->keep_synthesis(copy.text && !folder.bilan.handover_sha256.empty()
                                            ? *copy.text
                                            : render_synthesis(loaded.framework, folder));
        retire_handover_copy(*transaction, folder, copy);
        report.record.done = false;
        transaction->write(report.record);
        if (pass.destroys) destroy_content(*transaction, folder);
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
