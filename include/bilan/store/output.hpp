// Documents written where the user asked (`-o FILE`), never over a file bilan keeps.
#pragma once

#include "bilan/layers.hpp"
#if BILAN_LAYER < BILAN_LAYER_STORE
#error "the core may not include the store"
#endif

#include <filesystem>
#include <string>
#include <string_view>

namespace bilan::store {

// Writes a document where the user asked (`-o FILE` of every command that takes it), after
// refuse_kept_file_target: a regular file (or a new one) atomically as above, through a symbolic
// link to its target; a device or a pipe (/dev/stdout, /dev/null, a FIFO) by writing into it,
// never by replacing it with a file.
void write_document(const std::filesystem::path& target, std::string_view content);

// RefusedError when `target` is a file bilan keeps, of any bilan or practice, judged by the
// folder it really lands in (a link, `..` or `-C` elsewhere make no difference): in a bilan's
// folder (it holds bilan.toml) bilan.toml, project.toml, edof.toml, convention.toml,
// financing.toml, framework.toml, destruction.toml, practice.toml, .gitignore, .lock, a record
// folder's name, and synthese.md once purged (destruction.toml); anything inside a record
// folder of a bilan; practice.toml and .lock in a practice folder. Other files are fine.
void refuse_kept_file_target(const std::filesystem::path& target);

// The bytes of a file the user named on the command line (a reply to import): a regular file,
// a link followed to one, of at most `limit` bytes; RefusedError naming it otherwise (a pipe
// or a device is never read: it could block or never end), EnvironmentError when it cannot be
// read.
std::string read_given_file(const std::filesystem::path& file, std::size_t limit);

// A PDF of an HTML page (html::page), typeset by WeasyPrint: the program `weasyprint` found on
// the PATH, run without a shell, the page on its standard input and the PDF read from its
// standard output. EnvironmentError when it is missing (naming the Debian package) or fails
// (with the last line it said).
std::string typeset_pdf(std::string_view html);

} // namespace bilan::store
