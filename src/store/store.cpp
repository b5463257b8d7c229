#include "bilan/store.hpp"

#include "codec.hpp"
#include "posix_io.hpp"
#include "toml_text.hpp"

#include <algorithm>
#include <array>
#include <exception>
#include <iterator>
#include <span>
#include <stop_token>
#include <system_error>
#include <thread>

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

// Reads record files in name order into `records`; bad files are reported (and skipped when
// collecting). Stops early when `stop` is requested.
template <typename Record, typename Read>
void load_files(const FolderReader& files, const std::string& shown_dir,
                std::span<const std::string> names, Diagnostics& diagnostics, const Read& read,
                std::vector<Record>& records, const std::stop_token& stop = {}) {
    for (const std::string& name : names) {
        if (stop.stop_requested()) return;
        std::string shown = shown_dir + name;
        try {
            const std::string text = files.read(name);
            const toml::table table = parse_toml(text, shown);
            RecordReader reader(table, {std::move(shown), 0, 0}, diagnostics);
            Record record = read(reader);
            if (!reader.finish()) continue;
            record.id = name.substr(0, name.size() - 5);
            records.push_back(std::move(record));
        } catch (const DataError& e) {
            diagnostics.report(e.where, e.detail);
        }
    }
}

// What a helper thread made of the second half of a collection: records and problems in name
// order, and the exception that stopped it.
template <typename Record> struct Half {
    std::vector<Record> records;
    std::vector<Problem> problems;
    std::exception_ptr error;
};

template <typename Record, typename Read>
void load_half(const FolderReader& files, const std::string& shown_dir,
               std::span<const std::string> names, const Read& read, Half<Record>& out,
               const std::stop_token& stop) noexcept {
    try {
        Diagnostics collect(true);
        try {
            out.records.reserve(names.size());
            load_files(files, shown_dir, names, collect, read, out.records, stop);
        } catch (...) {
            out.error = std::current_exception();
        }
        out.problems = collect.problems();
    } catch (...) {
        out.error = std::current_exception();
    }
}

// Below this many files a second thread costs more than it saves.
constexpr std::size_t parallel_from = 512;

template <typename Record, typename Read>
std::optional<std::jthread> start_helper(const FolderReader& files, const std::string& shown_dir,
                                         std::span<const std::string> names, const Read& read,
                                         Half<Record>& out) {
    if (std::thread::hardware_concurrency() < 2) return {};
    try {
        return std::jthread([&files, &shown_dir, names, &read, &out](const std::stop_token& stop) {
            load_half(files, shown_dir, names, read, out, stop);
        });
    } catch (const std::system_error&) { // no thread to be had: this thread reads it all
        return std::nullopt;
    }
}

// Reads every record file of a collection. A large one is read on two threads: this one takes
// the first half, a helper the second, whose problems and records are then replayed after the
// first half's, so the result (and the first error, when not collecting) is what one thread
// would give. `read` may thus run on two threads: it must use only the reader and const data.
template <typename Record, typename Read>
std::vector<Record> load_collection(const Store& store, Collection collection,
                                    Diagnostics& diagnostics, Read read) {
    const std::string dir(directory_of(collection));
    const std::filesystem::path path = store.root() / dir;
    // store.display(dir + "/" + name), built once: a record's name is one plain file name.
    const std::string shown_dir = store.display(dir) + "/";
    const std::vector<std::string> names = list_toml_files(path);
    if (names.empty()) return {};
    const FolderReader files(path);
    const std::span<const std::string> all(names);
    const std::size_t half = names.size() / 2;
    std::vector<Record> records;
    records.reserve(names.size());
    Half<Record> second;
    {
        auto helper = names.size() < parallel_from
                          ? std::nullopt
                          : start_helper(files, shown_dir, all.subspan(half), read, second);
        load_files(files, shown_dir, helper ? all.first(half) : all, diagnostics, read, records);
        if (helper) helper->join(); // all of it; when this thread throws, ~jthread stops it
    }
    for (const Problem& problem : second.problems)
        diagnostics.report(problem);
    if (second.error) std::rethrow_exception(second.error);
    std::move(second.records.begin(), second.records.end(), std::back_inserter(records));
    return records;
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
    if (is_builtin_framework(bilan.framework)) return load_builtin_framework(bilan.framework);
    const std::string shown = display(bilan.framework);
    const auto text = read_file_if_exists(root_ / bilan.framework);
    if (!text || bilan.framework.find("..") != std::string::npos) {
        diagnostics.report({display("bilan.toml"), 0, 0},
                           "cadre « " + bilan.framework + " » introuvable dans le dossier");
        return load_builtin_framework("fr");
    }
    try {
        Framework framework = read_framework_text(*text, shown, diagnostics);
        if (framework.name.empty()) framework.name = bilan.framework;
        if (!framework.phases.empty()) return framework;
    } catch (const DataError& e) {
        diagnostics.report(e.where, e.detail);
    }
    return load_builtin_framework("fr");
}

std::vector<Session> Store::load_sessions(const Framework& framework, Diagnostics& diag) const {
    auto sessions =
        load_collection<Session>(*this, Collection::sessions, diag,
                                 [&](RecordReader& r) { return read_session(r, framework); });
    std::sort(sessions.begin(), sessions.end(), [](const Session& a, const Session& b) {
        return std::tie(a.date, a.from, a.id) < std::tie(b.date, b.from, b.id);
    });
    return sessions;
}

std::vector<Skill> Store::load_skills(Diagnostics& diagnostics) const {
    auto skills = load_collection<Skill>(*this, Collection::skills, diagnostics, read_skill);
    std::stable_sort(skills.begin(), skills.end(), [](const Skill& a, const Skill& b) {
        return std::tie(a.type, a.domain, a.text, a.id) < std::tie(b.type, b.domain, b.text, b.id);
    });
    return skills;
}

std::vector<Experience> Store::load_experiences(Diagnostics& diagnostics) const {
    auto list =
        load_collection<Experience>(*this, Collection::experiences, diagnostics, read_experience);
    std::sort(list.begin(), list.end(), [](const Experience& a, const Experience& b) {
        return std::tie(a.from, a.title, a.id) < std::tie(b.from, b.title, b.id);
    });
    return list;
}

std::vector<Trait> Store::load_traits(Diagnostics& diagnostics) const {
    auto list = load_collection<Trait>(*this, Collection::traits, diagnostics, read_trait);
    auto rank = [](const Trait& t) {
        const auto kinds = trait_kinds();
        return std::find_if(kinds.begin(), kinds.end(),
                            [&](const Term& k) { return k.key == t.kind; }) -
               kinds.begin();
    };
    std::sort(list.begin(), list.end(), [&](const Trait& a, const Trait& b) {
        return std::make_tuple(rank(a), a.text, a.id) < std::make_tuple(rank(b), b.text, b.id);
    });
    return list;
}

std::vector<TestResult> Store::load_tests(Diagnostics& diagnostics) const {
    auto list = load_collection<TestResult>(*this, Collection::tests, diagnostics, read_test);
    std::sort(list.begin(), list.end(), [](const TestResult& a, const TestResult& b) {
        return std::tie(a.date, a.instrument, a.id) < std::tie(b.date, b.instrument, b.id);
    });
    return list;
}

std::vector<Piste> Store::load_pistes(Diagnostics& diagnostics) const {
    auto list = load_collection<Piste>(*this, Collection::pistes, diagnostics, [](RecordReader& r) {
        return read_piste(r, r.diagnostics()); // the reader's: it may run on a helper thread
    });
    std::sort(list.begin(), list.end(), [](const Piste& a, const Piste& b) {
        return std::tie(a.title, a.id) < std::tie(b.title, b.id);
    });
    return list;
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
    auto list = load_collection<Action>(*this, Collection::actions, diagnostics, read_action);
    std::sort(list.begin(), list.end(), [](const Action& a, const Action& b) {
        // court < long < moyen alphabetically: rank the horizons as time goes.
        auto rank = [](const std::string& h) { return h == "court" ? 0 : h == "moyen" ? 1 : 2; };
        return std::make_tuple(rank(a.horizon), a.due, a.text, a.id) <
               std::make_tuple(rank(b.horizon), b.due, b.text, b.id);
    });
    return list;
}

std::vector<Consent> Store::load_consents(Diagnostics& diagnostics) const {
    auto list = load_collection<Consent>(*this, Collection::consents, diagnostics, read_consent);
    std::sort(list.begin(), list.end(), [](const Consent& a, const Consent& b) {
        return std::tie(a.recipient, a.id) < std::tie(b.recipient, b.id);
    });
    return list;
}

Folder Store::load_all(const Framework& framework, BilanRecord bilan, Diagnostics& diag) const {
    Folder folder;
    folder.bilan = std::move(bilan);
    folder.sessions = load_sessions(framework, diag);
    folder.skills = load_skills(diag);
    folder.experiences = load_experiences(diag);
    folder.traits = load_traits(diag);
    folder.tests = load_tests(diag);
    folder.pistes = load_pistes(diag);
    folder.project = load_project(diag);
    folder.actions = load_actions(diag);
    folder.consents = load_consents(diag);
    return folder;
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
