// Runs the command line and maps every error to its exit status: the one place that does so
// (see include/bilan/errors.hpp).
#include "bilan/errors.hpp"
#include "cli/app.hpp"

#include <cstdio>
#include <exception>

namespace {

int fail(bilan::ExitCode code, std::string_view message) {
    const std::string line = bilan::single_line(message);
    std::fprintf(stderr, "bilan: %s\n", line.c_str());
    return static_cast<int>(code);
}

} // namespace

int main(int argc, char** argv) {
    try {
        return bilan::cli::run_command_line(argc, argv);
    } catch (const bilan::Error& e) {
        return fail(e.code(), e.what());
    } catch (const std::exception& e) {
        return fail(bilan::ExitCode::environment, e.what());
    }
}
