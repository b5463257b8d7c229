// The exit status and message main() gives each kind of failure: bilan's own errors keep
// theirs, the system's are the environment (3), and anything else is a bug (70) that asks to
// be reported rather than passing for a full disk.
#include "bilan/errors.hpp"

#include <doctest/doctest.h>
#include <filesystem>
#include <new>
#include <stdexcept>
#include <string>
#include <system_error>

using namespace bilan;

namespace {

template <typename Exception> Failure failure_from(const Exception& thrown) {
    return failure_of(std::make_exception_ptr(thrown));
}

} // namespace

TEST_CASE("failure_of: bilan's own errors keep their status and words") {
    const Failure usage = failure_from(UsageError("durée « 2x » invalide"));
    CHECK(usage.code == ExitCode::usage);
    CHECK(usage.message == "durée « 2x » invalide");
    CHECK(failure_from(RefusedError("non")).code == ExitCode::refused);
    const Failure data = failure_from(DataError({"bilan.toml", 3, 7}, "clé inconnue"));
    CHECK(data.code == ExitCode::refused);
    CHECK(data.message == "bilan.toml:3:7: clé inconnue");
    CHECK(failure_from(EnvironmentError("disque plein")).code == ExitCode::environment);
}

TEST_CASE("failure_of: what the system throws is the environment") {
    CHECK(failure_from(std::bad_alloc()).code == ExitCode::environment);
    CHECK(failure_from(std::bad_alloc()).message == "mémoire insuffisante");
    const std::filesystem::filesystem_error fs_error(
        "status", "/x", std::make_error_code(std::errc::permission_denied));
    CHECK(failure_from(fs_error).code == ExitCode::environment);
    const std::system_error thread_error(
        std::make_error_code(std::errc::resource_unavailable_try_again));
    CHECK(failure_from(thread_error).code == ExitCode::environment);
}

TEST_CASE("failure_of: an exception no one expected is a bug, said so, status 70") {
    const Failure bug = failure_from(std::out_of_range("vector::_M_range_check"));
    CHECK(bug.code == ExitCode::bug);
    CHECK(static_cast<int>(bug.code) == 70);
    CHECK(bug.message.find("bogue") != std::string::npos);
    CHECK(bug.message.find("vector::_M_range_check") != std::string::npos);
    CHECK(bug.message.find("signalez") != std::string::npos);
    CHECK(failure_from(42).code == ExitCode::bug);
}
