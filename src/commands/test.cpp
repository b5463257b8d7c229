// Placeholder until the command lands.
#include "cli/context.hpp"

namespace bilan::cli {
void register_test(CLI::App&, Context&, Registry&) {}
} // namespace bilan::cli
