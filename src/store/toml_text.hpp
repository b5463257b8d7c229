// Text-level TOML for the store: emitting values the way bilan writes them, and splicing a
// changed value into a file a person may have edited, so that their comments and layout stay.
#pragma once

#include "bilan/layers.hpp"
#if BILAN_LAYER != BILAN_LAYER_STORE && BILAN_LAYER != BILAN_LAYER_OUTSIDE
#error "the store's internals are its own: the layers above use bilan/store.hpp"
#endif

#include "bilan/store.hpp"

#include <string>
#include <string_view>
#include <toml++/toml.h>

namespace bilan::store {

std::string toml_literal(const Value& value);
std::string toml_key(std::string_view key);    // bare when it can be, quoted otherwise
std::string emit_fields(const Fields& fields); // "key = value\n" lines, absent values skipped
// RefusedError, naming the key, when a field holds a date out of the years every reader takes
// (valid_date): a limit computed from a date near the end of the range is never written.
// emit_fields and splice_root_key check it too; a write that changes more than one file checks
// it first, so that none is touched.
void require_storable(const Fields& fields);

// Parses `text`; a syntax error becomes a DataError located in `display_path`.
toml::table parse_toml(std::string_view text, const std::string& display_path);

// The value a node holds, in the store's own terms (nullopt for other types).
std::optional<Value> value_of(const toml::node& node);

// `added`, to go into `text`, with the line endings `text` uses: a file written with CRLF by a
// Windows editor keeps CRLF on every line (toml++ reads CRLF in multi-line strings as LF, so
// values are unchanged).
std::string in_line_endings_of(std::string_view text, std::string added);

// True when `key` of the root `table` is written "key = value" (not [key] or [[key]]).
bool is_root_key_value(const toml::table& table, std::string_view key);

// Sets, replaces or removes one root-level key of `text`, touching no other byte.
std::string splice_root_key(std::string_view text, const Field& field,
                            const std::string& display_path);

// 64-bit FNV-1a: stable on every machine, for record ids.
std::uint64_t fnv1a(std::string_view data, std::uint64_t seed = 14695981039346656037ull);

} // namespace bilan::store
