// The command line: builds CLI11's tree from the commands' declarations, parses, and runs the
// command chosen. The only file that includes CLI11.
#pragma once

#include "bilan/layers.hpp"
#if BILAN_LAYER < BILAN_LAYER_CLI
#error "only the command line includes its headers"
#endif

namespace bilan::cli {

// Parses `argv` and runs its command; returns the exit status. Throws UsageError for a line
// that does not parse, and whatever the command throws.
int run_command_line(int argc, char** argv);

} // namespace bilan::cli
