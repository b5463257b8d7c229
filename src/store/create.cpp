#include "bilan/store.hpp"
#include "bilan/values.hpp"
#include "lock.hpp"
#include "posix_io.hpp"
#include "toml_text.hpp"

#include <array>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <sys/stat.h>
#include <unistd.h>

namespace bilan::store {
namespace {

constexpr std::string_view bilan_header =
    "# Bilan de compétences : la fiche du bilan.\n"
    "# Modifiable à la main ou par « bilan set CHAMP VALEUR » ; commentaires et mise en page\n"
    "# sont conservés. Données personnelles couvertes par le secret professionnel.\n";

constexpr std::string_view gitignore = "# Fichiers de travail de bilan, à ne pas versionner.\n"
                                       ".lock\n"
                                       ".*.tmp-*\n";

// The folder's .gitignore with our patterns: an existing one (a folder already in git) keeps
// its lines, and gets those it lacks appended, so that the lock and temp files never show in
// `git status`.
void write_gitignore(const fs::path& dir) {
    const auto existing = read_file_if_exists(dir / ".gitignore");
    if (!existing) return write_file_atomically(dir / ".gitignore", gitignore);
    std::string text = *existing;
    const auto has_line = [&](std::string_view wanted) {
        std::size_t start = 0;
        while (start <= text.size()) {
            std::size_t end = text.find('\n', start);
            if (end == std::string::npos) end = text.size();
            std::string_view line(text.data() + start, end - start);
            if (line.ends_with('\r')) line.remove_suffix(1);
            if (line == wanted) return true;
            start = end + 1;
        }
        return false;
    };
    std::string missing;
    for (std::string_view pattern : {std::string_view(".lock"), std::string_view(".*.tmp-*")})
        if (!has_line(pattern)) missing += std::string(pattern) + "\n";
    if (missing.empty()) return;
    if (!text.empty() && text.back() != '\n') text += '\n';
    write_file_atomically(dir / ".gitignore", text + missing);
}

void write_bilan_files(const fs::path& dir, const Fields& bilan_fields,
                       const std::optional<fs::path>& framework_file) {
    write_gitignore(dir);
    if (framework_file) write_file_atomically(dir / "framework.toml", read_file(*framework_file));
    // bilan.toml last: its presence is what makes the folder a bilan.
    const std::string text = std::string(bilan_header) + emit_fields(bilan_fields);
    parse_toml(text, (dir / "bilan.toml").string()); // never write what we could not read back
    write_file_atomically(dir / "bilan.toml", text);
}

// A killed init leaves its half-built folder beside the target (".NAME.tmp-PID"): remove those
// whose process is gone, so that running the init again leaves nothing behind.
void sweep_abandoned_builds(const fs::path& final_path) {
    const std::string prefix = "." + final_path.filename().string() + ".tmp-";
    std::vector<fs::path> abandoned;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(final_path.parent_path(), ec)) {
        const std::string name = entry.path().filename().string();
        if (!name.starts_with(prefix)) continue;
        const long pid = std::strtol(name.c_str() + prefix.size(), nullptr, 10);
        if (pid > 0 && ::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH)
            abandoned.push_back(entry.path());
    }
    for (const fs::path& path : abandoned)
        fs::remove_all(path, ec);
}

// The half-built folder beside the target is ours: a failure to make it (a parent that is
// missing, read-only or /proc) is said of the folder the user named, not of ".NAME.tmp-PID".
void make_build_folder(const fs::path& temp, const fs::path& dir) {
    if (::mkdir(temp.c_str(), 0700) != 0)
        throw system_error("création impossible du dossier", dir.string(), errno);
    make_private_directory(temp);
}

} // namespace

void create_bilan(const fs::path& dir, const Fields& bilan_fields,
                  const std::optional<fs::path>& framework_file) {
    const Store target(dir);
    if (target.holds_bilan())
        throw RefusedError(dir.string() +
                           " contient déjà un bilan (bilan.toml) : rien n'a été modifié");
    std::error_code ec;
    if (fs::exists(dir, ec)) {
        if (!fs::is_directory(dir, ec))
            throw EnvironmentError(dir.string() + " n'est pas un dossier");
        if (::chmod(dir.c_str(), 0700) != 0)
            throw system_error("chmod impossible du dossier", dir.string(), errno);
        FolderLock lock(dir);
        if (target.holds_bilan()) throw RefusedError(dir.string() + " contient déjà un bilan");
        write_bilan_files(dir, bilan_fields, framework_file);
        return;
    }
    // A new folder is built beside its final place and renamed: a crash leaves no half bilan.
    const fs::path absolute = fs::absolute(dir).lexically_normal();
    const fs::path final_path = absolute.has_filename() ? absolute : absolute.parent_path();
    const fs::path temp = final_path.parent_path() / ("." + final_path.filename().string() +
                                                      ".tmp-" + std::to_string(::getpid()));
    sweep_abandoned_builds(final_path);
    fs::remove_all(temp, ec);
    try {
        make_build_folder(temp, dir);
        write_bilan_files(temp, bilan_fields, framework_file);
        fsync_directory(temp);
        if (::rename(temp.c_str(), final_path.c_str()) != 0) {
            const int err = errno;
            if (err == ENOTEMPTY || err == EEXIST)
                throw RefusedError(dir.string() +
                                   " est apparu pendant l'ouverture : rien n'a été modifié");
            throw system_error("création impossible du dossier", dir.string(), err);
        }
        fsync_directory(final_path.parent_path());
    } catch (...) {
        fs::remove_all(temp, ec);
        throw;
    }
}

// ---- the fields of bilan.toml that `set` changes ------------------------------------------

namespace {
using K = BilanField::Kind;
constexpr std::array<BilanField, 18> fields{{
    {"beneficiary", K::text, true},
    {"start", K::date, false},
    {"end", K::date, false},
    {"funding", K::funding, false},
    {"counsellor", K::text, false},
    {"organisation", K::text, false},
    {"demand", K::text, false},
    {"expectations", K::text, false},
    {"situation", K::text, false},
    {"circumstances", K::text, false},
    {"framework", K::framework, true},
    {"handover", K::date, false},
    {"handover-mode", K::term, false, handover_modes, "mode de remise"},
    {"abandoned", K::date, false},
    {"abandon-reason", K::text, false},
    {"public", K::term, false, beneficiary_publics, "public"},
    {"email", K::email, false},
    {"telephone", K::telephone, false},
}};
} // namespace

std::span<const BilanField> bilan_fields() {
    return fields;
}

const BilanField* find_bilan_field(std::string_view key) {
    for (const BilanField& field : fields)
        if (field.key == key) return &field;
    return nullptr;
}

} // namespace bilan::store
