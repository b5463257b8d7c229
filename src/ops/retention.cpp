#include "bilan/ops/retention.hpp"

#include "bilan/ops/bilan.hpp"
#include "bilan/rules.hpp"
#include "bilan/synthesis.hpp"

#include <algorithm>
#include <tuple>
#include <type_traits>

namespace bilan::ops {

namespace {

// The basis `grant` records, put into `after`'s keys of its scope.
void set_basis(BilanRecord& after, const RetentionGrant& grant, const std::optional<Date>& until) {
    if (grant.scope == "documents") {
        after.retention_agreed = grant.date;
        after.retention_scope = grant.scope;
        after.retention_until = until;
        after.retention_ref = grant.ref;
        return;
    }
    after.synthesis_agreed = grant.date;
    after.synthesis_motif = grant.motif;
    after.synthesis_until = until;
    after.synthesis_ref = grant.ref;
}

} // namespace

Notes grant_retention(const store::Store& store, const RetentionGrant& grant) {
    if (grant.scope != "documents" && grant.scope != "synthese")
        throw UsageError("--scope « " + grant.scope + " » : attendu « synthese » ou « documents »");
    const std::string motif(resolve_term(retention_motifs(), grant.motif, "motif de conservation"));
    if (motif == "cep" && grant.scope != "synthese")
        throw UsageError("--motif cep : seule la synthèse est transmise à l'opérateur du CEP "
                         "(--scope synthese)");
    RetentionGrant given = grant;
    given.motif = motif;
    store.require_bilan();
    store::Transaction transaction(store); // what decides the write is read under the lock
    store::Diagnostics strict;
    const BilanRecord before = transaction.store().load_bilan(strict);
    const Framework framework = transaction.store().load_framework(before, strict);
    BilanRecord after = before;
    const std::optional<Date> until =
        given.until ? given.until : retention_limit(framework, before);
    if (until && *until < given.date)
        throw RefusedError("--until " + until->iso() + " précède l'accord (" + given.date.iso() +
                           ") : rien n'a été enregistré");
    set_basis(after, given, until);
    if (auto problems = retention_problems(framework, after); !problems.empty()) {
        Problem refused = std::move(problems.back()); // the one just given comes last or alone
        for (Problem& p : problems)
            if (p.value("scope") == given.scope) refused = std::move(p);
        refused.code = "retention.beyond-limit-refused";
        refused.where.reset();
        throw RefusedError(std::move(refused));
    }
    Notes notes;
    const std::optional<Date> ended = destruction_end(before);
    if (!ended)
        notes.push_back({.code = "retention.end-unknown",
                         .severity = Severity::notice,
                         .remedy = Remedy{"check", {}}});
    else if (*ended < given.date)
        notes.push_back({.code = "retention.agreed-after-end",
                         .severity = Severity::warning,
                         .values = {{"date", given.date.iso()}, {"ended", ended->iso()}},
                         .source = "R6313-7"});
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

// The copy of the synthesis handed over (set handover) is the synthesis purge keeps when a
// basis covers it: a first pass refuses, destroying nothing, when it is gone or altered, for
// what it would keep instead is not the document handed over.
void refuse_damaged_handover_copy(const BilanRecord& bilan, const store::HandoverCopy& copy) {
    if (bilan.handover_sha256.empty()) return; // a copy without a hash is content, destroyed
    if (auto problem = handover_copy_problem(bilan, copy)) throw RefusedError(std::move(*problem));
}

// The hash of the copy handed over in bilan.toml goes first (the hash of a content, R6313-7),
// then the copy: a purge killed between leaves a copy without a hash, which the next pass
// removes. Once synthese.md keeps it, or when the synthesis is destroyed.
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

constexpr const char* kept_synthesis_file = "synthese.md";

// The synthesis' files in the folder: synthese.md (a link too) and the copy handed over.
int synthesis_file_count(const store::Store& store) {
    return (store.holds_entry(kept_synthesis_file) ? 1 : 0) +
           (store.holds_entry(std::string(store::handover_copy_file)) ? 1 : 0);
}

// Every write that destroys the synthesis (R6313-7: no basis keeps it), one at a time.
template <typename Writer>
void destroy_synthesis(Writer& writer, Folder& folder, const store::Store& store,
                       const store::HandoverCopy& copy) {
    const auto step_done = [] {
        if constexpr (std::is_same_v<Writer, store::Transaction>) store::destruction_step_done();
    };
    const bool copy_there = store.holds_entry(std::string(store::handover_copy_file));
    retire_handover_copy(writer, folder, copy);
    if (copy_there && !copy.text) writer.remove_file(std::string(store::handover_copy_file));
    if (copy_there) step_done();
    if (store.holds_entry(kept_synthesis_file)) {
        writer.remove_file(kept_synthesis_file);
        step_done();
    }
}

// The files at the top that go besides the records: those bilan rendered, those named.
template <typename Writer>
void destroy_files(Writer& writer, const std::vector<std::string>& names) {
    for (const std::string& name : names) {
        writer.remove_file(name);
        if constexpr (std::is_same_v<Writer, store::Transaction>) store::destruction_step_done();
    }
}

// What lies at the top besides the records (store::left_entries), sorted out: what bilan
// rendered goes; what it cannot classify goes when named (--aussi) or when all is (--tout),
// and is `unclassified` otherwise (a purge refuses, a dry run lists it).
struct FilesToDestroy {
    std::vector<std::string> rendered, others, unclassified;
};

FilesToDestroy sort_left_entries(const store::Store& store, const BilanRecord& bilan,
                                 const PurgeOptions& options) {
    const std::vector<store::LeftEntry> left = store::left_entries(store, bilan);
    std::vector<std::string> named;
    for (const std::string& given : options.also) {
        const std::optional<std::string> name = store::top_entry_name(store, given);
        if (!name)
            throw RefusedError("--aussi " + given + " : pas à la racine du dossier " +
                               store.root().string() + " ; rien n'a été détruit");
        const bool there = std::any_of(left.begin(), left.end(), [&](const store::LeftEntry& e) {
            return e.name == *name && e.kind == store::LeftEntry::Kind::unclassified;
        });
        if (!there)
            throw RefusedError("--aussi " + given +
                               " : ni dans le dossier, ni à classer (les "
                               "fichiers de bilan et ses documents ont "
                               "leur règle) ; rien n'a été détruit");
        named.push_back(*name);
    }
    FilesToDestroy files;
    for (const store::LeftEntry& entry : left) {
        using Kind = store::LeftEntry::Kind;
        if (entry.kind == Kind::rendered) files.rendered.push_back(entry.name);
        if (entry.kind != Kind::unclassified) continue;
        const bool chosen =
            options.all || std::find(named.begin(), named.end(), entry.name) != named.end();
        (chosen ? files.others : files.unclassified)
            .push_back(entry.name + (entry.directory ? "/"
                                     : entry.link    ? " (lien)"
                                                     : ""));
    }
    for (std::string& other : files.others) // the names themselves, to remove
        other = other.substr(0, other.find_first_of("/ "));
    return files;
}

// One pass of a purge, planned over what the folder holds now, a resumed one too: a basis
// granted or content found since it was interrupted is honoured.
struct Pass {
    Destruction record;            // the whole account: the earlier passes' counts and this one's
    bool destroys = false;         // anything at all
    bool destroys_content = false; // the records, notes and fields no agreement keeps
    bool keeps_synthesis = false;
    std::vector<std::string> rendered; // documents bilan rendered into the folder
    std::vector<std::string> others;   // what it cannot classify, named by --aussi or --tout
};

// The synthesis stays when a basis covers it on the pass' date and it is still there to keep
// (a first pass makes synthese.md; once destroyed, a basis granted later brings nothing back).
bool keeps_synthesis(const Folder& folder, const store::Store& store,
                     const std::optional<Destruction>& previous, const store::HandoverCopy& copy,
                     const Date& date) {
    if (!synthesis_kept_on(folder.bilan, date)) return false;
    if (!previous) return true;
    if (!previous->done && !previous->synthesis_destroyed) return true; // a resumed first pass
    return store.holds_entry(kept_synthesis_file) ||
           (copy.text && !folder.bilan.handover_sha256.empty());
}

bool is_file_category(const std::string& category) {
    return category == "synthesis_files" || category == "rendered_files" ||
           category == "other_files";
}

Pass plan_pass(Folder& folder, const Framework& framework, const store::Store& store,
               const std::optional<Destruction>& previous, const store::HandoverCopy& copy,
               const Date& date, const FilesToDestroy& files) {
    Pass pass;
    pass.rendered = files.rendered;
    pass.others = files.others;
    Destruction& plan = pass.record;
    plan.date = previous && !previous->done ? previous->date : date; // a resume keeps its date
    const bool kept = documents_kept_on(folder.bilan, plan.date);
    pass.keeps_synthesis = keeps_synthesis(folder, store, previous, copy, plan.date);
    Counts there = content_counts(folder); // all of it, kept or not
    for (auto& [category, n] : there) {
        if (category == "synthesis_files") n = synthesis_file_count(store);
        if (category == "rendered_files") n = static_cast<int>(files.rendered.size());
        if (category == "other_files") n = static_cast<int>(files.others.size());
    }
    plan.destroyed = destroyed_before(previous, there);
    Counts going = there;
    int content = 0;
    for (auto& [category, n] : going) {
        if (!is_file_category(category)) content += n;
        if (category == "synthesis_files" ? pass.keeps_synthesis
                                          : kept && !is_file_category(category))
            n = 0;
    }
    pass.destroys = total(going) > 0;
    pass.destroys_content = !kept && content > 0;
    for (auto& [category, n] : plan.destroyed)
        n += count_of(going, category);
    const std::optional<Date> limit = retention_limit(framework, folder.bilan);
    plan.kept = {"administratif"};
    if (pass.keeps_synthesis) {
        plan.kept.emplace_back("synthese");
        plan.synthesis_kept_until = kept_until(folder.bilan.synthesis_until, limit);
        plan.synthesis_basis = folder.bilan.synthesis_motif.empty() ? std::string("accord")
                                                                    : folder.bilan.synthesis_motif;
    } else {
        plan.synthesis_destroyed =
            previous && previous->synthesis_destroyed ? previous->synthesis_destroyed : plan.date;
    }
    if (kept) {
        plan.kept.emplace_back("documents");
        plan.documents_kept_until = kept_until(folder.bilan.retention_until, limit);
        plan.documents_basis = "accord";
    }
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

std::string joined_names(const std::vector<std::string>& names) {
    std::string out;
    for (const std::string& name : names)
        out += (out.empty() ? "" : ", ") + name;
    return out;
}

std::vector<std::string> left_after_purge(const store::Store& store, const BilanRecord& bilan,
                                          const Destruction& destruction) {
    std::vector<std::string> left;
    if (!destruction.done) return left; // an unfinished purge is said as such
    const bool synthesis_kept = std::find(destruction.kept.begin(), destruction.kept.end(),
                                          "synthese") != destruction.kept.end();
    for (const store::LeftEntry& entry : store::left_entries(store, bilan))
        if (entry.kind != store::LeftEntry::Kind::synthesis || !synthesis_kept ||
            entry.name != kept_synthesis_file)
            left.push_back(entry.name);
    return left;
}

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
        const FilesToDestroy files = sort_left_entries(folder_store, folder.bilan, options);
        if (!files.unclassified.empty() && !options.dry_run)
            throw RefusedError(Problem{.code = "purge.unclassified-left",
                                       .values = {{"files", joined_names(files.unclassified)}},
                                       .remedy = Remedy{"purge", {}}});
        const Pass pass =
            plan_pass(folder, loaded.framework, folder_store, previous, copy, options.date, files);
        if (!previous && pass.keeps_synthesis) refuse_damaged_handover_copy(folder.bilan, copy);
        PurgeReport report;
        report.resumed = previous && !previous->done;
        const auto& was_kept = previous ? previous->kept : std::vector<std::string>{};
        const bool synthesis_kept_before =
            std::find(was_kept.begin(), was_kept.end(), "synthese") != was_kept.end();
        report.nothing_to_do = previous && previous->done && !pass.destroys &&
                               synthesis_kept_before == pass.keeps_synthesis;
        report.record = report.nothing_to_do ? *previous : pass.record;
        report.unclassified = files.unclassified;
        if (loaded.framework.name == "be") report.source = "RGPD, art. 5, 1, e";
        if (!pass.keeps_synthesis)
            for (const char* name : {kept_synthesis_file, store::handover_copy_file.data()})
                if (folder_store.holds_entry(name)) report.files.emplace_back(name);
        report.files.insert(report.files.end(), pass.rendered.begin(), pass.rendered.end());
        report.files.insert(report.files.end(), pass.others.begin(), pass.others.end());
        // Each write checked before the first, in the order they are made.
        if (!report.nothing_to_do) {
            check.own_files(!previous && pass.keeps_synthesis);
            if (pass.keeps_synthesis)
                retire_handover_copy(check, folder, copy);
            else
                destroy_synthesis(check, folder, folder_store, copy);
        }
        destroy_files(check, pass.rendered);
        destroy_files(check, pass.others);
        if (pass.destroys_content) destroy_content(check, folder);
        report.notes = purge_notes(folder_store, pass.record, check);
        if (!transaction || report.nothing_to_do) return report;
        transaction->raise_format(store::bases_format); // for good: a purge is never undone
        if (!previous && pass.keeps_synthesis)
            transaction->keep_synthesis(copy.text && !folder.bilan.handover_sha256.empty()
                                            ? *copy.text
                                            : render_synthesis(loaded.framework, folder));
        if (pass.keeps_synthesis) retire_handover_copy(*transaction, folder, copy);
        report.record.done = false;
        transaction->write(report.record, report.source);
        if (!pass.keeps_synthesis) destroy_synthesis(*transaction, folder, folder_store, copy);
        destroy_files(*transaction, pass.rendered);
        destroy_files(*transaction, pass.others);
        if (pass.destroys_content) destroy_content(*transaction, folder);
        report.record.done = true;
        transaction->write(report.record, report.source);
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
