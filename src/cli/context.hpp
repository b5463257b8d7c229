// What every command shares: the global options and how to reach the folder and the terminal.
// CLI11 is seen by src/cli/app.cpp alone.
#pragma once

#include "bilan/layers.hpp"
#if BILAN_LAYER < BILAN_LAYER_CLI
#error "only the command line includes its headers"
#endif

#include "bilan/problem.hpp"
#include "bilan/store.hpp"
#include "bilan/values.hpp"
#include "cli/command.hpp"

#include <string>
#include <vector>

namespace bilan::cli {

struct Context {
    std::string dir;            // -C/--dir, else $BILAN_DIR, else "."
    std::string color = "auto"; // --color auto|always|never

    store::Store store() const { return store::Store(dir.empty() ? "." : dir); }
    // The calendar date on this machine ($BILAN_TODAY when set, for reproducible scripts).
    Date today() const;
    bool color_stdout() const;
    // Today's date is looked up only for "today": a bad $BILAN_TODAY spoils no other date.
    Date parse_date(std::string_view text) const {
        return bilan::parse_date(text, names_today(text) ? today() : Date{});
    }
};

// Writes to stdout in one go (and fails with exit 3 if stdout is gone).
void print_out(std::string_view text);
// "bilan: message" on stderr.
void print_note(std::string_view text);
// A document where `-o FILE` says (empty or "-": stdout), then its notes ("attention : …") on
// stderr. Every command's -o goes through here: never over a file bilan keeps
// (store::write_document), nothing written when refused.
void deliver(const std::string& output, std::string_view document,
             const std::vector<Problem>& notes = {});
// The `-o,--output FILE` option of a command that prints a document, bound to `output`: its
// name and help are the same wherever `deliver` writes.
Option output_option(std::string& output);

} // namespace bilan::cli
