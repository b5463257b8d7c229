#include "record_reader.hpp"

#include <algorithm>

namespace bilan::store {

SourcePos position_of(const toml::node& node, const std::string& file) {
    const auto& begin = node.source().begin;
    return {file, static_cast<int>(begin.line), static_cast<int>(begin.column)};
}

RecordReader::RecordReader(const toml::table& table, SourcePos file, Diagnostics& diagnostics)
    : table_(table), file_(std::move(file)), diagnostics_(diagnostics) {
    known_.reserve(16);
}

void RecordReader::know(std::string_view key) {
    if (std::find(known_.begin(), known_.end(), key) == known_.end()) known_.emplace_back(key);
}

void RecordReader::fail(const SourcePos& where, const std::string& message) {
    failed_ = true;
    diagnostics_.report(where, message);
}

SourcePos RecordReader::pos(std::string_view key) const {
    const toml::node* node = table_.get(key);
    return node ? position_of(*node, file_.file) : SourcePos{file_.file, 1, 1};
}

SourcePos RecordReader::pos(std::string_view key, std::size_t index) const {
    const toml::node* node = table_.get(key);
    const toml::array* array = node ? node->as_array() : nullptr;
    if (!array || index >= array->size()) return pos(key);
    return position_of(*array->get(index), file_.file);
}

const toml::node* RecordReader::get(std::string_view key, bool required) {
    know(key);
    const toml::node* node = table_.get(key);
    if (!node && required) fail({file_.file, 1, 1}, "clé « " + std::string(key) + " » manquante");
    return node;
}

void RecordReader::wrong_type(std::string_view key, std::string_view expected) {
    fail(pos(key), "« " + std::string(key) + " » doit être " + std::string(expected));
}

std::string RecordReader::text(std::string_view key, bool required) {
    const toml::node* node = get(key, required);
    if (!node) return {};
    const auto* value = node->as_string();
    if (!value) return wrong_type(key, "un texte entre guillemets"), std::string{};
    try {
        require_clean_text(value->get(), "« " + std::string(key) + " »");
    } catch (const UsageError& e) {
        fail(pos(key), e.what());
    }
    if (required && value->get().empty()) fail(pos(key), "« " + std::string(key) + " » est vide");
    return value->get();
}

std::vector<std::string> RecordReader::texts(std::string_view key) {
    const toml::node* node = get(key, false);
    std::vector<std::string> items;
    if (!node) return items;
    const auto* array = node->as_array();
    if (!array) return wrong_type(key, "une liste de textes"), items;
    for (const toml::node& item : *array) {
        const auto* value = item.as_string();
        if (!value) {
            fail(position_of(item, file_.file), "« " + std::string(key) + " » : attendu du texte");
            continue;
        }
        // As for text(): an item of a list is shown too (project show, piste list...), and an
        // escape sequence in it would drive the terminal (found by fuzz_folder).
        try {
            require_clean_text(value->get(), "« " + std::string(key) + " »");
        } catch (const UsageError& e) {
            fail(position_of(item, file_.file), e.what());
        }
        items.push_back(value->get());
    }
    return items;
}

std::optional<Date> RecordReader::date(std::string_view key, bool required) {
    const toml::node* node = get(key, required);
    if (!node) return std::nullopt;
    if (const auto* d = node->as_date()) {
        const toml::date& v = d->get();
        if (valid_date(v.year, v.month, v.day)) return Date{v.year, v.month, v.day};
        fail(pos(key), "« " + std::string(key) + " » : date hors des années 1900 à 2199");
        return std::nullopt;
    }
    if (const auto* s = node->as_string()) { // "02/03/2026" typed by hand
        try {
            return parse_date(s->get(), Date{});
        } catch (const UsageError& e) {
            fail(pos(key), e.what());
            return std::nullopt;
        }
    }
    wrong_type(key, "une date (AAAA-MM-JJ)");
    return std::nullopt;
}

std::optional<Date> RecordReader::date_or_month(std::string_view key, bool& month) {
    if (const toml::node* node = get(key, false); node && node->is_string())
        if (const auto first_day = parse_month(node->as_string()->get())) {
            month = true;
            return first_day;
        }
    return date(key);
}

std::optional<TimeOfDay> RecordReader::time(std::string_view key) {
    const toml::node* node = get(key, false);
    if (!node) return std::nullopt;
    if (const auto* t = node->as_time()) return TimeOfDay{t->get().hour, t->get().minute};
    if (const auto* s = node->as_string()) {
        try {
            return parse_time_of_day(s->get());
        } catch (const UsageError& e) {
            fail(pos(key), e.what());
            return std::nullopt;
        }
    }
    wrong_type(key, "une heure (HH:MM)");
    return std::nullopt;
}

std::optional<std::int64_t> RecordReader::integer(std::string_view key, std::int64_t min,
                                                  std::int64_t max, bool required) {
    const toml::node* node = get(key, required);
    if (!node) return std::nullopt;
    const auto* value = node->as_integer();
    if (!value) return wrong_type(key, "un nombre entier"), std::nullopt;
    if (value->get() < min || value->get() > max) {
        fail(pos(key), "« " + std::string(key) + " » vaut " + std::to_string(value->get()) +
                           " : attendu de " + std::to_string(min) + " à " + std::to_string(max));
        return std::nullopt;
    }
    return value->get();
}

std::optional<bool> RecordReader::boolean(std::string_view key) {
    const toml::node* node = get(key, false);
    if (!node) return std::nullopt;
    const auto* value = node->as_boolean();
    if (!value) return wrong_type(key, "true ou false"), std::nullopt;
    return value->get();
}

bool RecordReader::flag(std::string_view key) {
    return boolean(key).value_or(false);
}

std::string RecordReader::term(std::string_view key, std::span<const Term> terms,
                               std::string_view what, bool required, std::string_view fallback) {
    const toml::node* node = table_.get(key);
    if (!node && !required) return (know(key), std::string(fallback));
    const std::string raw = text(key, required);
    if (raw.empty()) return std::string(fallback);
    try {
        return std::string(resolve_term(terms, raw, what));
    } catch (const UsageError& e) {
        fail(pos(key), e.what());
        return std::string(fallback);
    }
}

std::vector<const toml::table*> RecordReader::tables(std::string_view key) {
    const toml::node* node = get(key, false);
    std::vector<const toml::table*> result;
    if (!node) return result;
    const auto* array = node->as_array();
    if (!array) return wrong_type(key, "une suite de tables [[" + std::string(key) + "]]"), result;
    for (const toml::node& item : *array) {
        if (const auto* table = item.as_table())
            result.push_back(table);
        else
            fail(position_of(item, file_.file), "« " + std::string(key) + " » : attendu une table");
    }
    return result;
}

bool RecordReader::finish() {
    if (diagnostics_.ignores_unknown_keys()) return !failed_;
    for (auto&& [key, value] : table_)
        if (std::find(known_.begin(), known_.end(), key.str()) == known_.end())
            fail({file_.file, static_cast<int>(key.source().begin.line),
                  static_cast<int>(key.source().begin.column)},
                 "clé inconnue « " + std::string(key.str()) + " »");
    return !failed_;
}

} // namespace bilan::store
