// Reads the fields of one record table with their types checked, reporting each fault at the
// value's own line and column, and every key it does not know.
#pragma once

#include "bilan/layers.hpp"
#if BILAN_LAYER != BILAN_LAYER_STORE && BILAN_LAYER != BILAN_LAYER_OUTSIDE
#error "the store's internals are its own: the layers above use bilan/store.hpp"
#endif

#include "bilan/store.hpp"

#include <toml++/toml.h>
#include <vector>

namespace bilan::store {

class RecordReader {
public:
    RecordReader(const toml::table& table, SourcePos file, Diagnostics& diagnostics);

    std::string text(std::string_view key, bool required = false);
    std::vector<std::string> texts(std::string_view key);
    std::optional<Date> date(std::string_view key, bool required = false);
    // A date, or a month written "2008-09" (its first day, `month` set).
    std::optional<Date> date_or_month(std::string_view key, bool& month);
    std::optional<TimeOfDay> time(std::string_view key);
    std::optional<std::int64_t> integer(std::string_view key, std::int64_t min, std::int64_t max,
                                        bool required = false);
    bool flag(std::string_view key);
    std::optional<bool> boolean(std::string_view key);
    bool has(std::string_view key) const { return table_.contains(key); }
    // The raw value, for a key whose type decides how it is read (nullptr when absent).
    const toml::node* node(std::string_view key) { return get(key, false); }
    // A term of art (kind, type…): the canonical key, or `fallback` when absent.
    std::string term(std::string_view key, std::span<const Term> terms, std::string_view what,
                     bool required = false, std::string_view fallback = {});
    // The elements of an array of tables ([[key]]), each with its position.
    std::vector<const toml::table*> tables(std::string_view key);

    SourcePos pos(std::string_view key) const;
    SourcePos pos(std::string_view key, std::size_t index) const; // an array's item
    const SourcePos& file() const { return file_; }
    Diagnostics& diagnostics() const { return diagnostics_; }
    void fail(const SourcePos& where, const std::string& message);
    // Reports keys nobody asked for; true when the record is sound.
    bool finish();

private:
    const toml::node* get(std::string_view key, bool required);
    void wrong_type(std::string_view key, std::string_view expected);

    const toml::table& table_;
    SourcePos file_;
    Diagnostics& diagnostics_;
    // The keys asked for: a handful per record, so a vector (one allocation, short keys stored
    // inline) beats a set (one allocation per key) by a few percent of a large folder's load.
    std::vector<std::string> known_;
    void know(std::string_view key);
    bool failed_ = false;
};

SourcePos position_of(const toml::node& node, const std::string& file);

} // namespace bilan::store
