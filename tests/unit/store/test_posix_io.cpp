// Reading files (src/store/posix_io.cpp): what is not a regular file is refused, not read
// (a FIFO hung `bilan check`), and a folder's files are read whole as they were listed.
#include "bilan/errors.hpp"
#include "store/posix_io.hpp"

#include <doctest/doctest.h>
#include <filesystem>
#include <fstream>
#include <sys/stat.h>
#include <unistd.h>

using namespace bilan;
using namespace bilan::store;

TEST_SUITE("store.posix_io") {
    TEST_CASE("a FIFO or a directory named like a record is refused, not read") {
        const auto dir =
            std::filesystem::temp_directory_path() / ("bilan-guard-" + std::to_string(::getpid()));
        std::filesystem::create_directories(dir / "d.toml");
        REQUIRE(::mkfifo((dir / "f.toml").c_str(), 0600) == 0);
        const std::string expected = (dir / "f.toml").string() + ": n'est pas un fichier ordinaire";
        CHECK_THROWS_WITH(read_file_if_exists(dir / "f.toml"), expected.c_str());
        CHECK_THROWS_AS(read_file_if_exists(dir / "d.toml"), DataError);
        CHECK_THROWS_AS(read_file_if_exists("/dev/zero"), DataError);
        std::filesystem::remove_all(dir);
    }

    TEST_CASE("a folder's files are read whole without asking their size, as listed") {
        const auto dir =
            std::filesystem::temp_directory_path() / ("bilan-listed-" + std::to_string(::getpid()));
        std::filesystem::create_directories(dir / "d.toml");
        REQUIRE(::mkfifo((dir / "f.toml").c_str(), 0600) == 0);
        const std::string small = "a = 1\n";
        std::string large; // over the first read of 4 KiB, and over twice that plus one
        for (int i = 0; large.size() < 3 * 4096 + 1; ++i)
            large += "k" + std::to_string(i) + " = \"" + std::string(97, 'x') + "\"\n";
        std::ofstream(dir / "small.toml") << small;
        std::ofstream(dir / "large.toml") << large;
        std::ofstream(dir / "exact.toml") << std::string(4096, '#');
        std::filesystem::create_symlink("large.toml", dir / "link.toml");
        FolderReader reader(dir);
        const auto listed = reader.list();
        REQUIRE(listed.size() == 6);
        const auto read = [&](const std::string& name, bool regular) {
            return reader.read_if_exists(name, regular).value();
        };
        for (const ListedFile& file : listed) {
            CAPTURE(file.name);
            if (file.name == "d.toml" || file.name == "f.toml") {
                CHECK_FALSE(file.regular);
                CHECK_THROWS_AS(read(file.name, file.regular), DataError);
            } else if (file.name == "link.toml") {
                CHECK_FALSE(file.regular); // followed, as it always was
                CHECK(read(file.name, file.regular) == large);
            } else {
                CHECK(file.regular);
                CHECK(read(file.name, true).size() == std::filesystem::file_size(dir / file.name));
            }
        }
        CHECK(read("large.toml", true) == large);
        CHECK(read("small.toml", true) == small);
        // Listed as regular, then replaced by a link: not followed.
        CHECK_THROWS_AS(read("link.toml", true), EnvironmentError);
        std::filesystem::remove_all(dir);
    }
}
