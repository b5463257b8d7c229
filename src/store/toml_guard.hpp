// A guard run before toml++ sees a file. toml++ recurses once per level of nesting but bounds
// only nested values (256 levels), not dotted keys: one line `a.a.a… = 1` with 100 000 parts
// overflows the stack (found by tests/e2e/test_hostile.sh). This scan measures the depth of
// every key and value first, so that such a file is refused with its position instead.
#pragma once

#include "bilan/layers.hpp"
#if BILAN_LAYER != BILAN_LAYER_STORE && BILAN_LAYER != BILAN_LAYER_OUTSIDE
#error "the store's internals are its own: the layers above use bilan/store.hpp"
#endif

#include <string>
#include <string_view>

namespace bilan::store {

// Far beyond any file bilan reads (its deepest is 2: [[surveys]]), far below toml++'s limits.
constexpr int max_toml_depth = 128;

// Throws DataError at the first key or value nested deeper than max_toml_depth; and a second
// guard (found by tests/fuzz/fuzz_folder): toml++ 3.3.0 (Debian 12) asks whether a non-ASCII
// character is whitespace wherever whitespace may come, and for most characters (é, à, ô...) that
// question reaches __builtin_unreachable(): undefined behaviour (upstream marzer/tomlplusplus#190).
// In a valid file it is asked only after a backslash in a multi-line basic string ("""); elsewhere
// (outside strings and comments, or in the run of characters that follows a value without quotes,
// which toml++ reads ahead) a non-ASCII character is invalid TOML anyway. This throws DataError at
// either, before toml++ sees it.
void check_toml_text(std::string_view text, const std::string& display_path);

} // namespace bilan::store
