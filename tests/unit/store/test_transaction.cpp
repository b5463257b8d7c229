// Writing a folder (src/store/transaction.cpp) and reading it back through the Store: a
// record added is loaded as it was given, an edit keeps what the person wrote around the
// value, a removal removes, and an edit that is refused writes nothing at all.
#include "bilan/errors.hpp"
#include "bilan/store.hpp"

#include <doctest/doctest.h>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <sys/stat.h>
#include <unistd.h>

using namespace bilan;
using namespace bilan::store;
namespace fs = std::filesystem;

namespace {

// A new bilan in a temp folder, removed at the end of the test.
struct TempBilan {
    fs::path dir;
    TempBilan() {
        static int count = 0;
        dir = fs::temp_directory_path() /
              ("bilan-tx-" + std::to_string(::getpid()) + "-" + std::to_string(++count));
        fs::remove_all(dir);
        BilanRecord bilan;
        bilan.beneficiary = "Claire Martin";
        bilan.start = Date{2026, 3, 2};
        create_bilan(dir, fields_of(bilan), std::nullopt);
    }
    ~TempBilan() { fs::remove_all(dir); }
    TempBilan(const TempBilan&) = delete;
    TempBilan& operator=(const TempBilan&) = delete;
};

std::string contents(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// Every entry below `dir` with its permissions and, for files, its bytes: equal snapshots
// mean nothing was written.
std::map<std::string, std::string> snapshot(const fs::path& dir) {
    std::map<std::string, std::string> entries;
    for (const auto& entry : fs::recursive_directory_iterator(dir)) {
        const auto mode = static_cast<int>(entry.symlink_status().permissions());
        std::string what = std::to_string(mode);
        if (entry.is_regular_file()) what += ":" + contents(entry.path());
        entries[fs::relative(entry.path(), dir).string()] = what;
    }
    return entries;
}

Skill skill(std::string text) {
    Skill k;
    k.text = std::move(text);
    k.type = "savoir-faire";
    k.domain = "gestion";
    return k;
}

std::vector<Skill> skills_in(const Store& store) {
    Diagnostics diagnostics;
    return store.load<Skill>(diagnostics);
}

} // namespace

TEST_SUITE("store.transaction") {
    TEST_CASE("a record added is loaded back with its id, in a private file") {
        TempBilan bilan;
        const Store store(bilan.dir);
        std::string id;
        {
            Transaction tx(store);
            id = tx.add_record(store::collection_of<Skill>(),
                               fields_of(skill("Tenir un budget « serré »")));
        }
        CHECK(id.size() == 8);
        const auto skills = skills_in(store);
        REQUIRE(skills.size() == 1);
        CHECK(skills[0].id == id);
        CHECK(skills[0].text == "Tenir un budget « serré »");
        CHECK(skills[0].type == "savoir-faire");
        CHECK(skills[0].domain == "gestion");
        const fs::path file = bilan.dir / "skills" / (id + ".toml");
        CHECK((fs::status(file).permissions() & fs::perms::all) ==
              (fs::perms::owner_read | fs::perms::owner_write));
        CHECK((fs::status(bilan.dir / "skills").permissions() & fs::perms::all) ==
              fs::perms::owner_all);
        CHECK(store.resolve_id(store::collection_of<Skill>(), id.substr(0, 3)) == id);
        // No lock and no temp file stay behind.
        for (const auto& entry : fs::recursive_directory_iterator(bilan.dir))
            CHECK(entry.path().filename().string().find(".tmp") == std::string::npos);
        CHECK_FALSE(fs::exists(bilan.dir / ".lock"));
    }

    TEST_CASE("an update changes the value only: comments, spacing and order stay") {
        TempBilan bilan;
        const Store store(bilan.dir);
        std::string id;
        {
            Transaction tx(store);
            id = tx.add_record(store::collection_of<Skill>(), fields_of(skill("Tenir un budget")));
        }
        const fs::path file = bilan.dir / "skills" / (id + ".toml");
        const std::string written = "# Vue en séance 3, à revoir avec elle.\n"
                                    "type   = \"savoir-faire\"   # d'après le RIASEC\n"
                                    "\n"
                                    "text = \"Tenir un budget\"\n"
                                    "domain = 'gestion'\n";
        std::ofstream(file, std::ios::binary) << written;
        {
            Transaction tx(store);
            tx.update_record(store::collection_of<Skill>(), id,
                             {{"text", std::string("Tenir un budget de 2 M€")},
                              {"domain", std::nullopt},
                              {"transferable", true}});
        }
        CHECK(contents(file) == "# Vue en séance 3, à revoir avec elle.\n"
                                "type   = \"savoir-faire\"   # d'après le RIASEC\n"
                                "\n"
                                "text = \"Tenir un budget de 2 M€\"\n"
                                "transferable = true\n");
        const auto skills = skills_in(store);
        REQUIRE(skills.size() == 1);
        CHECK(skills[0].text == "Tenir un budget de 2 M€");
        CHECK(skills[0].domain.empty());
        CHECK(skills[0].transferable);
    }

    TEST_CASE("a record removed is gone, and the others stay") {
        TempBilan bilan;
        const Store store(bilan.dir);
        std::string kept, removed;
        {
            Transaction tx(store);
            kept = tx.add_record(store::collection_of<Skill>(), fields_of(skill("Garder")));
            removed = tx.add_record(store::collection_of<Skill>(), fields_of(skill("Retirer")));
        }
        {
            Transaction tx(store);
            tx.remove_record(store::collection_of<Skill>(), removed);
        }
        const auto skills = skills_in(store);
        REQUIRE(skills.size() == 1);
        CHECK(skills[0].id == kept);
        CHECK_FALSE(fs::exists(bilan.dir / "skills" / (removed + ".toml")));
    }

    TEST_CASE("the bilan's and the project's own files are edited in place") {
        TempBilan bilan;
        const Store store(bilan.dir);
        {
            Transaction tx(store);
            tx.update_bilan({{"demand", std::string("Changer de métier")}});
            Project project;
            project.title = "Formatrice";
            tx.update(Project{}, project);
        }
        Diagnostics diagnostics;
        CHECK(store.load_bilan(diagnostics).demand == "Changer de métier");
        CHECK(store.load_bilan(diagnostics).beneficiary == "Claire Martin");
        CHECK(store.load<Project>(diagnostics).title == "Formatrice");
    }

    TEST_CASE("a consent's update splices its keys and appends its new history periods") {
        TempBilan bilan;
        const Store store(bilan.dir);
        Consent granted;
        granted.id = "france-travail";
        granted.recipient = "France Travail";
        granted.date = Date{2026, 5, 4};
        {
            Transaction tx(store);
            tx.create(granted);
        }
        const fs::path file = bilan.dir / "consents" / "france-travail.toml";
        std::ofstream(file, std::ios::app | std::ios::binary) << "# écrit à la main\n";
        Consent again = granted;
        again.date = Date{2026, 6, 1};
        again.history.push_back({granted.date, {"projet", "plan"}, std::nullopt, again.date});
        {
            Transaction tx(store);
            tx.update(granted, again);
        }
        Diagnostics diagnostics;
        const std::vector<Consent> consents = store.load<Consent>(diagnostics);
        REQUIRE(consents.size() == 1);
        CHECK(consents[0].date == again.date);
        CHECK(consents[0].history == again.history);
        CHECK(contents(file).find("# écrit à la main\n") != std::string::npos);

        // The history is evidence: an update that drops a period is refused, nothing written.
        const auto before = snapshot(bilan.dir);
        {
            Transaction tx(store);
            CHECK_THROWS_AS(tx.update(consents[0], granted), RefusedError);
        }
        CHECK(snapshot(bilan.dir) == before);
    }

    TEST_CASE("a session's evidence is appended, never dropped, and raises the format once") {
        TempBilan bilan;
        const Store store(bilan.dir);
        Session session;
        session.date = Date{2026, 3, 9};
        session.phase = "investigation";
        session.minutes = 120;
        {
            Transaction tx(store);
            session.id = tx.add(session);
        }
        CHECK(store.format() == 1); // an entretien needs nothing of format 2
        const std::string bilan_toml = contents(bilan.dir / "bilan.toml");
        Session proved = session;
        proved.evidence = {{"emargement", "scan.pdf"}, {"journal-visio", ""}};
        {
            Transaction tx(store);
            tx.update(session, proved);
        }
        Diagnostics diagnostics;
        const Framework fr = load_builtin_framework("fr");
        std::vector<Session> sessions = store.load_sessions(fr, diagnostics);
        REQUIRE(sessions.size() == 1);
        CHECK(sessions[0].evidence == proved.evidence);
        CHECK(store.format() == 2);
        std::string raised = bilan_toml;
        raised.replace(raised.find("format = 1"), 10, "format = 2");
        CHECK(contents(bilan.dir / "bilan.toml") == raised); // that value, nothing else

        // Evidence is what a funder checks: an update that drops a piece is refused.
        const auto before = snapshot(bilan.dir);
        {
            Transaction tx(store);
            CHECK_THROWS_AS(tx.update(sessions[0], session), RefusedError);
        }
        CHECK(snapshot(bilan.dir) == before);
    }

    TEST_CASE("a refused edit writes nothing") {
        TempBilan bilan;
        const Store store(bilan.dir);
        std::string id;
        {
            Transaction tx(store);
            id = tx.add_record(store::collection_of<Skill>(), fields_of(skill("Tenir un budget")));
        }
        const fs::path file = bilan.dir / "skills" / (id + ".toml");
        const auto before = snapshot(bilan.dir);

        SUBCASE("a record that does not exist") {
            Transaction tx(store);
            CHECK_THROWS_AS(
                tx.update_record(store::collection_of<Skill>(), "00000000", {{"text", true}}),
                RefusedError);
            CHECK_THROWS_AS(store.resolve_id(store::collection_of<Skill>(), "zz"), RefusedError);
        }
        SUBCASE("a record made read-only on purpose") {
            fs::permissions(file, fs::perms::owner_read);
            const auto read_only = snapshot(bilan.dir);
            {
                Transaction tx(store);
                CHECK_THROWS_AS(tx.update_record(store::collection_of<Skill>(), id,
                                                 {{"text", std::string("Autre")}}),
                                RefusedError);
            }
            CHECK(snapshot(bilan.dir) == read_only);
            fs::permissions(file, fs::perms::owner_read | fs::perms::owner_write);
        }
        SUBCASE("a key written in a way a splice cannot replace") {
            // A dotted key makes `text` a table: replacing it would rewrite the person's lines.
            std::ofstream(file, std::ios::binary) << "type = \"savoir\"\ntext.court = \"x\"\n";
            const auto edited = snapshot(bilan.dir);
            {
                Transaction tx(store);
                CHECK_THROWS_AS(tx.update_record(store::collection_of<Skill>(), id,
                                                 {{"text", std::string("Autre")}}),
                                DataError);
            }
            CHECK(snapshot(bilan.dir) == edited);
            return;
        }
        SUBCASE("a record file that no longer parses") {
            std::ofstream(file, std::ios::binary) << "text = \"pas fermé\n";
            const auto broken = snapshot(bilan.dir);
            {
                Transaction tx(store);
                CHECK_THROWS_AS(tx.update_record(store::collection_of<Skill>(), id,
                                                 {{"text", std::string("Autre")}}),
                                DataError);
            }
            CHECK(snapshot(bilan.dir) == broken);
            return;
        }
        CHECK(snapshot(bilan.dir) == before);
    }
}
