// A bilan folder in a temp folder, made through the real store, so that the operations
// (src/ops) are tested without the binary: `TempBilan` opens one with the init operation
// (ops::open_bilan), `TempBilan::example()` copies the shipped example (examples/claire-martin,
// its practice.toml beside it). Everything is removed when the test ends.
//
// While one lives, the environment the operations read is the test's own: $BILAN_PRACTICE,
// $BILAN_LOCK_WAIT, $BILAN_ID_SEED, $BILAN_PURGE_STOP_AFTER and $BILAN_THREADS unset (each put
// back after), and the umask 022, so that a test sees the same folder whoever runs it. The
// temp folder holds no practice.toml unless the test writes one (`practice()`): a bilan finds
// its practice above it, like git its repository.
#pragma once

#include "bilan/ops/bilan.hpp"
#include "bilan/ops/practice.hpp"
#include "bilan/store.hpp"
#include "cli/problems.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <sys/stat.h>
#include <unistd.h>
#include <utility>
#include <vector>

namespace bilan::test {

namespace fs = std::filesystem;

// Environment variables unset, and the umask set, while it lives; both put back after.
class QuietEnvironment {
public:
    QuietEnvironment() : umask_(::umask(022)) {
        for (const char* name : names) {
            const char* value = std::getenv(name);
            saved_.emplace_back(name, value ? std::optional<std::string>(value) : std::nullopt);
            ::unsetenv(name);
        }
    }
    ~QuietEnvironment() {
        for (const auto& [name, value] : saved_)
            value ? ::setenv(name, value->c_str(), 1) : ::unsetenv(name);
        ::umask(umask_);
    }
    QuietEnvironment(const QuietEnvironment&) = delete;
    QuietEnvironment& operator=(const QuietEnvironment&) = delete;

private:
    static constexpr const char* names[] = {"BILAN_PRACTICE", "BILAN_LOCK_WAIT", "BILAN_ID_SEED",
                                            "BILAN_PURGE_STOP_AFTER", "BILAN_THREADS"};
    ::mode_t umask_;
    std::vector<std::pair<const char*, std::optional<std::string>>> saved_;
};

// A new empty temp folder, removed with everything in it at the end of the test.
class TempFolder {
public:
    TempFolder() {
        static int count = 0;
        root_ = fs::temp_directory_path() /
                ("bilan-unit-" + std::to_string(::getpid()) + "-" + std::to_string(++count));
        fs::remove_all(root_);
        fs::create_directories(root_);
    }
    ~TempFolder() {
        std::error_code ignored; // a test that made a folder unreadable leaves it behind
        fs::remove_all(root_, ignored);
    }
    TempFolder(const TempFolder&) = delete;
    TempFolder& operator=(const TempFolder&) = delete;

    const fs::path& root() const { return root_; }

    fs::path write(const std::string& relative, const std::string& text) const {
        const fs::path path = root_ / relative;
        fs::create_directories(path.parent_path());
        std::ofstream(path, std::ios::binary) << text;
        return path;
    }
    std::string read(const std::string& relative) const {
        std::ifstream in(root_ / relative, std::ios::binary);
        return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    }
    bool exists(const std::string& relative) const { return fs::exists(root_ / relative); }

    // Every file below `relative` with its bytes: equal snapshots mean nothing was written.
    std::vector<std::pair<std::string, std::string>> snapshot(const std::string& relative) const {
        std::vector<std::pair<std::string, std::string>> files;
        for (const auto& entry : fs::recursive_directory_iterator(root_ / relative))
            if (entry.is_regular_file())
                files.emplace_back(fs::relative(entry.path(), root_).string(),
                                   read(fs::relative(entry.path(), root_).string()));
        std::sort(files.begin(), files.end());
        return files;
    }

private:
    fs::path root_;
};

// The bilan the tests open unless they say otherwise: Claire Martin, from 2 March 2026, fr.
inline ops::NewBilan claire_martin() {
    ops::NewBilan request;
    request.bilan.beneficiary = "Claire Martin";
    request.bilan.start = Date{2026, 3, 2};
    return request;
}

// A bilan in TEMP/bilan (TEMP/practice.toml, when written, is its practice).
class TempBilan {
public:
    // Opened by `ops::open_bilan` (its `dir` is set here).
    explicit TempBilan(ops::NewBilan request = claire_martin()) : store_(temp_.root() / "bilan") {
        request.dir = store_.root();
        ops::open_bilan(request);
    }
    // The shipped example, copied, with its practice.toml above it.
    static TempBilan example() { return TempBilan(Example{}); }

    const store::Store& store() const { return store_; }
    const fs::path& dir() const { return store_.root(); }
    const TempFolder& temp() const { return temp_; }

    // The bilan's files, by their path in the bilan.
    std::string read(const std::string& relative) const { return temp_.read("bilan/" + relative); }
    fs::path write(const std::string& relative, const std::string& text) const {
        return temp_.write("bilan/" + relative, text);
    }
    bool exists(const std::string& relative) const { return temp_.exists("bilan/" + relative); }
    std::vector<std::pair<std::string, std::string>> snapshot() const {
        return temp_.snapshot("bilan");
    }

    // Writes TEMP/practice.toml through the store (ops::open_practice): the bilan's practice.
    void practice(const Practice& practice) const { ops::open_practice(temp_.root(), practice); }
    // The example's practice: every field given.
    static Practice example_practice() {
        Practice p;
        p.name = "Cabinet Horizons Mosaïque";
        p.siret = "99912345600017";
        p.nda = "11759999975";
        p.qualiopi = "Certificat Qualiopi n° QUA-2025-0142";
        p.address = "12 rue des Lilas, 75011 Paris";
        p.city = "Paris";
        p.signatory = "Hélène Moreau, gérante";
        return p;
    }

    // The whole folder, read as `status` reads it.
    ops::Loaded load() const { return ops::load_folder(store_); }

private:
    struct Example {};
    explicit TempBilan(Example) : store_(temp_.root() / "bilan") {
        const fs::path examples = fs::path(BILAN_SOURCE_DIR) / "examples";
        fs::copy(examples / "claire-martin", store_.root(), fs::copy_options::recursive);
        fs::copy_file(examples / "practice.toml", temp_.root() / "practice.toml");
    }

    QuietEnvironment environment_;
    TempFolder temp_;
    store::Store store_;
};

// Ignores a new record's id (ops::OnAdded).
inline void ignore_id(const std::string&) {}

// A note or a problem as the command line says it (src/cli/problems.cpp).
inline std::string sentence(const Problem& problem) {
    return cli::problem_text(problem);
}
inline std::string sentence_line(const Problem& problem) {
    return cli::problem_line(problem);
}

// What `action` is refused with, as the command line says it; a marker when it is not refused,
// so that the comparison fails and shows it. Another exception goes through to doctest.
template <typename Action> std::string refusal(Action&& action) {
    try {
        action();
    } catch (const RefusedError& refused) {
        return refused.problem() ? sentence(*refused.problem()) : std::string(refused.what());
    }
    return "(pas de refus)";
}

// Whether `part` is somewhere in `text` (a file, a note, a document).
inline bool contains(std::string_view text, std::string_view part) {
    return text.find(part) != std::string_view::npos;
}

} // namespace bilan::test
