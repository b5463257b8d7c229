// practice.toml: the provider's identity, kept once in a practice folder and found from a bilan
// the way git finds its repository. Read like every record (the size limit, the TOML guard,
// RecordReader: typos and bad identifiers at FILE:LINE:COLUMN), written like bilan.toml (a new
// file atomically, an edit spliced under the folder's lock).
#include "bilan/store.hpp"
#include "codec.hpp"
#include "posix_io.hpp"
#include "toml_text.hpp"

#include <cerrno>
#include <cstdlib>
#include <sys/stat.h>
#include <unistd.h>

namespace bilan::store {
namespace {

constexpr std::string_view file_name = "practice.toml";

constexpr std::string_view practice_header =
    "# Le cabinet : l'identité du prestataire, partagée par les bilans rangés en dessous.\n"
    "# Modifiable à la main ou par « bilan practice set CHAMP VALEUR » ; commentaires et mise\n"
    "# en page sont conservés.\n";

// Whether `path` names an entry of any kind (a link to nothing included).
bool entry_exists(const fs::path& path) {
    struct stat info {};
    return ::lstat(path.c_str(), &info) == 0;
}

// `path` without "." and "..", nor a separator at its end ("/" stays "/").
fs::path normal_folder(const fs::path& path) {
    fs::path normal = path.lexically_normal();
    if (!normal.has_filename() && normal.has_relative_path()) normal = normal.parent_path();
    return normal.empty() ? fs::path(".") : normal;
}

// A practice.toml found by looking up from the bilan may sit in a folder others write to
// (/tmp): one that belongs to another user would lend them the provider's identity on your
// certificates, so it is refused, as git refuses a repository of dubious ownership. Root's
// files are everybody's system. Root itself is held to the same rule: whoever may write to
// /tmp could otherwise plant the identity that root's certificates bear.
void require_trusted_owner(const fs::path& file, const std::string& shown) {
    struct stat info {};
    if (::stat(file.c_str(), &info) != 0) return; // a link to nothing: the read says so
    if (info.st_uid == ::geteuid() || info.st_uid == 0) return;
    throw RefusedError(shown + " appartient à un autre utilisateur (uid " +
                       std::to_string(info.st_uid) +
                       ") : bilan n'y prend pas l'identité du cabinet ; désignez le vôtre avec "
                       "BILAN_PRACTICE=DOSSIER");
}

// The folder $BILAN_PRACTICE names, when it is set and not empty.
std::optional<PracticeFolder> named_practice() {
    const char* named = std::getenv("BILAN_PRACTICE");
    if (!named || !*named) return std::nullopt;
    const fs::path folder = normal_folder(named);
    const std::string shown = (folder / file_name).lexically_normal().string();
    if (entry_exists(folder / file_name)) return PracticeFolder{folder, shown};
    std::error_code ec;
    if (fs::exists(folder, ec) && !fs::is_directory(folder, ec))
        throw RefusedError("BILAN_PRACTICE : " + std::string(named) + " n'est pas un dossier");
    const Remedy init{"practice.init", {{"folder", named}, {"name", {}}}};
    if (!fs::is_directory(folder, ec))
        throw RefusedError(Problem{
            .code = "practice.named-folder-missing", .values = {{"named", named}}, .remedy = init});
    throw RefusedError(Problem{.code = "practice.named-folder-empty",
                               .values = {{"named", named}, {"file", std::string(file_name)}},
                               .remedy = init});
}

} // namespace

std::optional<PracticeFolder> locate_practice(const fs::path& from) {
    if (auto named = named_practice()) return named;
    std::error_code ec;
    const fs::path start = from.empty() ? fs::path(".") : from;
    fs::path dir = normal_folder(fs::absolute(start, ec));
    if (ec) throw system_error("dossier introuvable :", start.string(), ec.value());
    // The folder as messages show it: relative when `from` is, so that a line names
    // "../practice.toml" as the user would. Both walk up lexically: a link in `from` is left
    // the way the user came through it, as the shell's `cd ..` does.
    fs::path shown_dir = start;
    for (;;) {
        if (entry_exists(dir / file_name)) {
            const fs::path folder = start.is_absolute() ? dir : normal_folder(shown_dir);
            const std::string shown = (folder / file_name).lexically_normal().string();
            require_trusted_owner(dir / file_name, shown);
            return PracticeFolder{folder, shown};
        }
        if (!dir.has_relative_path()) return std::nullopt; // "/" had none either
        dir = dir.parent_path();
        shown_dir /= "..";
    }
}

std::optional<Practice> load_practice(const PracticeFolder& where, Diagnostics& diagnostics) {
    const fs::path path = where.folder / file_name;
    try {
        const std::optional<std::string> text = read_file_if_exists(path);
        if (!text) {
            diagnostics.report({where.shown, 0, 0}, "n'existe plus");
            return std::nullopt;
        }
        const toml::table table = parse_toml(*text, where.shown);
        RecordReader reader(table, {where.shown, 0, 0}, diagnostics);
        Practice practice = read_record<Practice>(reader);
        reader.finish();
        return practice;
    } catch (const DataError& e) { // a folder, a device, a link to nothing, too large, bad TOML
        diagnostics.report({where.shown, e.where.line, e.where.column}, e.detail);
    } catch (const UnreadableFile& e) { // `check` lists it and goes on; the others stop (exit 3)
        if (!diagnostics.collecting()) throw;
        diagnostics.report({where.shown, 0, 0}, "illisible : " + e.cause);
    }
    return std::nullopt;
}

std::optional<Practice> find_practice(const Store& store, Diagnostics& diagnostics) {
    std::optional<PracticeFolder> where;
    try {
        where = locate_practice(store.root());
    } catch (const RefusedError& e) {
        diagnostics.report(e.problem() ? *e.problem() : file_problem(std::nullopt, e.what()));
        return std::nullopt;
    }
    if (!where) return std::nullopt;
    return load_practice(*where, diagnostics);
}

void create_practice(const fs::path& dir, const Practice& practice) {
    const fs::path path = dir / file_name;
    const std::string shown = path.lexically_normal().string();
    const std::string text = std::string(practice_header) + emit_fields(fields_of(practice));
    parse_toml(text, shown); // never write what we could not read back

    struct stat info {};
    const bool new_dir = ::stat(dir.c_str(), &info) != 0;
    if (new_dir && errno != ENOENT)
        throw system_error("accès impossible au dossier", dir.string(), errno);
    if (!new_dir && !S_ISDIR(info.st_mode))
        throw EnvironmentError(dir.string() + " n'est pas un dossier");
    const auto already = [&] {
        return RefusedError(Problem{.code = "practice.exists",
                                    .values = {{"file", shown}},
                                    .remedy = Remedy{"practice.set", {}}});
    };
    if (!new_dir && entry_exists(path)) throw already();
    try {
        if (new_dir) make_private_directory(dir);
        create_file_atomically(path, text); // never replaces one, even made meanwhile
    } catch (const EnvironmentError&) {
        if (new_dir) ::rmdir(dir.c_str());       // only ever removes an empty folder
        if (entry_exists(path)) throw already(); // made meanwhile by another run
        throw;
    }
}

} // namespace bilan::store
