// libFuzzer target over the folder loader: the input becomes one file of a bilan folder, which
// is then loaded and shown the way `check`, `status`, the list commands and `render` do it
// (src/commands/*.cpp), through the public store API only.
//
// Input: the first byte chooses the file (folder_files.hpp; tests/fuzz/make-corpus.sh uses
// the same numbers), the rest is its content. The other files are a small valid bilan, written
// once per process in a temp folder that every input reuses: each input writes its one file,
// and afterwards that file is removed or given back its base content. Nothing is fsynced.
//
// A bad file must end in one of bilan's own errors (bilan::Error); anything else escaping
// (std::out_of_range, a sanitizer report, a hang) is a bug and is left to crash.
#include "bilan/edof_rules.hpp"
#include "bilan/errors.hpp"
#include "bilan/evaluations.hpp"
#include "bilan/framework.hpp"
#include "bilan/funding_views.hpp"
#include "bilan/ops/bilan.hpp"
#include "bilan/rules.hpp"
#include "bilan/store.hpp"
#include "bilan/substance_views.hpp"
#include "bilan/synthesis.hpp"
#include "bilan/views.hpp"
#include "cli/problems.hpp"
#include "folder_files.hpp"

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

namespace {

namespace fs = std::filesystem;
using namespace bilan;

struct File {
    const char* path;
    // The base folder's content for this file, or nullptr when the base folder has none (the
    // file is then removed after each input).
    const char* base;
};

constexpr const char* base_bilan = R"(beneficiary = "Camille Fuzz"
framework = "framework.toml"
start = 2026-03-02
funding = "cpf"
demand = "Changer de métier"
)";

constexpr const char* base_session = R"(date = 2026-03-03
phase = "preliminaire"
minutes = 90
)";

constexpr const char* base_experience = R"(title = "Comptable"
kind = "poste"
from = 2010-01-01
to = 2020-12-31
)";

// Indexed by the input's first byte (modulo their number), as folder_files.hpp lists them.
// framework.toml's base is the built-in French framework's text (set in base_folder()).
std::array<File, fuzz_folder::paths.size()> files = [] {
    std::array<File, fuzz_folder::paths.size()> all{};
    for (std::size_t i = 0; i < all.size(); ++i) {
        const bool bilan = std::string_view(fuzz_folder::paths[i]) == "bilan.toml";
        all[i] = {fuzz_folder::paths[i], bilan ? base_bilan : nullptr};
    }
    return all;
}();

[[noreturn]] void die(const char* what, const fs::path& path) {
    std::fprintf(stderr, "fuzz_folder: %s %s: errno %d\n", what, path.c_str(), errno);
    std::abort();
}

// Plain write, no fsync: the folder is scratch space, and speed is executions per second.
void put(const fs::path& path, std::string_view content) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0) die("cannot create", path);
    while (!content.empty()) {
        const ssize_t n = ::write(fd, content.data(), content.size());
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) die("cannot write", path);
        content.remove_prefix(static_cast<std::size_t>(n));
    }
    ::close(fd);
}

fs::path temp_root;

void remove_temp_root() {
    std::error_code ignored;
    if (!temp_root.empty()) fs::remove_all(temp_root, ignored);
}

// The base folder, made on the first input: a valid bilan with its own framework file (so that
// a fuzzed framework.toml is read), one session and one experience that other files may name.
const fs::path& base_folder() {
    if (!temp_root.empty()) return temp_root;
    const char* tmp = std::getenv("TMPDIR");
    std::string pattern = std::string(tmp && *tmp ? tmp : "/tmp") + "/bilan-fuzz.XXXXXX";
    if (!::mkdtemp(pattern.data())) die("cannot create a temp folder in", pattern);
    temp_root = pattern;
    std::atexit(remove_temp_root);
    files[1].base = builtin_framework_text("fr");
    for (const store::Collection& kind : store::record_collections()) {
        const fs::path dir = temp_root / std::string(kind.folder);
        if (::mkdir(dir.c_str(), 0700) != 0) die("cannot create", dir);
    }
    for (const File& file : files)
        if (file.base) put(temp_root / file.path, file.base);
    put(temp_root / "sessions/0000ba5e.toml", base_session);
    put(temp_root / "experiences/0000ba5e.toml", base_experience);
    return temp_root;
}

// Gives the folder back its base content whatever happens to the input.
class Restore {
public:
    Restore(const fs::path& root, const File& file) : path_(root / file.path), base_(file.base) {}
    ~Restore() {
        if (base_)
            put(path_, base_);
        else if (::unlink(path_.c_str()) != 0)
            die("cannot remove", path_);
    }
    Restore(const Restore&) = delete;
    Restore& operator=(const Restore&) = delete;

private:
    fs::path path_;
    const char* base_;
};

// Whether `text` holds a control character that `allowed` does not list. A person's text with
// control characters is refused (man bilan: "text with control characters or invalid UTF-8 is
// refused"), so none may reach a terminal (an escape sequence would drive it) nor the JSON and
// Markdown outputs (raw control characters are invalid JSON).
bool has_control(std::string_view text, std::string_view allowed) {
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if ((byte < 0x20 || byte == 0x7f) && allowed.find(c) == std::string_view::npos) return true;
    }
    return false;
}

void require_no_control(std::string_view output, std::string_view allowed, const char* what) {
    if (!has_control(output, allowed)) return;
    std::fprintf(stderr, "a control character in the output of %s\n", what);
    std::abort();
}

// The day the sessions of a fuzzed folder are seen from: they are past or to come around it.
constexpr Date fuzz_today{2026, 3, 10};

// What `bilan check` does (ops::check, said by the command line's table); true when the files
// themselves are at fault (the loaders' problems, file.invalid, not those of the rules).
std::optional<bool> check(const store::Store& store) {
    try {
        ops::Notes notes;
        const std::vector<Problem> problems = ops::check(store, fuzz_today, notes);
        const bool files_at_fault =
            std::any_of(problems.begin(), problems.end(),
                        [](const Problem& p) { return p.code == file_invalid; });
        std::string out;
        for (const Problem& p : problems)
            out += cli::problem_line(p) + "\n";
        for (const Problem& note : notes)
            out += cli::problem_line(note) + "\n";
        require_no_control(out, "\n\t\r", "check");
        require_no_control(problems_json(problems, cli::problem_text), "\n", "check --json");
        return files_at_fault;
    } catch (const DataError& e) {
        // `check` lists every problem of the files (and `check --json` prints them as JSON):
        // a file at fault must never stop it.
        std::fprintf(stderr, "check stopped at a bad file instead of listing it: %s\n", e.what());
        std::abort();
    } catch (const Error&) {
        return std::nullopt;
    }
}

// What every other read command does: a strict load (the first problem stops it), then
// `status`, the lists, `project show`, and `render` for everyone and for each consent.
std::optional<bool> show(const store::Store& store) {
    Folder folder;
    Framework framework;
    try {
        store::Diagnostics strict;
        BilanRecord bilan = store.load_bilan(strict);
        framework = store.load_framework(bilan, strict);
        folder = store.load_all(framework, std::move(bilan), strict);
    } catch (const DataError&) {
        return true;
    } catch (const RefusedError&) {
        return true;
    } catch (const Error&) {
        return std::nullopt;
    }
    try {
        // Without colour: what goes to a terminal then holds no escape sequence of ours.
        const std::string terminal =
            status_text(framework, folder, fuzz_today, Style{false}, cli::problem_text) +
            sessions_table(folder.sessions) + skills_table(folder.skills) +
            experiences_table(folder.experiences) + traits_table(folder.traits) +
            tests_table(folder.tests) + pistes_table(folder.pistes) +
            actions_table(folder.actions) + project_text(folder.project, folder.pistes) +
            evaluations_table(folder.evaluations) + edof_text(framework, folder) +
            convention_text(folder.convention) + financing_text(folder.financing);
        require_no_control(terminal, "\n\t\r", "the text views");
        const std::string json =
            status_json(framework, folder, fuzz_today, cli::problem_text) +
            sessions_json(folder.sessions) + skills_json(folder.skills) +
            experiences_json(folder.experiences) + traits_json(folder.traits) +
            tests_json(folder.tests) + pistes_json(folder.pistes) + actions_json(folder.actions) +
            project_json(folder.project, folder.pistes) + evaluations_json(folder.evaluations) +
            edof_json(framework, folder) + convention_json(folder.convention) +
            financing_json(folder.financing);
        require_no_control(json, "\n", "the JSON views");
        (void)status_text(framework, folder, fuzz_today, Style{true}, cli::problem_text);
        require_no_control(render_synthesis(framework, folder), "\n", "render");
        require_no_control(render_convention(framework, folder, std::nullopt), "\n",
                           "convention render");
    } catch (const Error&) {
    }
    for (const Consent& consent : folder.consents) {
        try {
            (void)consents_for(folder.consents, consent.recipient);
            require_no_control(render_synthesis(framework, folder, &consent), "\n", "render --for");
        } catch (const Error&) {
        }
    }
    return false;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const fs::path& root = base_folder();
    const File& file = files[data[0] % files.size()];
    put(root / file.path, std::string_view(reinterpret_cast<const char*>(data + 1), size - 1));
    const Restore restore(root, file);

    const store::Store store(root);
    const std::optional<bool> checked = check(store);
    const std::optional<bool> shown = show(store);
    // `check` and the other commands must agree on whether the files are sound: a file that
    // stops `status` must be listed by `check`, and `check` must not list a file `status` reads.
    if (checked && shown && *checked != *shown) {
        std::fprintf(stderr, "check says the files are %s, the strict load says %s\n",
                     *checked ? "at fault" : "sound", *shown ? "at fault" : "sound");
        std::abort();
    }
    return 0;
}
