// A TOML syntax error as the person who edited the file by hand should read it: in French, at
// the line and column at fault, with the fix for the usual slips (an hour or a text without
// quotes, a date written the French way, a git conflict left in the file).
#pragma once

#include "bilan/layers.hpp"
#if BILAN_LAYER != BILAN_LAYER_STORE && BILAN_LAYER != BILAN_LAYER_OUTSIDE
#error "the store's internals are its own: the layers above use bilan/store.hpp"
#endif

#include "bilan/errors.hpp"

#include <string>
#include <string_view>
#include <toml++/toml.h>

namespace bilan::store {

// The DataError for `error`, raised by toml++ while reading `text` (shown as `display_path`).
DataError toml_syntax_error(std::string_view text, const toml::parse_error& error,
                            const std::string& display_path);

// toml++'s English description ("Error while parsing time: expected ':', saw '\n'") in French;
// the original text when its wording is not one bilan knows.
std::string french_toml_description(std::string_view description);

} // namespace bilan::store
