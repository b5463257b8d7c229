// libFuzzer target over the parsers of what a counsellor types (include/bilan/values.hpp, and the
// consents' section lists and history lines): durations, dates, times of day, ratings, terms of
// art, phases.
// A bad value must end in bilan's own UsageError; any other exception escaping is a bug and is
// left to crash. What a parser accepts is checked against invariants the rest of bilan relies
// on (a duration fits one session, a date survives its own formatting...).
#include "../unit/support/consent_history.hpp"
#include "bilan/errors.hpp"
#include "bilan/framework.hpp"
#include "bilan/store.hpp"
#include "bilan/synthesis.hpp"
#include "bilan/values.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <span>
#include <string>
#include <string_view>

namespace {

using namespace bilan;

// An invariant that does not hold: abort, which libFuzzer reports with the input.
void require(bool holds, const char* what, std::string_view input) {
    if (holds) return;
    std::fprintf(stderr, "invariant broken: %s (input of %zu bytes)\n", what, input.size());
    std::abort();
}

// Strict UTF-8 (RFC 3629), written independently of require_clean_text so that the two can be
// compared: shortest forms only, no surrogates, nothing above U+10FFFF.
bool valid_utf8(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size()) {
        const auto c = static_cast<unsigned char>(text[i]);
        std::size_t length = 0;
        unsigned char low = 0x80, high = 0xbf; // bounds of the second byte
        if (c < 0x80)
            length = 1;
        else if (c >= 0xc2 && c <= 0xdf)
            length = 2;
        else if (c == 0xe0)
            length = 3, low = 0xa0;
        else if (c == 0xed)
            length = 3, high = 0x9f;
        else if (c >= 0xe1 && c <= 0xef)
            length = 3;
        else if (c == 0xf0)
            length = 4, low = 0x90;
        else if (c >= 0xf1 && c <= 0xf3)
            length = 4;
        else if (c == 0xf4)
            length = 4, high = 0x8f;
        else
            return false;
        if (i + length > text.size()) return false;
        for (std::size_t k = 1; k < length; ++k) {
            const auto cc = static_cast<unsigned char>(text[i + k]);
            if (k == 1 ? (cc < low || cc > high) : (cc & 0xc0) != 0x80) return false;
        }
        i += length;
    }
    return true;
}

void durations(std::string_view input) {
    int minutes = 0;
    try {
        minutes = parse_duration_minutes(input);
    } catch (const UsageError&) {
        return;
    }
    require(minutes > 0 && minutes <= max_session_minutes, "a duration is in (0, 24h]", input);
    // What `status` shows must read back as the same duration ("2h30", "45min", "24h").
    require(parse_duration_minutes(format_minutes(minutes)) == minutes,
            "a duration round-trips through format_minutes", input);
}

void dates(std::string_view input) {
    const Date today{2026, 3, 10};
    Date date;
    try {
        date = parse_date(input, today);
    } catch (const UsageError&) {
        return;
    }
    require(valid_date(date.year, date.month, date.day), "a parsed date is valid", input);
    require(parse_date(date.iso(), today) == date, "a date round-trips through iso()", input);
    require(Date::from_days(date.days_since_epoch()) == date, "a date round-trips through days",
            input);
    require(!date.french().empty(), "a date has a French spelling", input);
    // Without a clock (a record file, $BILAN_TODAY) today is Date{}: a date still comes out
    // valid, or not at all.
    try {
        const Date fixed = parse_date(input, Date{});
        require(valid_date(fixed.year, fixed.month, fixed.day),
                "a date parsed without a clock is valid", input);
    } catch (const UsageError&) {
    }
}

void times_of_day(std::string_view input) {
    TimeOfDay time;
    try {
        time = parse_time_of_day(input);
    } catch (const UsageError&) {
        return;
    }
    require(time.hour >= 0 && time.hour < 24 && time.minute >= 0 && time.minute < 60,
            "a time of day is within 00:00-23:59", input);
    require(parse_time_of_day(time.text()) == time, "a time round-trips through text()", input);
}

void ratings(std::string_view input) {
    try {
        const int rating = parse_rating(input);
        require(rating >= 1 && rating <= 5, "a rating is 1 to 5", input);
    } catch (const UsageError&) {
    }
}

void terms(std::string_view input) {
    const std::string folded = fold_term(input);
    require(fold_term(folded) == folded, "fold_term is idempotent", input);
    const std::array<std::span<const Term>, 9> lists{
        session_kinds(),   session_modes(),    funding_kinds(),
        skill_types(),     experience_kinds(), trait_kinds(),
        piste_decisions(), action_horizons(),  synthesis_sections()};
    for (const std::span<const Term> list : lists) {
        try {
            const std::string_view key = resolve_term(list, input, "terme");
            require(find_term(list, key) != nullptr, "a resolved term is one of the list's keys",
                    input);
        } catch (const UsageError&) {
        }
    }
}

void phases(std::string_view input) {
    // Built once: the built-in frameworks are constant data.
    static const std::array<Framework, 2> frameworks{store::load_builtin_framework("fr"),
                                                     store::load_builtin_framework("be")};
    for (const Framework& framework : frameworks) {
        try {
            const std::string key = framework.resolve_phase(input);
            require(framework.find_phase(key) != nullptr, "a resolved phase is a phase's key",
                    input);
        } catch (const UsageError&) {
        }
    }
}

void sections(std::string_view input) {
    try {
        for (const std::string& key : parse_sections(input))
            require(find_term(synthesis_sections(), key) != nullptr,
                    "a parsed section is a section's key", input);
    } catch (const UsageError&) {
    }
    // A consent's file name: valid UTF-8, of ASCII only lower-case letters, digits and single
    // inner dashes (no '/', no NUL, no dot), and the name of itself (the store takes a file in
    // consents/ for a record when consent_id gives back its name).
    const std::string id = consent_id(input);
    for (std::size_t i = 0; i < id.size();) {
        const auto decoded = decode_utf8(std::string_view(id).substr(i));
        require(decoded.has_value(), "a consent id is valid UTF-8", input);
        const char32_t c = decoded->first;
        const bool dash = c == '-';
        require(c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                    (dash && i > 0 && i + 1 < id.size() && id[i - 1] != '-'),
                "a consent id is a plain file name", input);
        i += decoded->second;
    }
    require(consent_id(id) == id, "a consent id names itself", input);
}

void consent_periods(std::string_view input) {
    ConsentPeriod period;
    try {
        period = parse_consent_period(input);
    } catch (const UsageError&) {
        return;
    }
    // A history line as older versions wrote it reads back as the period it was written from.
    require(parse_consent_period(bilan::test::consent_period_text(period)) == period,
            "a consent period round-trips through its text", input);
}

void clean_text(std::string_view input) {
    try {
        require_clean_text(input, "texte");
    } catch (const UsageError&) {
        return;
    }
    // What is accepted goes into TOML, JSON and Markdown as is: it must be valid UTF-8.
    require(valid_utf8(input), "require_clean_text accepts only valid UTF-8", input);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    durations(input);
    dates(input);
    times_of_day(input);
    ratings(input);
    terms(input);
    phases(input);
    sections(input);
    consent_periods(input);
    clean_text(input);
    return 0;
}
