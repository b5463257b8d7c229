// Loading a collection: every file read once, in name order, so that problems are reported and
// the first error thrown in that order; lists sorted by an order that ends with the id.
#include "bilan/errors.hpp"
#include "bilan/rules.hpp"
#include "bilan/store.hpp"
#include "store/toml_text.hpp"
#include "support/french_framework.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <doctest/doctest.h>
#include <filesystem>
#include <fstream>
#include <tuple>
#include <unistd.h>

using namespace bilan;
namespace fs = std::filesystem;

namespace {

// A folder of `count` sessions, some of them broken, removed when done.
class SessionFolder {
public:
    SessionFolder(int count, std::initializer_list<int> broken)
        : dir_(fs::temp_directory_path() /
               ("bilan-loading-" + std::to_string(::getpid()) + "-" + std::to_string(count))) {
        fs::remove_all(dir_);
        fs::create_directories(dir_ / "sessions");
        for (int i = 0; i < count; ++i) {
            Session s;
            s.date = Date{2026, 1 + i % 12, 1 + i % 28}, s.phase = "investigation";
            s.minutes = 60;
            std::string text = store::emit_fields(store::fields_of(s));
            for (const int b : broken)
                if (b == i) text = "minutes = [\n"; // invalid TOML, line 1
            std::ofstream(dir_ / "sessions" / name(i)) << text;
        }
    }
    ~SessionFolder() { fs::remove_all(dir_); }
    SessionFolder(const SessionFolder&) = delete;
    SessionFolder& operator=(const SessionFolder&) = delete;

    static std::string name(int i) { // a record's name: eight lower-case hex digits
        std::array<char, 9> id{};
        std::snprintf(id.data(), id.size(), "%08x", static_cast<unsigned>(i));
        return std::string(id.data()) + ".toml";
    }
    const fs::path& dir() const { return dir_; }

private:
    fs::path dir_;
};

std::ptrdiff_t count_open_files() {
    return std::distance(fs::directory_iterator("/proc/self/fd"), fs::directory_iterator{});
}

} // namespace

TEST_SUITE("loading") {
    TEST_CASE("the first broken file in name order is the one reported") {
        const SessionFolder folder(300, {203, 250, 201, 200, 299});
        store::Diagnostics strict;
        try {
            store::Store(folder.dir()).load_sessions(fr(), strict);
            FAIL("a broken file was not reported");
        } catch (const DataError& e) {
            REQUIRE(e.where.file == (folder.dir() / "sessions" / SessionFolder::name(200)));
            CHECK(e.where.line == 1);
        }
    }

    TEST_CASE("collecting: every broken file, in name order, and the others loaded and sorted") {
        const SessionFolder folder(300, {203, 250, 201, 200, 299, 7});
        const std::array<int, 6> expected{7, 200, 201, 203, 250, 299};
        store::Diagnostics collect(true);
        const auto sessions = store::Store(folder.dir()).load_sessions(fr(), collect);
        CHECK(sessions.size() == 294);
        CHECK(std::is_sorted(sessions.begin(), sessions.end(), [](const auto& a, const auto& b) {
            return std::tie(a.date, a.from, a.id) < std::tie(b.date, b.from, b.id);
        }));
        REQUIRE(collect.problems().size() == expected.size());
        for (std::size_t k = 0; k < expected.size(); ++k)
            CHECK(collect.problems()[k].where->file ==
                  folder.dir() / "sessions" / SessionFolder::name(expected[k]));
    }

    TEST_CASE("loading leaves no file open, nor after an error") {
        const SessionFolder folder(100, {50});
        const std::ptrdiff_t before = count_open_files();
        store::Diagnostics collect(true);
        CHECK(store::Store(folder.dir()).load_sessions(fr(), collect).size() == 99);
        CHECK(count_open_files() == before);
        store::Diagnostics strict;
        CHECK_THROWS_AS(store::Store(folder.dir()).load_sessions(fr(), strict), DataError);
        CHECK(count_open_files() == before);
    }

    TEST_CASE("a reading for figures counts the content records and parses the action plan") {
        const SessionFolder folder(3, {});
        fs::create_directories(folder.dir() / "skills");
        fs::create_directories(folder.dir() / "actions");
        std::ofstream(folder.dir() / "skills" / "0badc0de.toml") << "text = = 1\n";
        std::ofstream(folder.dir() / "skills" / "notes.txt") << "not a record\n";
        Action action;
        action.text = "Contacter le Greta";
        action.horizon = "court";
        std::ofstream(folder.dir() / "actions" / "0000a001.toml")
            << store::emit_fields(store::fields_of(action));
        const store::Store store(folder.dir());
        store::Diagnostics strict;
        const Folder read = store.load_all(fr(), BilanRecord{}, strict, store::Reading::figures);
        CHECK(read.unparsed_content_records == 1);
        CHECK(read.skills.empty());
        CHECK(read.sessions.size() == 3);
        REQUIRE(read.actions.size() == 1);
        CHECK(read.actions[0].text == "Contacter le Greta");
        CHECK(holds_content(read));
        CHECK_THROWS_AS(store.load_all(fr(), BilanRecord{}, strict), DataError);
    }
}
