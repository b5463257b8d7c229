// The practice folder (src/store/practice.cpp, read_practice in kinds/practice.cpp): found above a
// bilan like git finds its repository, $BILAN_PRACTICE first; practice.toml read like every
// record (positions, typos, bad identifiers) and written atomically, privately, by splicing.
#include "bilan/errors.hpp"
#include "bilan/store.hpp"
#include "cli/problems.hpp"
#include "support/temp_bilan.hpp"

#include <cstdlib>
#include <doctest/doctest.h>
#include <filesystem>
#include <fstream>
#include <sys/stat.h>
#include <unistd.h>

using namespace bilan;
namespace fs = std::filesystem;

namespace {

constexpr const char* example_text = "# le cabinet\n"
                                     "name = \"Cabinet Exemple\"\n"
                                     "siret = \"999 123 456 00017\"\n"
                                     "nda = \"11759999975\"\n"
                                     "city = \"Paris\" # la ville du certificat\n";

// A temp tree (support/temp_bilan.hpp) with $BILAN_PRACTICE unset while it lives.
class Tree : public test::TempFolder {
public:
    Tree() { ::unsetenv("BILAN_PRACTICE"); }
    ~Tree() { ::unsetenv("BILAN_PRACTICE"); }
    Tree(const Tree&) = delete;
    Tree& operator=(const Tree&) = delete;
};

// The message of the DataError that loading the practice of `from` throws, or "".
std::string load_error(const fs::path& from, SourcePos* where = nullptr) {
    store::Diagnostics strict;
    try {
        store::find_practice(store::Store(from), strict);
    } catch (const DataError& e) {
        if (where) *where = e.where;
        return e.detail;
    }
    return {};
}

} // namespace

TEST_SUITE("practice") {
    TEST_CASE("the nearest practice.toml above the bilan wins, the bilan's own folder included") {
        const Tree tree; // its own practice.toml hides any above the temp folder
        tree.write("practice.toml", "name = \"Cabinet du haut\"\n");
        tree.write("antenne/practice.toml", "name = \"Antenne\"\n");
        fs::create_directories(tree.root() / "antenne/claire/sessions");
        fs::create_directories(tree.root() / "paul");
        store::Diagnostics strict;
        CHECK(store::find_practice(store::Store(tree.root() / "paul"), strict)->name ==
              "Cabinet du haut");
        CHECK(store::find_practice(store::Store(tree.root() / "antenne/claire"), strict)->name ==
              "Antenne");
        CHECK(store::find_practice(store::Store(tree.root() / "antenne"), strict)->name ==
              "Antenne");
        // A folder not made yet (init's) is looked up from all the same.
        CHECK(store::find_practice(store::Store(tree.root() / "new/deeper"), strict)->name ==
              "Cabinet du haut");
        CHECK(store::locate_practice(tree.root() / "paul/")->folder == tree.root());
    }

    TEST_CASE("no practice.toml up to the root: none") {
        const Tree tree;
        fs::create_directories(tree.root() / "claire");
        store::Diagnostics strict;
        // A machine whose temp folder lies in a practice finds that one, and nothing else: the
        // search neither invents a practice nor stops short of the root.
        const auto above = store::locate_practice(fs::temp_directory_path());
        const auto found = store::locate_practice(tree.root() / "claire");
        REQUIRE(found.has_value() == above.has_value());
        if (above) {
            CHECK(found->folder == above->folder);
        } else {
            CHECK_FALSE(store::find_practice(store::Store(tree.root() / "claire"), strict));
            CHECK_FALSE(store::locate_practice("/"));
        }
    }

    TEST_CASE("a relative start gives the file as the user would name it") {
        const Tree tree;
        tree.write("practice.toml", "name = \"Cabinet\"\n");
        fs::create_directories(tree.root() / "a/b");
        const fs::path cwd = fs::current_path();
        fs::current_path(tree.root() / "a");
        const auto from_b = store::locate_practice("b");
        const auto from_here = store::locate_practice(".");
        const auto from_dotdot = store::locate_practice("b/../..");
        fs::current_path(cwd);
        REQUIRE(from_b);
        CHECK(from_b->shown == "../practice.toml");
        CHECK(from_here->shown == "../practice.toml");
        CHECK(from_dotdot->shown == "../practice.toml");
    }

    TEST_CASE("BILAN_PRACTICE names the practice folder, wherever the bilan is") {
        const Tree tree;
        tree.write("cabinet/practice.toml", "name = \"Cabinet nommé\"\n");
        tree.write("ailleurs/practice.toml", "name = \"Le plus proche\"\n");
        fs::create_directories(tree.root() / "ailleurs/claire");
        ::setenv("BILAN_PRACTICE", (tree.root() / "cabinet").c_str(), 1);
        store::Diagnostics strict;
        CHECK(store::find_practice(store::Store(tree.root() / "ailleurs/claire"), strict)->name ==
              "Cabinet nommé");
        // Empty: as if unset.
        ::setenv("BILAN_PRACTICE", "", 1);
        CHECK(store::find_practice(store::Store(tree.root() / "ailleurs/claire"), strict)->name ==
              "Le plus proche");
    }

    TEST_CASE("BILAN_PRACTICE naming a folder without practice.toml is refused, or reported") {
        const Tree tree;
        fs::create_directories(tree.root() / "vide");
        ::setenv("BILAN_PRACTICE", (tree.root() / "vide").c_str(), 1);
        // Refused with its sentence: a strict refusal once lost it and said "bilan: " alone.
        const std::string empty = (tree.root() / "vide").string();
        store::Diagnostics strict;
        CHECK(bilan::test::refusal([&] {
                  store::find_practice(store::Store(tree.root()), strict);
              }) == "BILAN_PRACTICE : aucun practice.toml dans " + empty +
                        " (créez-le avec « bilan practice init " + empty + " --name NOM »)");
        store::Diagnostics collect(true);
        CHECK_FALSE(store::find_practice(store::Store(tree.root()), collect));
        REQUIRE(collect.problems().size() == 1);
        CHECK(cli::problem_text(collect.problems()[0]).find("BILAN_PRACTICE") != std::string::npos);
        ::setenv("BILAN_PRACTICE", (tree.root() / "absent").c_str(), 1);
        CHECK_THROWS_AS(store::locate_practice(tree.root()), RefusedError);
    }

    TEST_CASE("practice.toml is read whole, identifiers as digits") {
        const Tree tree;
        tree.write("practice.toml", example_text);
        store::Diagnostics strict;
        const auto practice = store::find_practice(store::Store(tree.root()), strict);
        REQUIRE(practice);
        CHECK(practice->name == "Cabinet Exemple");
        CHECK(practice->siret == "99912345600017");
        CHECK(practice->nda == "11759999975");
        CHECK(practice->city == "Paris");
        CHECK(practice->qualiopi.empty());
        CHECK(practice->origin.file == (tree.root() / "practice.toml").string());
    }

    TEST_CASE("a bad SIRET, a bad NDA, a typo or a missing name: FILE:LINE:COLUMN") {
        const Tree tree;
        SourcePos where;
        tree.write("practice.toml", "name = \"C\"\nsiret = \"99912345600018\"\n");
        CHECK(load_error(tree.root(), &where).find("clé de contrôle") != std::string::npos);
        CHECK(where.line == 2);
        CHECK(where.column == 9);
        tree.write("practice.toml", "name = \"C\"\nnda = \"1175\"\n");
        CHECK(load_error(tree.root(), &where).find("11 chiffres") != std::string::npos);
        CHECK(where.line == 2);
        tree.write("practice.toml", "name = \"C\"\nsignatroy = \"X\"\n");
        CHECK(load_error(tree.root(), &where) == "clé inconnue « signatroy »");
        CHECK(where.line == 2);
        CHECK(where.column == 1);
        tree.write("practice.toml", "city = \"Paris\"\n");
        CHECK(load_error(tree.root()).find("name") != std::string::npos);
        tree.write("practice.toml", "name = [\n");
        CHECK(load_error(tree.root(), &where) != "");
        CHECK(where.file == (tree.root() / "practice.toml").string());
        tree.write("practice.toml", "name = \"Caf\xc3\"\n");
        CHECK(load_error(tree.root()) != "");
    }

    TEST_CASE("collecting: every problem of the file, the rest still read") {
        const Tree tree;
        tree.write("practice.toml", "name = \"C\"\nsiret = \"123\"\nnda = \"x\"\nville = \"P\"\n");
        store::Diagnostics collect(true);
        const auto practice = store::find_practice(store::Store(tree.root()), collect);
        REQUIRE(practice);
        CHECK(practice->name == "C");
        CHECK(practice->siret == "123"); // as written: `practice set` replaces it
        CHECK(collect.problems().size() == 3);
    }

    TEST_CASE("a folder, a link to nothing or a file too large is a problem, not a crash") {
        const Tree tree;
        fs::create_directories(tree.root() / "dossier/practice.toml");
        CHECK(load_error(tree.root() / "dossier") == "est un dossier");
        fs::create_directories(tree.root() / "lien");
        fs::create_symlink(tree.root() / "nulle-part", tree.root() / "lien/practice.toml");
        CHECK(load_error(tree.root() / "lien") == "lien symbolique vers rien");
        tree.write("gros/practice.toml", "name = \"C\"\n# " + std::string(2 << 20, 'x') + "\n");
        CHECK(load_error(tree.root() / "gros").find("refusé sans être lu") != std::string::npos);
        // A link to a good file is followed.
        tree.write("vrai.toml", "name = \"Cabinet lié\"\n");
        fs::create_directories(tree.root() / "lie");
        fs::create_symlink(tree.root() / "vrai.toml", tree.root() / "lie/practice.toml");
        store::Diagnostics strict;
        CHECK(store::find_practice(store::Store(tree.root() / "lie"), strict)->name ==
              "Cabinet lié");
    }

    TEST_CASE("create_practice: a private folder and file, never replacing one") {
        const Tree tree;
        const mode_t old_mask = ::umask(022);
        Practice p;
        p.name = "Cabinet \"Neuf\"";
        p.siret = "99912345600017";
        p.city = "Lyon";
        store::create_practice(tree.root() / "cabinet", p);
        ::umask(old_mask);
        struct stat info {};
        REQUIRE(::stat((tree.root() / "cabinet").c_str(), &info) == 0);
        CHECK((info.st_mode & 07777) == 0700);
        REQUIRE(::stat((tree.root() / "cabinet/practice.toml").c_str(), &info) == 0);
        CHECK((info.st_mode & 07777) == 0600);
        store::Diagnostics strict;
        const auto read = store::find_practice(store::Store(tree.root() / "cabinet"), strict);
        REQUIRE(read);
        CHECK(read->name == p.name);
        CHECK(read->siret == p.siret);
        CHECK(read->city == "Lyon");
        CHECK(read->nda.empty());
        const std::string before = tree.read("cabinet/practice.toml");
        p.name = "Autre";
        CHECK_THROWS_AS(store::create_practice(tree.root() / "cabinet", p), RefusedError);
        CHECK(tree.read("cabinet/practice.toml") == before);
        // A file where the folder should be, or a folder whose parent is missing: nothing made.
        tree.write("fichier", "x");
        CHECK_THROWS_AS(store::create_practice(tree.root() / "fichier", p), EnvironmentError);
        CHECK_THROWS_AS(store::create_practice(tree.root() / "absent/cabinet", p),
                        EnvironmentError);
        CHECK_FALSE(fs::exists(tree.root() / "absent"));
    }

    TEST_CASE("an update splices the changed value and keeps the comments") {
        const Tree tree;
        tree.write("practice.toml", example_text);
        const store::Store folder(tree.root());
        store::Diagnostics strict;
        const Practice before = *store::find_practice(folder, strict);
        Practice after = before;
        after.city = "Nantes";
        after.signatory = "Anne Dupont, gérante";
        after.siret.clear();
        {
            store::Transaction transaction(folder);
            transaction.update(before, after);
        }
        CHECK(tree.read("practice.toml") == "# le cabinet\n"
                                            "name = \"Cabinet Exemple\"\n"
                                            "nda = \"11759999975\"\n"
                                            "city = \"Nantes\" # la ville du certificat\n"
                                            "signatory = \"Anne Dupont, gérante\"\n");
    }
}
