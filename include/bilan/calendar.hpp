// French public holidays and business days (jours ouvrés), for the deadlines of the funding
// paperwork: an EDOF declaration is due within 3 business days, for instance. Each holiday
// comes with the article that makes it one, so that a change of law is one line of the table
// in src/core/calendar.cpp.
#pragma once

#include "bilan/values.hpp"

#include <optional>
#include <string_view>

namespace bilan {

// Which public holidays apply: metropolitan France, or Alsace-Moselle (départements 57, 67,
// 68), which adds Good Friday and 26 December (L3134-13). A practice chooses.
enum class HolidayCalendar { metropole, alsace_moselle };

// "metropole" or "alsace-moselle" (accented and spaced spellings accepted); nullopt otherwise.
std::optional<HolidayCalendar> parse_holiday_calendar(std::string_view text);
// "metropole", "alsace-moselle": how practice.toml writes it (`holidays`).
std::string_view holiday_calendar_key(HolidayCalendar calendar);
// "métropole", "Alsace-Moselle": for people.
std::string_view holiday_calendar_label(HolidayCalendar calendar);

// Easter Sunday of `year` in the Gregorian calendar (the anonymous algorithm, integers only).
Date easter_sunday(int year);

// 1 = Monday … 7 = Sunday (ISO 8601).
int iso_weekday(const Date& date);

struct PublicHoliday {
    std::string_view name;   // "Lundi de Pâques"
    std::string_view source; // "Code du travail, L3133-1"
};
// The public holiday that falls on `date`, if any.
std::optional<PublicHoliday> public_holiday(const Date& date, HolidayCalendar calendar);

// Monday to Friday, and not a public holiday.
bool is_business_day(const Date& date, HolidayCalendar calendar);

// The last day of "within `count` business days of `from`": `from` never counts; the days
// after it are walked and the `count`-th business day is the last one allowed.
Date add_business_days(const Date& from, int count, HolidayCalendar calendar);

} // namespace bilan
