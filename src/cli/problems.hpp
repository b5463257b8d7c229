// The command line's words for problems and notices (bilan/problem.hpp): one table turns each
// code into its French sentence, and each remedy into the command line that applies it.
#pragma once

#include "bilan/layers.hpp"
#if BILAN_LAYER < BILAN_LAYER_CLI
#error "only the command line includes its headers"
#endif

#include "bilan/problem.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace bilan::cli {

// "bilan session attest 3f9a0b12 --evidence emargement": a remedy as a command line, an
// argument left to the user shown by its placeholder (DATE, TEXTE, ID…).
std::string remedy_text(const Remedy& remedy);

// The sentence of a problem, without its place ("séance du 2026-03-02 (3f9a0b12) sans preuve
// de présence : bilan session attest …"); a code the table lacks is a bug (std::logic_error).
std::string problem_text(const Problem& problem);

// The problem as one line: "FILE:LINE:COLUMN: sentence" when a file is at fault, control
// characters escaped.
std::string problem_line(const Problem& problem);

// Every code the table knows, and every operation a remedy may name (for the tests).
std::vector<std::string_view> problem_codes();
std::vector<std::string_view> remedy_operations();

// A notice the store met on the way, said at once: "bilan: " + its sentence (the sink
// run_command_line sets, bilan/problem.hpp).
void say_notice(const Problem& notice);

// Each notice on stderr: "bilan: " + prefix + its sentence ("attention : " for an operation's
// notes).
void print_notices(const std::vector<Problem>& notices, std::string_view prefix = "attention : ");

} // namespace bilan::cli
