#include "bilan/store.hpp"

#include "bilan/synthesis.hpp"
#include "codec.hpp"
#include "posix_io.hpp"
#include "prefault.hpp"
#include "toml_text.hpp"
#include "two_threads.hpp"

#include <algorithm>
#include <array>
#include <exception>
#include <iterator>
#include <numeric>
#include <span>
#include <system_error>

namespace bilan::store {

namespace {

constexpr std::array<std::pair<Collection, std::string_view>, 8> directories{{
    {Collection::sessions, "sessions"},
    {Collection::skills, "skills"},
    {Collection::experiences, "experiences"},
    {Collection::traits, "traits"},
    {Collection::tests, "tests"},
    {Collection::pistes, "pistes"},
    {Collection::actions, "actions"},
    {Collection::consents, "consents"},
}};

constexpr std::array<std::string_view, 8> nouns{"séance",          "compétence",  "expérience",
                                                "caractéristique", "test",        "piste",
                                                "action",          "consentement"};

// ---- loading record files, on two threads ------------------------------------------------

// The folder of one collection: its record files in name order, and the folder opened once.
struct CollectionFiles {
    Collection collection;
    std::string shown_dir; // store.display(dir) + "/", built once
    std::vector<ListedFile> files;
    std::unique_ptr<FolderReader> reader;
};

// One record file: its collection's folder and its name.
struct RecordFile {
    const CollectionFiles* folder;
    const ListedFile* file;
};

template <typename Record>
void keep(RecordReader& reader, Record record, const std::string& name, std::vector<Record>& list) {
    if (!reader.finish()) return;
    record.id = name.substr(0, name.size() - 5);
    list.push_back(std::move(record));
}

// Reads one record file into its list of `into`; a bad file is reported (and skipped when
// collecting). Uses only `diagnostics` and const data: it runs on two threads at once.
void load_record(const RecordFile& file, const Framework* framework, Folder& into,
                 Diagnostics& diagnostics, BatchedClose& closer) {
    const std::string& name = file.file->name;
    std::string shown = file.folder->shown_dir + name;
    try {
        const std::string text = file.folder->reader->read(name, file.file->regular, &closer);
        const toml::table table = parse_toml(text, shown);
        RecordReader r(table, {std::move(shown), 0, 0}, diagnostics);
        switch (file.folder->collection) {
        case Collection::sessions:
            return keep(r, read_session(r, *framework), name, into.sessions);
        case Collection::skills:
            return keep(r, read_skill(r), name, into.skills);
        case Collection::experiences:
            return keep(r, read_experience(r), name, into.experiences);
        case Collection::traits:
            return keep(r, read_trait(r), name, into.traits);
        case Collection::tests:
            return keep(r, read_test(r), name, into.tests);
        case Collection::pistes:
            return keep(r, read_piste(r, diagnostics), name, into.pistes);
        case Collection::actions:
            return keep(r, read_action(r), name, into.actions);
        case Collection::consents:
            return keep(r, read_consent(r), name, into.consents);
        }
    } catch (const DataError& e) {
        diagnostics.report(e.where, e.detail);
    }
}

// Moving records is cheap; touching new memory is not (a page fault costs microseconds on a VM):
// lists are reserved once, and the first share's lists become the result's as they are.
template <typename Record> void append(std::vector<Record>& to, std::vector<Record>&& from) {
    if (to.empty()) {
        to = std::move(from);
        return;
    }
    to.reserve(to.size() + from.size());
    std::move(from.begin(), from.end(), std::back_inserter(to));
}

// Room in each list of `folder` for every file of its collection among `files`: reserved address
// space costs nothing until it is used, and no list is copied as it grows.
void reserve_records(Folder& folder, std::span<const RecordFile> files) {
    std::array<std::size_t, directories.size()> count{};
    for (const RecordFile& file : files)
        ++count.at(static_cast<std::size_t>(file.folder->collection));
    const auto of = [&](Collection collection) {
        return count.at(static_cast<std::size_t>(collection));
    };
    folder.sessions.reserve(of(Collection::sessions));
    folder.skills.reserve(of(Collection::skills));
    folder.experiences.reserve(of(Collection::experiences));
    folder.traits.reserve(of(Collection::traits));
    folder.tests.reserve(of(Collection::tests));
    folder.pistes.reserve(of(Collection::pistes));
    folder.actions.reserve(of(Collection::actions));
    folder.consents.reserve(of(Collection::consents));
}

void append_records(Folder& to, Folder&& from) {
    append(to.sessions, std::move(from.sessions));
    append(to.skills, std::move(from.skills));
    append(to.experiences, std::move(from.experiences));
    append(to.traits, std::move(from.traits));
    append(to.tests, std::move(from.tests));
    append(to.pistes, std::move(from.pistes));
    append(to.actions, std::move(from.actions));
    append(to.consents, std::move(from.consents));
}

// What one thread made of the files it took. Its records are in no useful order: each list is
// sorted afterwards by an order that ends with the id, unique. Its problems are kept with their
// file's index, and so is the first error that stopped it (it takes no file after that one).
struct Share {
    explicit Share(int longest_close_run) : closer(longest_close_run) {}
    Folder records;
    std::vector<std::pair<std::size_t, Problem>> problems;
    std::exception_ptr error;
    std::size_t error_file = 0;
    bool started = false; // has taken a file (and prepared its heap)
    BatchedClose closer;  // the files this thread read
};

// Each thread's heap is populated at once rather than page by page (prefault.hpp): the caller's
// for the lists and half the records (600 bytes a file), the helper's for its half (300). At
// 100,000 sessions: 16,000 page faults become 3,000, `status` 940 -> 880 ms, `render` 1,150 ->
// 1,020 ms, peak memory 87 -> 118 MiB. At the typical size too: 113 faults -> 93, 0.15 ms of
// 5.4 (a fault costs 7 to 14 µs on a VM, and one madvise for 32 pages far less).
constexpr std::size_t caller_bytes_per_file = 600;
constexpr std::size_t helper_bytes_per_file = 300;

// Loads `files` into `into` on this thread and the helper, then reports their problems, and
// rethrows the first error, in file order: the result is the same as one thread's, file after
// file, whoever read what.
void load_files(std::span<const RecordFile> files, const Framework* framework, Folder& into,
                Diagnostics& diagnostics) {
    prefault_heap(files.size() * caller_bytes_per_file);
    const int close_run = BatchedClose::run_for_this_process();
    std::array<Share, 2> shares{Share(close_run), Share(close_run)};
    for (Share& share : shares)
        reserve_records(share.records, files);
    const Task task = [&](std::size_t index, int worker) {
        Share& share = shares.at(static_cast<std::size_t>(worker));
        if (!share.started) {
            share.started = true;
            if (worker == 1) prefault_heap(files.size() * helper_bytes_per_file);
        }
        Diagnostics collect(true);
        const auto fail = [&] {
            if (!share.error) share.error = std::current_exception(), share.error_file = index;
        };
        try {
            load_record(files[index], framework, share.records, collect, share.closer);
        } catch (...) {
            fail();
        }
        try { // the problems met before an error are reported before it
            for (const Problem& problem : collect.problems())
                share.problems.emplace_back(index, problem);
        } catch (...) {
            fail();
        }
        if (share.error) return false;
        // Without collecting, the first problem ends the load: the files after it are not read.
        return diagnostics.collecting() || collect.problems().empty();
    };
    run_on_two_threads(files.size(), task);

    const Share* stopped = nullptr; // the share whose error comes first
    for (const Share& share : shares)
        if (share.error && (!stopped || share.error_file < stopped->error_file)) stopped = &share;
    std::vector<std::pair<std::size_t, Problem>> problems;
    std::merge(shares[0].problems.begin(), shares[0].problems.end(), shares[1].problems.begin(),
               shares[1].problems.end(), std::back_inserter(problems),
               [](const auto& a, const auto& b) { return a.first < b.first; });
    for (const auto& [file, problem] : problems)
        if (!stopped || file <= stopped->error_file) diagnostics.report(problem);
    if (stopped) std::rethrow_exception(stopped->error);
    for (Share& share : shares)
        append_records(into, std::move(share.records));
}

// ---- the order of each list --------------------------------------------------------------

// Sorts `list` by `less`, moving each record once: records are large (several strings, their
// file's path), and sorting them in place moved each about log2(n) times, a tenth of `status`
// at 100,000 sessions. The order is found on indices, then applied cycle by cycle in place
// (a new list would touch as much new memory, which costs page faults). Every order ends with
// the id, unique in its folder: no two records tie, and an unstable sort is enough.
template <typename Record, typename Less> void sort_by(std::vector<Record>& list, Less less) {
    std::vector<std::size_t> order(list.size()); // order[k]: the record that goes to k
    std::iota(order.begin(), order.end(), std::size_t{0});
    const auto by_record = [&](std::size_t a, std::size_t b) { return less(list[a], list[b]); };
    std::sort(order.begin(), order.end(), by_record);
    for (std::size_t start = 0; start < order.size(); ++start) {
        if (order[start] == start) continue;
        Record held = std::move(list[start]);
        std::size_t to = start;
        while (order[to] != start) {
            const std::size_t from = order[to];
            list[to] = std::move(list[from]);
            order[to] = to;
            to = from;
        }
        list[to] = std::move(held);
        order[to] = to;
    }
}

void sort_sessions(std::vector<Session>& list) {
    sort_by(list, [](const Session& a, const Session& b) {
        return std::tie(a.date, a.from, a.id) < std::tie(b.date, b.from, b.id);
    });
}

void sort_skills(std::vector<Skill>& list) {
    sort_by(list, [](const Skill& a, const Skill& b) {
        return std::tie(a.type, a.domain, a.text, a.id) < std::tie(b.type, b.domain, b.text, b.id);
    });
}

void sort_experiences(std::vector<Experience>& list) {
    sort_by(list, [](const Experience& a, const Experience& b) {
        return std::tie(a.from, a.title, a.id) < std::tie(b.from, b.title, b.id);
    });
}

void sort_traits(std::vector<Trait>& list) {
    auto rank = [](const Trait& t) {
        const auto kinds = trait_kinds();
        return std::find_if(kinds.begin(), kinds.end(),
                            [&](const Term& k) { return k.key == t.kind; }) -
               kinds.begin();
    };
    sort_by(list, [&](const Trait& a, const Trait& b) {
        return std::make_tuple(rank(a), a.text, a.id) < std::make_tuple(rank(b), b.text, b.id);
    });
}

void sort_tests(std::vector<TestResult>& list) {
    sort_by(list, [](const TestResult& a, const TestResult& b) {
        return std::tie(a.date, a.instrument, a.id) < std::tie(b.date, b.instrument, b.id);
    });
}

void sort_pistes(std::vector<Piste>& list) {
    sort_by(list, [](const Piste& a, const Piste& b) {
        return std::tie(a.title, a.id) < std::tie(b.title, b.id);
    });
}

void sort_actions(std::vector<Action>& list) {
    sort_by(list, [](const Action& a, const Action& b) {
        // court < long < moyen alphabetically: rank the horizons as time goes.
        auto rank = [](const std::string& h) { return h == "court" ? 0 : h == "moyen" ? 1 : 2; };
        return std::make_tuple(rank(a.horizon), a.due, a.text, a.id) <
               std::make_tuple(rank(b.horizon), b.due, b.text, b.id);
    });
}

void sort_records(Folder& folder) {
    sort_sessions(folder.sessions);
    sort_skills(folder.skills);
    sort_experiences(folder.experiences);
    sort_traits(folder.traits);
    sort_tests(folder.tests);
    sort_pistes(folder.pistes);
    sort_actions(folder.actions);
    sort_consents(folder.consents);
}

} // namespace

std::string_view directory_of(Collection collection) {
    return directories.at(static_cast<std::size_t>(collection)).second;
}

std::string_view record_noun(Collection collection) {
    return nouns.at(static_cast<std::size_t>(collection));
}

// ---- diagnostics -------------------------------------------------------------------------

void Diagnostics::report(const SourcePos& where, const std::string& message) {
    report(Problem{where, message});
}

void Diagnostics::report(const Problem& problem) {
    if (!collect_) {
        if (problem.where) throw DataError(*problem.where, problem.message);
        throw RefusedError(problem.message);
    }
    problems_.push_back(problem);
}

// ---- reading -----------------------------------------------------------------------------

Store::Store(std::filesystem::path root) : root_(std::move(root)) {}

std::string Store::display(const std::string& relative) const {
    return (root_ / relative).lexically_normal().string();
}

bool Store::holds_bilan() const {
    std::error_code ec;
    return std::filesystem::is_regular_file(root_ / "bilan.toml", ec);
}

void Store::require_bilan() const {
    if (holds_bilan()) return;
    std::error_code ec;
    if (!std::filesystem::exists(root_, ec))
        throw RefusedError("le dossier " + root_.string() + " n'existe pas");
    throw RefusedError("aucun bilan dans " + root_.string() +
                       " (pas de bilan.toml) : " + "ouvrez-en un avec « bilan init DOSSIER »");
}

BilanRecord Store::load_bilan(Diagnostics& diagnostics) const {
    require_bilan();
    const std::string shown = display("bilan.toml");
    const std::string text = read_file(root_ / "bilan.toml");
    BilanRecord bilan;
    try {
        const toml::table table = parse_toml(text, shown);
        RecordReader reader(table, {shown, 0, 0}, diagnostics);
        bilan = read_bilan(reader);
        reader.finish();
    } catch (const DataError& e) {
        diagnostics.report(e.where, e.detail);
    }
    bilan.origin = {shown, 0, 0};
    return bilan;
}

namespace {
Framework read_framework_text(std::string_view text, const std::string& shown,
                              Diagnostics& diagnostics) {
    const toml::table table = parse_toml(text, shown);
    RecordReader reader(table, {shown, 0, 0}, diagnostics);
    Framework framework = read_framework(reader, diagnostics);
    reader.finish();
    return framework;
}
} // namespace

Framework load_builtin_framework(std::string_view name) {
    Diagnostics strict;
    Framework framework =
        read_framework_text(builtin_framework_text(name), std::string(name), strict);
    framework.name = std::string(name);
    return framework;
}

Framework load_framework_file(const std::filesystem::path& file) {
    Diagnostics strict;
    const auto text = read_file_if_exists(file);
    if (!text) throw UsageError("cadre introuvable : " + file.string() + " (fr, be ou un fichier)");
    Framework framework = read_framework_text(*text, file.string(), strict);
    if (framework.name.empty()) framework.name = file.filename().string();
    return framework;
}

Framework Store::load_framework(const BilanRecord& bilan, Diagnostics& diagnostics) const {
    Framework framework = find_framework(bilan, diagnostics);
    // Each framework names its own fundings: the bilan's is checked against the one it uses.
    if (!bilan.funding.empty()) {
        try {
            framework.resolve_funding(bilan.funding);
        } catch (const UsageError& e) {
            diagnostics.report(bilan.funding_origin, e.what());
        }
    }
    return framework;
}

Framework Store::find_framework(const BilanRecord& bilan, Diagnostics& diagnostics) const {
    if (is_builtin_framework(bilan.framework)) return load_builtin_framework(bilan.framework);
    const std::string shown = display(bilan.framework);
    // A file of the folder only: neither ".." nor an absolute path leads out of it, and nothing
    // outside is even opened.
    const bool inside = bilan.framework.find("..") == std::string::npos &&
                        !std::filesystem::path(bilan.framework).is_absolute();
    std::optional<std::string> text;
    try {
        // In the try: a folder or a device named as the framework is one more problem that
        // `check` lists (found by tests/fuzz/fuzz_folder), not the end of `check`.
        if (inside) text = read_file_if_exists(root_ / bilan.framework);
        if (text) {
            Framework framework = read_framework_text(*text, shown, diagnostics);
            if (framework.name.empty()) framework.name = bilan.framework;
            if (!framework.phases.empty()) return framework;
        }
    } catch (const DataError& e) {
        diagnostics.report(e.where, e.detail);
        return load_builtin_framework("fr");
    }
    if (!text)
        diagnostics.report(bilan.framework_origin,
                           "cadre « " + bilan.framework + " » introuvable dans le dossier");
    return load_builtin_framework("fr");
}

Folder Store::load_records(std::initializer_list<Collection> collections,
                           const Framework* framework, Diagnostics& diagnostics) const {
    std::vector<CollectionFiles> folders;
    folders.reserve(collections.size());
    std::size_t count = 0;
    for (const Collection collection : collections) {
        const std::string dir(directory_of(collection));
        auto reader = std::make_unique<FolderReader>(root_ / dir);
        std::vector<ListedFile> listed = reader->list_toml();
        if (listed.empty()) continue;
        // Enough files for a helper thread: wake its core while the rest is listed.
        if (count < helper_from && count + listed.size() >= helper_from) wake_second_core();
        count += listed.size();
        folders.push_back({collection, display(dir) + "/", std::move(listed), std::move(reader)});
    }
    std::vector<RecordFile> files;
    files.reserve(count);
    for (const CollectionFiles& folder : folders)
        for (const ListedFile& file : folder.files)
            files.push_back({&folder, &file});
    Folder records;
    load_files(files, framework, records, diagnostics);
    sort_records(records);
    return records;
}

std::vector<Session> Store::load_sessions(const Framework& framework, Diagnostics& diag) const {
    return load_records({Collection::sessions}, &framework, diag).sessions;
}

std::vector<Skill> Store::load_skills(Diagnostics& diagnostics) const {
    return load_records({Collection::skills}, nullptr, diagnostics).skills;
}

std::vector<Experience> Store::load_experiences(Diagnostics& diagnostics) const {
    return load_records({Collection::experiences}, nullptr, diagnostics).experiences;
}

std::vector<Trait> Store::load_traits(Diagnostics& diagnostics) const {
    return load_records({Collection::traits}, nullptr, diagnostics).traits;
}

std::vector<TestResult> Store::load_tests(Diagnostics& diagnostics) const {
    return load_records({Collection::tests}, nullptr, diagnostics).tests;
}

std::vector<Piste> Store::load_pistes(Diagnostics& diagnostics) const {
    return load_records({Collection::pistes}, nullptr, diagnostics).pistes;
}

Project Store::load_project(Diagnostics& diagnostics) const {
    const std::string shown = display("project.toml");
    const auto text = read_file_if_exists(root_ / "project.toml");
    Project project;
    if (!text) return project;
    try {
        const toml::table table = parse_toml(*text, shown);
        RecordReader reader(table, {shown, 0, 0}, diagnostics);
        project = read_project(reader);
        reader.finish();
    } catch (const DataError& e) {
        diagnostics.report(e.where, e.detail);
    }
    project.origin = {shown, 0, 0};
    return project;
}

std::vector<Action> Store::load_actions(Diagnostics& diagnostics) const {
    return load_records({Collection::actions}, nullptr, diagnostics).actions;
}

std::vector<Consent> Store::load_consents(Diagnostics& diagnostics) const {
    return load_records({Collection::consents}, nullptr, diagnostics).consents;
}

Folder Store::load_all(const Framework& framework, BilanRecord bilan, Diagnostics& diag) const {
    // Every record file of the folder as one list, so that the two threads share the work
    // whatever its mix; the project is one file, read after them.
    Folder folder = load_records({Collection::sessions, Collection::skills, Collection::experiences,
                                  Collection::traits, Collection::tests, Collection::pistes,
                                  Collection::actions, Collection::consents},
                                 &framework, diag);
    folder.bilan = std::move(bilan);
    folder.project = load_project(diag);
    return folder;
}

FolderCheck check_folder(const Store& store) {
    Diagnostics collect(true);
    const BilanRecord bilan = store.load_bilan(collect);
    const Framework framework = store.load_framework(bilan, collect);
    const Folder folder = store.load_all(framework, bilan, collect);
    FolderCheck result{collect.problems(), collect.problems().size()};
    auto add = [&](std::vector<Problem> more) {
        std::move(more.begin(), more.end(), std::back_inserter(result.problems));
    };
    add(store.unknown_entries(bilan));
    add(rule_problems(framework, folder));
    add(synthesis_problems(framework, folder));
    return result;
}

std::vector<Problem> Store::unknown_entries(const BilanRecord& bilan) const {
    std::vector<Problem> problems;
    for (const std::string& name : list_toml_files(root_)) {
        if (name == "bilan.toml" || name == "project.toml" || name == bilan.framework) continue;
        problems.push_back({SourcePos{display(name), 0, 0},
                            "fichier inconnu de bilan, ignoré (voir FILES dans man bilan)"});
    }
    return problems;
}

std::string Store::resolve_id(Collection collection, std::string_view id_or_prefix) const {
    const std::string dir(directory_of(collection));
    const std::string wanted(id_or_prefix);
    std::vector<std::string> matches;
    for (const std::string& name : list_toml_files(root_ / dir)) {
        const std::string id = name.substr(0, name.size() - 5);
        if (id == wanted) return id;
        if (wanted.size() >= 3 && id.starts_with(wanted)) matches.push_back(id);
    }
    if (matches.size() == 1) return matches.front();
    if (matches.empty())
        throw RefusedError("aucun enregistrement « " + wanted + " » dans " + display(dir) +
                           " (voir « bilan " + dir.substr(0, dir.size() - 1) + " list »)");
    throw RefusedError("identifiant ambigu « " + wanted + " » : " + matches.front() + ", " +
                       matches[1] + (matches.size() > 2 ? "…" : ""));
}

} // namespace bilan::store
