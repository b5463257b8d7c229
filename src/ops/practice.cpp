#include "bilan/ops/practice.hpp"

#include "bilan/calendar.hpp"
#include "bilan/contacts.hpp"
#include "bilan/provider_ids.hpp"
#include "bilan/spelling.hpp"
#include "bilan/values.hpp"

#include <optional>

namespace bilan::ops {
namespace {

// The calendar of public holidays as practice.toml writes it.
std::string parse_holidays(std::string_view text) {
    if (const auto calendar = parse_holiday_calendar(text))
        return std::string(holiday_calendar_key(*calendar));
    throw UsageError("« holidays » : « " + std::string(text) +
                     " » inconnu (attendu metropole ou alsace-moselle)");
}

// A French number unless it says +32: a practice has no framework to say otherwise.
std::string parse_practice_phone(std::string_view text) {
    return parse_phone(text);
}

// The fields of practice.toml as `practice set` names them, and how each is checked.
struct PracticeSlot {
    std::string_view key;
    std::string Practice::*member;
    std::string (*parse)(std::string_view); // SIRET, NDA; null for a text
    bool required;
};
constexpr PracticeSlot slots[] = {
    {"name", &Practice::name, nullptr, true},
    {"siret", &Practice::siret, parse_siret, false},
    {"nda", &Practice::nda, parse_nda, false},
    {"bce", &Practice::bce, parse_bce, false},
    {"qualiopi", &Practice::qualiopi, nullptr, false},
    {"address", &Practice::address, nullptr, false},
    {"city", &Practice::city, nullptr, false},
    {"signatory", &Practice::signatory, nullptr, false},
    {"holidays", &Practice::holidays, parse_holidays, false},
    {"external", &Practice::external, nullptr, false},
    {"email", &Practice::email, parse_email, false},
    {"telephone", &Practice::telephone, parse_practice_phone, false},
};

// The French words `practice set` also takes for a field (the contacts' command line is
// French: `practice set adresse`).
std::string_view practice_alias(std::string_view folded) {
    return folded == "adresse" ? std::string_view("address") : folded;
}

// The value of `slot` as stored: "" removes an optional field. Every value is one line: the
// attendance sheet and the certificate print it in a header or a table cell.
std::string checked_value(const PracticeSlot& slot, const std::string& raw) {
    const std::string what = "« " + std::string(slot.key) + " »";
    if (raw.empty()) {
        if (slot.required) throw UsageError(what + " ne peut pas être vide");
        return raw;
    }
    if (slot.parse) return slot.parse(raw);
    require_typed_text(raw, what);
    if (raw.find_first_of("\r\n\t") != std::string::npos)
        throw UsageError(what + " : une seule ligne, sans tabulation (séparez par des virgules)");
    return raw;
}

// The practice of `from`; RefusedError when there is none.
store::PracticeFolder require_practice(const std::filesystem::path& from) {
    if (auto where = store::locate_practice(from)) return *where;
    throw RefusedError(Problem{.code = "practice.none",
                               .values = {{"from", from.string()}},
                               .remedy = Remedy{"practice.init", {{"folder", {}}, {"name", {}}}}});
}

// The first problem, thrown as the strict loader would have.
[[noreturn]] void throw_problem(const Problem& problem) {
    if (problem.code != file_invalid) throw RefusedError(problem);
    if (problem.where) throw DataError(*problem.where, problem.value("detail"));
    throw RefusedError(problem.value("detail"));
}

} // namespace

std::vector<std::string> practice_field_keys() {
    std::vector<std::string> keys;
    for (const PracticeSlot& slot : slots)
        keys.emplace_back(slot.key);
    return keys;
}

std::string practice_field_names() {
    std::string list;
    for (const std::string& key : practice_field_keys())
        list += (list.empty() ? "" : ", ") + key;
    return list;
}

Practice checked_practice(Practice typed) {
    Practice checked;
    for (const PracticeSlot& slot : slots)
        checked.*slot.member = checked_value(slot, typed.*slot.member);
    return checked;
}

void open_practice(const std::filesystem::path& dir, const Practice& typed) {
    if (dir.empty()) throw UsageError("DIR : le chemin du dossier ne peut pas être vide");
    store::create_practice(dir, checked_practice(typed));
}

FoundPractice show_practice(const std::filesystem::path& from) {
    const store::PracticeFolder where = require_practice(from);
    // Read under the practice folder's shared lock: never half a `practice set`.
    const store::ConsistentRead still(store::Store(where.folder));
    store::Diagnostics strict;
    std::optional<Practice> practice = store::load_practice(where, strict);
    if (!practice) throw RefusedError(where.shown + " n'existe plus");
    return {std::move(*practice), where.shown};
}

Notes set_practice_field(const std::filesystem::path& from, std::string_view key,
                         const std::string& raw) {
    const std::string folded = fold_term(key);
    const PracticeSlot* slot = nullptr;
    for (const PracticeSlot& candidate : slots)
        if (candidate.key == practice_alias(folded)) slot = &candidate;
    if (!slot)
        throw UsageError("champ inconnu « " + std::string(key) + " »" +
                         expected_one_of(key, practice_field_keys()));
    const std::string value = checked_value(*slot, raw); // before any lock

    const store::PracticeFolder where = require_practice(from);
    const store::Store folder(where.folder);
    {
        store::Transaction transaction(folder);
        // Read under the lock. Leniently: a wrong SIRET in the file is what `set` corrects;
        // only a file that does not parse at all is refused.
        store::Diagnostics lenient(true);
        const std::optional<Practice> before = store::load_practice(where, lenient);
        if (!before) throw_problem(lenient.problems().front());
        Practice after = *before;
        after.*slot->member = value;
        transaction.update(*before, after);
    }
    store::Diagnostics left(true);
    store::load_practice(where, left);
    return left.problems();
}

} // namespace bilan::ops
