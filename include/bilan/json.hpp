// A streaming JSON writer: pretty-printed, UTF-8 passed through (a byte that is not UTF-8
// becomes \ufffd, controls and bidi overrides escapes), keys in the order written, so the same
// data always gives the same bytes.
#pragma once

#include "bilan/values.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace bilan {

class JsonWriter {
public:
    JsonWriter& begin_object();
    JsonWriter& end_object();
    JsonWriter& begin_array();
    JsonWriter& end_array();
    JsonWriter& key(std::string_view name);

    JsonWriter& value(std::string_view text);
    JsonWriter& value(const char* text) { return value(std::string_view(text)); }
    JsonWriter& value(std::int64_t number);
    JsonWriter& value(int number) { return value(std::int64_t{number}); }
    JsonWriter& value(bool flag);
    // A number already written as JSON ("4.25"): a ratio, which bilan never stores.
    JsonWriter& number(std::string_view literal);
    JsonWriter& null();
    JsonWriter& value(const Date& date) { return value(date.iso()); }
    JsonWriter& value(const std::vector<std::string>& items);

    // "key": value shorthands; optional and empty-text fields are written as null.
    template <typename T> JsonWriter& field(std::string_view name, const T& v) {
        return key(name).value(v);
    }
    template <typename T> JsonWriter& field(std::string_view name, const std::optional<T>& v) {
        key(name);
        return v ? value(*v) : null();
    }
    JsonWriter& text_or_null(std::string_view name, std::string_view text);

    // The document, ending with a newline.
    std::string str() const { return out_ + "\n"; }

private:
    void before_value();
    void newline();
    std::string out_;
    std::vector<bool> has_items_; // one per open container
    bool after_key_ = false;
};

std::string json_escape(std::string_view text);

} // namespace bilan
