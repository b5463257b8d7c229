// What every command shares: the global options and how to reach the folder and the terminal.
// CLI11 is seen by src/cli/app.cpp alone.
#pragma once

#include "bilan/layers.hpp"
#if BILAN_LAYER < BILAN_LAYER_CLI
#error "only the command line includes its headers"
#endif

#include "bilan/html.hpp"
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

    // The folder a command starts from: -C, else the current directory.
    std::string start_dir() const { return dir.empty() ? "." : dir; }
    store::Store store() const { return store::Store(start_dir()); }
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

// Where and how a document goes: `-o FILE` and `--format md|html|pdf` (without it, the
// extension of FILE: .html and .pdf pick theirs, anything else keeps Markdown).
struct DocumentOutput {
    std::string file;
    std::string format;
    bool format_given = false;
};
enum class DocumentFormat { markdown, html, pdf };
// `--format md|html|pdf`, bound to `output` (its `-o` is output_option(output.file)).
Option format_option(DocumentOutput& output);
// The format asked for; UsageError for an unknown one (checked before the folder is read).
DocumentFormat document_format(const DocumentOutput& output);
// deliver() of a document written in Markdown, in `format`: as it is, as an HTML page laid out
// by `layout`, or that page typeset to PDF.
void deliver(const DocumentOutput& output, DocumentFormat format, std::string_view markdown,
             const html::Layout& layout, const std::vector<Problem>& notes = {});

} // namespace bilan::cli
