// What purge finds at the top of a folder (src/store/destruction.cpp, left_entries): bilan's own
// files are not listed; the synthesis' files, the documents it rendered (by name, by header)
// and what it cannot classify (a link, a folder, any other file) are, each for what it is.
#include "bilan/store.hpp"

#include <doctest/doctest.h>
#include <filesystem>
#include <fstream>
#include <unistd.h>

using namespace bilan;
using namespace bilan::store;
namespace fs = std::filesystem;

namespace {

struct TempFolder {
    fs::path dir;
    TempFolder() {
        static int count = 0;
        dir = fs::temp_directory_path() /
              ("bilan-left-" + std::to_string(::getpid()) + "-" + std::to_string(++count));
        fs::remove_all(dir);
        BilanRecord bilan;
        bilan.beneficiary = "Claire Martin";
        create_bilan(dir, fields_of(bilan), std::nullopt);
    }
    ~TempFolder() { fs::remove_all(dir); }
    TempFolder(const TempFolder&) = delete;
    TempFolder& operator=(const TempFolder&) = delete;
    void write(const std::string& name, const std::string& text) const {
        std::ofstream(dir / name, std::ios::binary) << text;
    }
};

LeftEntry::Kind kind_of(const std::vector<LeftEntry>& left, const std::string& name) {
    for (const LeftEntry& entry : left)
        if (entry.name == name) return entry.kind;
    FAIL("not listed: " << name);
    return LeftEntry::Kind::unclassified;
}

const std::string front_matter = "---\ntitle: 'Certificat de réalisation'\nsubject: 'C'\n"
                                 "beneficiary: 'Claire Martin'\nlang: fr\n---\n\ntexte\n";

} // namespace

TEST_SUITE("store.destruction") {
    TEST_CASE("each entry at the top for what it is; bilan's own are not listed") {
        const TempFolder folder;
        folder.write("synthese.md", "x");
        folder.write("synthese-tiers.md", "no header: the name says it");
        folder.write("Synthèse finale.PDF", "%PDF-1.7");
        folder.write("attestation.md", front_matter);
        folder.write("feuille.pdf", "%PDF-1.7\n/Producer (WeasyPrint 61.2)\n");
        folder.write("scan.pdf", "%PDF-1.4 a scanner's");
        folder.write("notes.md", "---\ntitle: 'mes notes'\n---\n");
        folder.write("synthese.md~", "a backup");
        folder.write(".cache", "hidden: git's or ours");
        fs::create_directory(folder.dir / "scans");
        fs::create_symlink("/etc/hostname", folder.dir / "lien.md");
        const Store store(folder.dir);
        const std::vector<LeftEntry> left = left_entries(store, BilanRecord{});
        using Kind = LeftEntry::Kind;
        CHECK(kind_of(left, "synthese.md") == Kind::synthesis);
        CHECK(kind_of(left, "synthese-tiers.md") == Kind::rendered);
        CHECK(kind_of(left, "Synthèse finale.PDF") == Kind::rendered);
        CHECK(kind_of(left, "attestation.md") == Kind::rendered);
        CHECK(kind_of(left, "feuille.pdf") == Kind::rendered);
        CHECK(kind_of(left, "scan.pdf") == Kind::unclassified);
        CHECK(kind_of(left, "notes.md") == Kind::unclassified);
        CHECK(kind_of(left, "synthese.md~") == Kind::unclassified);
        CHECK(kind_of(left, "scans") == Kind::unclassified);
        CHECK(kind_of(left, "lien.md") == Kind::unclassified);
        for (const LeftEntry& entry : left) {
            CHECK(entry.name != "bilan.toml");
            CHECK(entry.name != ".cache");
            if (entry.name == "lien.md") CHECK(entry.link);
            if (entry.name == "scans") CHECK(entry.directory);
        }
    }

    TEST_CASE("the name at the top an --aussi value means, and none elsewhere") {
        const TempFolder folder;
        const Store store(folder.dir);
        CHECK(top_entry_name(store, "notes.txt") == "notes.txt");
        CHECK(top_entry_name(store, "./scans/") == "scans");
        CHECK(top_entry_name(store, (folder.dir / "notes.txt").string()) == "notes.txt");
        CHECK_FALSE(top_entry_name(store, "/etc/hostname"));
        CHECK_FALSE(top_entry_name(store, "scans/cv.pdf"));
        CHECK_FALSE(top_entry_name(store, ".."));
    }
}
