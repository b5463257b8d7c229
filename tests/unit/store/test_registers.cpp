// The practice's registers on disk (src/store/registers.cpp): one private file per entry,
// read back in date order, closed by splicing (a person's comment stays), and no bilan kind.
#include "bilan/errors.hpp"
#include "bilan/store.hpp"
#include "support/temp_bilan.hpp"

#include <doctest/doctest.h>
#include <filesystem>
#include <sys/stat.h>

using namespace bilan;
namespace fs = std::filesystem;

namespace {

int mode_of(const fs::path& path) {
    struct stat info {};
    ::stat(path.c_str(), &info);
    return static_cast<int>(info.st_mode & 07777);
}

Complaint sample(Date date) {
    Complaint c;
    c.date = date;
    c.from = "M. Martin";
    c.channel = "email";
    c.subject = "Délai";
    return c;
}

} // namespace

TEST_CASE("a complaint is written privately and read back, in date order") {
    const test::TempFolder tree;
    const store::Store practice(tree.root());
    std::string later, earlier;
    {
        store::Transaction transaction(practice);
        later = store::add_complaint(transaction, sample({2026, 3, 5}));
        earlier = store::add_complaint(transaction, sample({2026, 3, 1}));
    }
    CHECK(mode_of(tree.root() / "reclamations") == 0700);
    CHECK(mode_of(tree.root() / "reclamations" / (later + ".toml")) == 0600);
    store::Diagnostics strict;
    const std::vector<Complaint> read = store::load_complaints(practice, strict);
    REQUIRE(read.size() == 2);
    CHECK(read[0].id == earlier);
    CHECK(read[1].id == later);
    CHECK(read[0].subject == "Délai");
    CHECK_FALSE(read[0].closed.has_value());
}

TEST_CASE("closing keeps what a person wrote in the file") {
    const test::TempFolder tree;
    const store::Store practice(tree.root());
    tree.write("reclamations/0123abcd.toml", "# reçue par téléphone d'abord\n"
                                             "date = 2026-03-01\nfrom = \"A\"\n"
                                             "channel = \"oral\" # au cabinet\n"
                                             "subject = \"Salle\"\n");
    {
        store::Transaction transaction(practice);
        store::close_complaint(transaction, "0123abcd", {2026, 3, 9}, "Nouvelle salle");
    }
    const std::string text = tree.read("reclamations/0123abcd.toml");
    CHECK(text.find("# reçue par téléphone d'abord") != std::string::npos);
    CHECK(text.find("channel = \"oral\" # au cabinet") != std::string::npos);
    store::Diagnostics strict;
    const std::vector<Complaint> read = store::load_complaints(practice, strict);
    REQUIRE(read.size() == 1);
    CHECK(read[0].closed == Date{2026, 3, 9});
    CHECK(read[0].answer == "Nouvelle salle");
}

TEST_CASE("a typo in an entry is refused at its line; other names are not entries") {
    const test::TempFolder tree;
    const store::Store practice(tree.root());
    tree.write("ameliorations/0123abcd.toml",
               "date = 2026-03-01\nsource = \"audit\"\n"
               "action = \"X\"\nowner = \"H\"\nechance = 2026-04-01\n");
    tree.write("ameliorations/notes.toml", "n'importe quoi");
    store::Diagnostics strict;
    CHECK_THROWS_AS(store::load_improvements(practice, strict), DataError);
    store::Diagnostics lenient(true);
    CHECK(store::load_improvements(practice, lenient).empty());
    REQUIRE(lenient.problems().size() == 1);
}

TEST_CASE("an id is found by a unique prefix of three characters or more") {
    const test::TempFolder tree;
    const store::Store practice(tree.root());
    tree.write("reclamations/0123abcd.toml", "");
    tree.write("reclamations/0124abcd.toml", "");
    CHECK(store::resolve_register_id(practice, store::Register::complaints, "0123") == "0123abcd");
    CHECK_THROWS_AS(store::resolve_register_id(practice, store::Register::complaints, "012"),
                    RefusedError);
    CHECK_THROWS_AS(store::resolve_register_id(practice, store::Register::improvements, "0123"),
                    RefusedError);
}
