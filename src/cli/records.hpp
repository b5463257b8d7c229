// What the record commands (skill, experience, trait, test, piste, action) share: `rm ID`,
// `list [--json]`, and checks of typed text before anything is written.
#pragma once

#include "bilan/layers.hpp"
#if BILAN_LAYER < BILAN_LAYER_CLI
#error "only the command line includes its headers"
#endif

#include "cli/command.hpp"
#include "cli/context.hpp"

#include <functional>
#include <optional>

namespace bilan::cli {

// What a shell offers for an option (cli/command.hpp): the keys of a closed set of terms, the
// phases of the folder's framework, the ids of the folder's records of one kind.
Values term_values(std::span<const Term> terms);
Values phase_values(const Context& context);
Values fixed_values(std::vector<std::string> values); // a list the command's own code holds
Values id_values(const Context& context, store::Collection collection);

// `GROUP rm ID`: removes the record named by its id or a unique prefix (exit 1 otherwise).
void declare_rm(Declarations& declarations, const Context& context, const std::string& group,
                store::Collection collection, std::string help = "Supprimer un enregistrement");

// The id a person typed, checked before anything is read: empty, or a prefix shorter than
// three characters, is a usage error (exit 2); upper case is accepted (ids are lower-case hex).
std::string id_argument(const std::string& typed, std::string_view option = "ID");

// `GROUP list [--json]`; `print` reads what it needs (a list operation) and returns the text
// or the JSON.
using ListPrinter = std::function<std::string(const store::Store& store, bool json)>;
void declare_list(Declarations& declarations, const Context& context, const std::string& group,
                  std::string help, ListPrinter print);

// The text of an option, refused (exit 2) unless it is clean UTF-8 without control characters
// (C0, C1, bidi overrides: require_typed_text).
std::string checked_text(const std::string& text, std::string_view option);
// A required text: also refused when empty or blank (spaces, tabs, line breaks only).
std::string required_text(const std::string& text, std::string_view option);
std::optional<Date> optional_date(const Context& context, const std::string& text);

// `GROUP add`'s end: prints the new record's id, given to the add operations as their
// ops::OnAdded, so that it runs before the record is committed: when the id cannot be printed
// (stdout closed or full: exit 3), the operation removes the record again.
void print_id(const std::string& id);

} // namespace bilan::cli
