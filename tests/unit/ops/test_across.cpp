// Many bilans read in one process (src/ops/across.cpp), on real folders: every bilan below a
// DIR, or below the practice folder above the working folder; a bilan that does not load is a
// problem, never a stop; one named twice is read once; a bilan too deep is named, not skipped;
// the results keep the folders' order whatever the threads did.
#include "bilan/errors.hpp"
#include "bilan/ops/across.hpp"
#include "bilan/ops/bilan.hpp"
#include "support/temp_bilan.hpp"

#include <cstdlib>
#include <doctest/doctest.h>

using namespace bilan;
using bilan::test::TempFolder;

namespace {

void open(const TempFolder& temp, const std::string& relative, const std::string& beneficiary,
          const std::string& funding = "") {
    ops::NewBilan request = bilan::test::claire_martin();
    request.dir = temp.root() / relative;
    request.bilan.beneficiary = beneficiary;
    request.funding = funding;
    std::filesystem::create_directories(request.dir.parent_path());
    ops::open_bilan(request);
}

ops::AcrossRequest request_for(const std::vector<std::string>& dirs) {
    ops::AcrossRequest request;
    request.dirs = dirs;
    request.today = Date{2026, 3, 10};
    return request;
}

std::vector<std::string> beneficiaries(const ops::Across& across) {
    std::vector<std::string> names;
    for (const ops::BilanSummary& b : across.bilans)
        names.push_back(b.beneficiary);
    return names;
}

} // namespace

TEST_SUITE("ops.across") {
    TEST_CASE("read_bilans: every bilan below a DIR, in path order, a bad one is a problem") {
        const TempFolder temp;
        const bilan::test::QuietEnvironment quiet;
        open(temp, "cabinet/dupont", "Jean Dupont");
        open(temp, "cabinet/2026/adam", "Anne Adam");
        open(temp, "cabinet/casse", "Casse");
        // A session: the skills are counted, not read, across a practice (store::Reading::figures).
        temp.write("cabinet/casse/sessions/0000beef.toml", "date = [\n");
        const ops::Across across =
            ops::read_bilans(request_for({(temp.root() / "cabinet").string()}));
        CHECK(across.folders == 3);
        CHECK(beneficiaries(across) == std::vector<std::string>{"Anne Adam", "Jean Dupont"});
        REQUIRE(across.problems.size() == 1);
        CHECK(across.problems[0].folder.ends_with("cabinet/casse"));
        CHECK(across.problems[0].message.find("0000beef.toml") != std::string::npos);
        CHECK(across.notes.empty());
    }

    TEST_CASE("read_bilans: a DIR without a bilan is a note, a missing DIR a problem") {
        const TempFolder temp;
        const bilan::test::QuietEnvironment quiet;
        std::filesystem::create_directories(temp.root() / "vide");
        const std::string empty = (temp.root() / "vide").string();
        const std::string missing = (temp.root() / "absent").string();
        const ops::Across across = ops::read_bilans(request_for({empty, missing}));
        CHECK(across.folders == 0);
        REQUIRE(across.notes.size() == 1);
        CHECK(across.notes[0].message == "aucun bilan dans ce dossier");
        REQUIRE(across.problems.size() == 1);
        CHECK(across.problems[0].folder == missing);
    }

    TEST_CASE("read_bilans: one bilan named twice is read once, under the first name") {
        const TempFolder temp;
        const bilan::test::QuietEnvironment quiet;
        open(temp, "cabinet/dupont", "Jean Dupont");
        const std::string dir = (temp.root() / "cabinet").string();
        const ops::Across across =
            ops::read_bilans(request_for({dir, dir + "/dupont", dir + "/../cabinet"}));
        CHECK(across.folders == 1);
        REQUIRE(across.bilans.size() == 1);
        CHECK(across.bilans[0].folder == dir + "/dupont");
    }

    TEST_CASE("read_bilans: a bilan below the levels searched is named in a note") {
        const TempFolder temp;
        const bilan::test::QuietEnvironment quiet;
        open(temp, "cabinet/a/b/c/profond", "Profond");
        const ops::Across across =
            ops::read_bilans(request_for({(temp.root() / "cabinet").string()}));
        CHECK(across.bilans.empty());
        REQUIRE(across.notes.size() == 1);
        CHECK(across.notes[0].message.starts_with("bilan non lu : plus de 3 niveaux sous"));
    }

    TEST_CASE("read_bilans without DIR: the practice folder above `from`, else `from`") {
        const TempFolder temp;
        const bilan::test::QuietEnvironment quiet;
        ops::open_practice(temp.root() / "cabinet", bilan::test::TempBilan::example_practice());
        open(temp, "cabinet/dupont", "Jean Dupont");
        open(temp, "cabinet/martin", "Claire Martin");
        ops::AcrossRequest request = request_for({});
        request.from = temp.root() / "cabinet" / "dupont";
        CHECK(ops::read_bilans(request).bilans.size() == 2);
        ::setenv("BILAN_PRACTICE", (temp.root() / "nulle-part").c_str(), 1);
        CHECK_THROWS_AS(ops::read_bilans(request), RefusedError);
    }

    TEST_CASE("read_bilans: the deadlines and figures asked for, the same whatever the threads") {
        const TempFolder temp;
        const bilan::test::QuietEnvironment quiet;
        for (const char* name : {"a", "b", "c", "d", "e"})
            open(temp, std::string("cabinet/") + name, name, "cpf");
        for (const char* name : {"a", "b", "c", "d", "e"}) {
            Session s;
            s.date = Date{2026, 3, 2};
            s.phase = "investigation";
            s.minutes = 120;
            ops::add_session(store::Store(temp.root() / "cabinet" / name), s,
                             bilan::test::ignore_id);
        }
        ops::AcrossRequest request = request_for({(temp.root() / "cabinet").string()});
        request.figures = false;
        ::setenv("BILAN_THREADS", "1", 1);
        const ops::Across one = ops::read_bilans(request);
        ::setenv("BILAN_THREADS", "4", 1);
        const ops::Across four = ops::read_bilans(request);
        REQUIRE(one.bilans.size() == 5);
        CHECK(beneficiaries(one) == beneficiaries(four));
        REQUIRE_FALSE(one.bilans[0].deadlines.empty());
        CHECK(one.bilans[0].deadlines[0].what == "edof-entree");
        CHECK(one.bilans[0].deadlines[0].date == Date{2026, 3, 5});
        CHECK(one.bilans[0].figures.accompaniment_minutes == 0); // not asked for
    }

    TEST_CASE("loading_threads: from 1 to the folders, $BILAN_THREADS overrides when a number") {
        const bilan::test::QuietEnvironment quiet;
        CHECK(ops::loading_threads(0) == 1);
        CHECK(ops::loading_threads(1) == 1);
        ::setenv("BILAN_THREADS", "3", 1);
        CHECK(ops::loading_threads(10) == 3);
        CHECK(ops::loading_threads(2) == 2);
        ::setenv("BILAN_THREADS", "0", 1);
        CHECK(ops::loading_threads(1000) >= 1);
        ::setenv("BILAN_THREADS", "trois", 1);
        CHECK(ops::loading_threads(1) == 1);
    }

    TEST_CASE("read_bilans: a wrong $BILAN_LOCK_WAIT is said once, before any folder is read") {
        const TempFolder temp;
        const bilan::test::QuietEnvironment quiet;
        ::setenv("BILAN_LOCK_WAIT", "toujours", 1);
        CHECK_THROWS_AS(ops::read_bilans(request_for({temp.root().string()})), UsageError);
    }
}
