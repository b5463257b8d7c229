#include "bilan/store.hpp"

#include "bilan/synthesis.hpp" // is_consent_name
#include "codec.hpp"
#include "posix_io.hpp"
#include "toml_text.hpp"

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdio>
#include <iterator>
#include <sys/stat.h>
#include <system_error>
#include <tuple>

namespace bilan::store {

namespace {

// ---- the names of records ----------------------------------------------------------------

// Only files named exactly as bilan names its records are records: a conflict copy
// ("ID (conflicted copy).toml", "ID.sync-conflict-….toml", "ID_LOCAL_1.toml", "ID - Copie.toml")
// would otherwise count twice. Consents are named after their recipient (consent_id: lower-case
// ASCII letters and digits, single hyphens inside), the others by an id of eight lower-case
// hex digits.
bool is_record_name(const RecordKindInfo& kind, std::string_view name) {
    if (!name.ends_with(".toml")) return false;
    const std::string_view id = name.substr(0, name.size() - 5);
    // A consent is named after its recipient (consent_id): exactly the name bilan gives, so
    // that "france-travail (conflicted copy)" or "France-Travail" is not one.
    if (kind.named_by_recipient) return is_consent_name(id);
    return id.size() == 8 && std::all_of(id.begin(), id.end(), [](char c) {
               return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
           });
}

// ---- loading record files ---------------------------------------------------------------

// Reads one record file of `kind` (listed in `folder`) into its list of `into`; a bad file is
// reported, and skipped when collecting.
void load_record(const RecordKindInfo& kind, const FolderReader& folder, const ListedFile& file,
                 const std::string& shown_dir, const Framework* framework, Folder& into,
                 Diagnostics& diagnostics) {
    const std::string& name = file.name;
    std::string shown = shown_dir + name;
    try {
        const std::optional<std::string> text = folder.read_if_exists(name, file.regular);
        if (!text) return; // removed by a writer since the folder was listed: as if before it
        const toml::table table = parse_toml(*text, shown);
        RecordReader reader(table, {std::move(shown), 0, 0}, diagnostics);
        kind.read_into(reader, framework, name.substr(0, name.size() - 5), into);
    } catch (const DataError& e) {
        diagnostics.report(e.where, e.detail);
    } catch (const UnreadableFile& e) { // `check` lists it and goes on; the others stop (exit 3)
        if (!diagnostics.collecting()) throw;
        diagnostics.report({shown_dir + name, 0, 0}, "illisible : " + e.cause);
    }
}

} // namespace

// ---- diagnostics -------------------------------------------------------------------------

void Diagnostics::report(const SourcePos& where, const std::string& message) {
    report(file_problem(where, message));
}

void Diagnostics::report(const Problem& problem) {
    if (!collect_) {
        // A problem of its own (a BILAN_PRACTICE naming no folder): the command line words it.
        if (problem.code != file_invalid) throw RefusedError(problem);
        if (problem.where) throw DataError(*problem.where, problem.value("detail"));
        throw RefusedError(problem.value("detail"));
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

namespace {

// What `file` is when it is neither a regular file nor a link to one ("tube nommé", "lien
// symbolique sans cible"), asked of lstat and stat alone: a FIFO is never opened, that would
// block. Empty when it is regular, or not there at all.
std::string irregular_kind(const std::filesystem::path& file) {
    struct stat entry {
    }, target{};
    if (::lstat(file.c_str(), &entry) != 0) return {};
    const bool link = S_ISLNK(entry.st_mode);
    if (link && ::stat(file.c_str(), &target) != 0) return "lien symbolique sans cible";
    const mode_t mode = link ? target.st_mode : entry.st_mode;
    const char* kind = S_ISREG(mode)                    ? ""
                       : S_ISDIR(mode)                  ? "dossier"
                       : S_ISFIFO(mode)                 ? "tube nommé"
                       : S_ISSOCK(mode)                 ? "socket"
                       : S_ISCHR(mode) || S_ISBLK(mode) ? "périphérique"
                                                        : "fichier spécial";
    if (!*kind) return {};
    return link ? std::string("lien symbolique vers un ") + kind : kind;
}

} // namespace

void Store::require_bilan() const {
    if (holds_bilan()) return;
    if (const std::string kind = irregular_kind(root_ / "bilan.toml"); !kind.empty())
        throw RefusedError(display("bilan.toml") + " n'est pas un fichier ordinaire (" + kind +
                           ") : remplacez-le par le fichier bilan.toml du bilan");
    // A folder that cannot be looked into (another user's) is not "no bilan": it is exit 3.
    struct stat info {};
    const int err = ::stat((root_ / "bilan.toml").c_str(), &info) != 0 ? errno : 0;
    if (err != 0 && err != ENOENT && err != ENOTDIR)
        throw system_error("lecture impossible de", display("bilan.toml"), err);
    std::error_code ec;
    // A folder that is not there is the environment's doing (a mistyped -C, a volume not
    // mounted), not invalid data: exit 3.
    if (!std::filesystem::exists(root_, ec))
        throw EnvironmentError("le dossier " + root_.string() + " n'existe pas");
    throw RefusedError(Problem{.code = "bilan.none",
                               .values = {{"dir", root_.string()}},
                               .remedy = Remedy{"init", {{"folder", {}}}}});
}

// ---- the folder's format ----------------------------------------------------------------

namespace {

std::string newer_format(int format) {
    return "ce dossier est au format " + std::to_string(format) +
           ", plus récent que cette version de bilan (format " + std::to_string(current_format) +
           ")";
}

// Said once, when the command is over: a write refused for the same reason says it alone.
struct FormatNote {
    int format = 0;
    FormatNote() = default;
    FormatNote(const FormatNote&) = delete;
    FormatNote& operator=(const FormatNote&) = delete;
    ~FormatNote() {
        if (format > 0)
            notify({.code = "format.newer-ignored",
                    .severity = Severity::notice,
                    .values = {{"format", std::to_string(format)},
                               {"current", std::to_string(current_format)}}});
    }
};

FormatNote& format_note() {
    static FormatNote note;
    return note;
}

} // namespace

int Store::format() const {
    if (format_) return *format_;
    format_ = first_format; // absent: a folder from before `format` was written
    try {
        if (const auto text = read_file_if_exists(root_ / "bilan.toml")) {
            const toml::table table = parse_toml(*text, display("bilan.toml"));
            if (const auto* value = table.get_as<std::int64_t>("format"))
                format_ = static_cast<int>(std::clamp<std::int64_t>(value->get(), 1, 1'000'000));
        }
    } catch (const Error&) { // load_bilan says what is wrong with the file
    }
    return *format_;
}

void Store::require_writable_format() const {
    format_.reset(); // read again: the caller holds the lock now
    if (format() <= current_format) return;
    format_note().format = 0;
    throw RefusedError(newer_format(format()) + " : mettez bilan à jour pour y écrire");
}

void Store::adapt_to_format(Diagnostics& diagnostics) const {
    if (format() <= current_format) return;
    diagnostics.ignore_unknown_keys();
    if (format_note_) format_note().format = format();
}

BilanRecord Store::load_bilan(Diagnostics& diagnostics) const {
    require_bilan();
    adapt_to_format(diagnostics);
    const std::string shown = display("bilan.toml");
    BilanRecord bilan;
    try { // in the try: a file too large to read is one more problem that `check` lists
        const std::string text = read_file(root_ / "bilan.toml");
        const toml::table table = parse_toml(text, shown);
        RecordReader reader(table, {shown, 0, 0}, diagnostics);
        bilan = read_record<BilanRecord>(reader);
        reader.finish();
    } catch (const DataError& e) {
        diagnostics.report(e.where, e.detail);
        bilan.unreadable = true;
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
    adapt_to_format(diagnostics);
    Framework framework = find_framework(bilan, diagnostics);
    // Each framework names its own fundings: the bilan's is checked against the one it uses.
    if (!bilan.funding.empty() && !is_retired_funding(framework, bilan.funding)) {
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

std::string Store::record_line(Collection collection, const std::string& id) const {
    const RecordKindInfo& kind = kind_info(collection);
    if (!kind.line) return id + "\n";
    Diagnostics skip(true);
    const Framework framework = load_framework(load_bilan(skip), skip);
    return kind.line(load_records({&collection, 1}, &framework, skip), framework, id);
}

Folder Store::load_records(std::span<const Collection> collections, const Framework* framework,
                           Diagnostics& diagnostics, Reading reading) const {
    // File after file, collection after collection, each folder in name order: problems are
    // reported, and the first error thrown, in that order.
    adapt_to_format(diagnostics);
    Folder records;
    for (const Collection& collection : collections) {
        const RecordKindInfo& kind = kind_info(collection);
        const std::string dir(collection.folder);
        std::optional<FolderReader> folder;
        try {
            folder.emplace(root_ / dir);
        } catch (const DataError& e) { // a file named like a record folder
            diagnostics.report(e.where, e.detail);
            continue;
        } catch (const UnreadableFile& e) {
            if (!diagnostics.collecting()) throw;
            diagnostics.report({display(dir), 0, 0}, "illisible : " + e.cause);
            continue;
        }
        const std::string shown_dir = display(dir) + "/";
        const std::vector<ListedFile> files = folder->list();
        const bool counted_only = reading == Reading::figures &&
                                  collection.record_class == RecordClass::content &&
                                  collection != collection_of<Action>();
        for (const ListedFile& file : files)
            if (is_record_name(kind, file.name) && counted_only)
                ++records.unparsed_content_records;
            else if (is_record_name(kind, file.name))
                load_record(kind, *folder, file, shown_dir, framework, records, diagnostics);
    }
    for (const RecordKindInfo& kind : record_kinds())
        kind.sort(records);
    return records;
}

std::vector<Session> Store::load_sessions(const Framework& framework, Diagnostics& diag) const {
    return load<Session>(diag, &framework);
}

// The practice's problems are `check`'s to report (ops::check), not every command's.
namespace {
std::optional<Practice> practice_if_readable(const Store& store) {
    try {
        Diagnostics ignored(true);
        return find_practice(store, ignored);
    } catch (const Error&) {
        return std::nullopt;
    }
}
} // namespace

HolidayCalendar practice_holidays(const Store& store) {
    if (const auto practice = practice_if_readable(store))
        if (const auto calendar = parse_holiday_calendar(practice->holidays)) return *calendar;
    return HolidayCalendar::metropole;
}

std::optional<Destruction> Store::load_destruction(Diagnostics& diagnostics) const {
    adapt_to_format(diagnostics);
    const std::string shown = display("destruction.toml");
    try {
        const auto text = read_file_if_exists(root_ / "destruction.toml");
        if (!text) return std::nullopt;
        const toml::table table = parse_toml(*text, shown);
        RecordReader reader(table, {shown, 0, 0}, diagnostics);
        Destruction destruction = read_destruction(reader);
        reader.finish();
        destruction.origin = {shown, 0, 0};
        return destruction;
    } catch (const DataError& e) {
        diagnostics.report(e.where, e.detail);
    }
    return std::nullopt;
}

HandoverCopy Store::handover_copy() const {
    const std::string name(handover_copy_file);
    return {read_file_if_exists(root_ / name), display(name)};
}

bool Store::holds_entry(const std::string& name) const {
    std::error_code ec;
    return fs::exists(fs::symlink_status(root_ / name, ec));
}

std::string Store::kept_synthesis() const {
    if (auto text = read_file_if_exists(root_ / "synthese.md")) return *text;
    throw DataError(SourcePos{display("synthese.md"), 0, 0},
                    "synthèse conservée introuvable : le dossier a été purgé (destruction.toml) "
                    "et sa synthèse ne peut plus être refaite");
}

bool Store::inside_git_work_tree() const {
    std::error_code error;
    fs::path at = fs::absolute(root_, error);
    if (error) return false;
    for (at = at.lexically_normal(); !at.empty(); at = at.parent_path()) {
        if (fs::exists(at / ".git", error)) return true;
        if (at == at.parent_path()) break;
    }
    return false;
}

Folder Store::load_all(const Framework& framework, BilanRecord bilan, Diagnostics& diag,
                       Reading reading) const {
    // The files of one record each are read after the records.
    Folder folder = load_records(record_collections(), &framework, diag, reading);
    set_apart_unheld(folder); // only the sessions held count: nothing else sees the others
    folder.bilan = std::move(bilan);
    for (const FileKindInfo& kind : file_kinds())
        if (kind.load_into) kind.load_into(*this, folder, diag);
    if (const auto practice = practice_if_readable(*this)) {
        if (const auto calendar = parse_holiday_calendar(practice->holidays))
            folder.holidays = *calendar;
        folder.counsellor_external = practice->is_external(folder.bilan.counsellor);
    }
    return folder;
}

namespace {

// The entries under `path` (itself included, its folders above letting someone else through)
// whose mode gives the group or others some right; below a folder nobody else may go through,
// nothing is reachable, whatever its mode. Symbolic links are neither counted nor followed.
void find_open_to_others(const fs::path& path, std::vector<fs::path>& found) {
    std::error_code ec;
    const fs::file_status status = fs::symlink_status(path, ec);
    if (ec || fs::is_symlink(status)) return;
    const auto others = fs::perms::group_all | fs::perms::others_all;
    const fs::perms mode = status.permissions();
    if ((mode & others) != fs::perms::none) found.push_back(path);
    if (!fs::is_directory(status)) return;
    if ((mode & (fs::perms::group_exec | fs::perms::others_exec)) == fs::perms::none)
        return; // nobody else gets below: what is there is private, whatever its mode
    std::vector<fs::path> children;
    for (fs::directory_iterator it(path, ec), end; !ec && it != end; it.increment(ec))
        children.push_back(it->path());
    std::sort(children.begin(), children.end());
    for (const fs::path& child : children)
        find_open_to_others(child, found);
}

} // namespace

// A clone made under umask 022 leaves the bilan 0755 and its files 0644: one problem says how
// many entries others can read, and the one command that makes them all private.
std::vector<Problem> permission_problems(const Store& store) {
    std::vector<fs::path> found;
    std::error_code ec;
    // The folder itself as given (a link to it is followed), then what is inside.
    const fs::file_status root = fs::status(store.root(), ec);
    if (ec || !fs::is_directory(root)) return {};
    const auto others = fs::perms::group_all | fs::perms::others_all;
    if ((root.permissions() & others) != fs::perms::none) found.push_back(store.root());
    if ((root.permissions() & (fs::perms::group_exec | fs::perms::others_exec)) != fs::perms::none)
        for (fs::directory_iterator it(store.root(), ec), end; !ec && it != end; it.increment(ec))
            find_open_to_others(it->path(), found);
    if (found.empty()) return {};
    const bool root_open = found.front() == store.root();
    std::sort(found.begin() + (root_open ? 1 : 0), found.end());
    const std::size_t inside = found.size() - (root_open ? 1 : 0);
    const std::string dir = store.root().string();
    return {{.code = "folder.open-to-others",
             .where = SourcePos{dir, 0, 0},
             .values = {{"dir", dir},
                        {"inside", std::to_string(inside)},
                        {"root_open", root_open ? "1" : ""},
                        {"first", found.front().lexically_normal().string()}}}};
}

namespace {

// The record folder a misspelt folder name stands for ("Sessions", "session"), if any.
std::optional<std::string_view> misspelt_record_folder(std::string_view name) {
    const std::string folded = ascii_lower(name);
    std::optional<std::string_view> meant;
    for (const RecordKindInfo& kind : record_kinds()) {
        const std::string_view dir = kind.collection.folder;
        if (folded == dir || folded == dir.substr(0, dir.size() - 1)) meant = dir;
    }
    return meant;
}

// The file of ours that a hidden top-level entry copies, if it is an editor's copy of one (vim's
// `.bilan.toml.swp`, emacs' `.#bilan.toml`): it holds what purge destroys. Our own temp files
// (`.bilan.toml.tmp-PID`, swept by the next writer) and git's entries are not copies.
std::optional<std::string> hidden_copy_of(const std::string& name, const BilanRecord& bilan) {
    if (name.front() != '.' || is_temp_file_name(name)) return std::nullopt;
    std::vector<std::string> own{"bilan.toml", bilan.framework};
    own.insert(own.end(), single_record_files().begin(), single_record_files().end());
    for (const std::string& file : own)
        if (file.ends_with(".toml") && name.find(file) != std::string::npos) return file;
    return std::nullopt;
}

} // namespace

std::vector<Problem> Store::unknown_entries(const BilanRecord& bilan) const {
    std::vector<Problem> problems;
    const auto report = [&](const std::string& relative, std::string code, Values values = {}) {
        problems.push_back({.code = std::move(code),
                            .severity = Severity::error,
                            .where = SourcePos{display(relative), 0, 0},
                            .values = std::move(values)});
    };
    std::vector<ListedFile> top;
    try {
        top = FolderReader(root_, FolderLink::followed).list(); // as the user named it
    } catch (const Error& e) {
        problems.push_back(file_problem(std::nullopt, e.what()));
    }
    // At the top, the user's own documents (a rendered synthesis, a folder of scans) are
    // welcome, and hidden entries are git's or ours (.git, .gitignore, .lock, temp files):
    // only what looks like ours but is not is reported.
    for (const ListedFile& entry : top) {
        const std::string& name = entry.name;
        if (const auto copied = hidden_copy_of(name, bilan)) {
            report(name, "folder.editor-copy", {{"file", *copied}});
            continue;
        }
        if (name.front() == '.' || name == "bilan.toml" || name == "practice.toml" ||
            name == "destruction.toml" || name == proof_folder ||
            name == bilan.framework || // practice.toml: a practice of one bilan
            std::find(single_record_files().begin(), single_record_files().end(), name) !=
                single_record_files().end())
            continue;
        const auto folder = misspelt_record_folder(name);
        if (folder && *folder == name) continue;
        if (entry.directory) {
            if (folder) report(name, "folder.misspelt-folder", {{"meant", std::string(*folder)}});
        } else if (name.ends_with(".toml")) {
            report(name, "folder.unknown-file");
        } else {
            for (const std::string& own : {std::string("bilan.toml"), std::string("project.toml"),
                                           std::string("edof.toml"), bilan.framework})
                if (own.ends_with(".toml") && name.starts_with(own)) {
                    report(name, "folder.copy-of", {{"file", own}});
                    break;
                }
        }
    }
    // In a record folder, everything but a record is reported: a conflict copy, a stray note.
    for (const RecordKindInfo& kind : record_kinds()) {
        const std::string_view dir = kind.collection.folder;
        std::vector<ListedFile> entries;
        try {
            entries = FolderReader(root_ / std::string(dir)).list();
        } catch (const Error&) { // reported by the loader already
            continue;
        }
        for (const ListedFile& entry : entries) {
            if (is_record_name(kind, entry.name) || is_temp_file_name(entry.name)) continue;
            const std::string relative = std::string(dir) + "/" + entry.name;
            if (entry.directory)
                report(relative, "folder.unknown-folder");
            else
                report(relative, "folder.not-a-record",
                       {{"naming", kind.named_by_recipient ? "recipient" : "id"}});
        }
    }
    return problems;
}

std::string Store::resolve_id(Collection collection, std::string_view id_or_prefix) const {
    const std::string dir(collection.folder);
    const RecordKindInfo& kind = kind_info(collection);
    const std::string wanted(id_or_prefix);
    std::vector<std::string> matches;
    for (const ListedFile& file : FolderReader(root_ / dir).list()) {
        if (!is_record_name(kind, file.name)) continue;
        const std::string id = file.name.substr(0, file.name.size() - 5);
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

std::vector<std::string> Store::record_ids(Collection collection) const {
    const RecordKindInfo& kind = kind_info(collection);
    std::vector<std::string> ids;
    try {
        for (const ListedFile& file : FolderReader(root_ / std::string(collection.folder)).list())
            if (is_record_name(kind, file.name))
                ids.push_back(file.name.substr(0, file.name.size() - 5));
    } catch (const Error&) {
        return {}; // no such folder, or one that cannot be read: nothing to offer
    }
    std::sort(ids.begin(), ids.end());
    return ids;
}

} // namespace bilan::store
