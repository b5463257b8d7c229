#include "bilan/calendar.hpp"

#include <array>

namespace bilan {
namespace {

constexpr std::string_view holidays_article = "Code du travail, L3133-1";
constexpr std::string_view alsace_moselle_article = "Code du travail, L3134-13";

// A holiday on a fixed day of the year.
struct FixedHoliday {
    int month, day;
    PublicHoliday holiday;
    bool alsace_moselle_only = false;
};
constexpr std::array fixed_holidays{
    FixedHoliday{1, 1, {"Jour de l'an", holidays_article}},
    FixedHoliday{5, 1, {"Fête du Travail", holidays_article}},
    FixedHoliday{5, 8, {"Victoire 1945", holidays_article}},
    FixedHoliday{7, 14, {"Fête nationale", holidays_article}},
    FixedHoliday{8, 15, {"Assomption", holidays_article}},
    FixedHoliday{11, 1, {"Toussaint", holidays_article}},
    FixedHoliday{11, 11, {"Armistice 1918", holidays_article}},
    FixedHoliday{12, 25, {"Noël", holidays_article}},
    FixedHoliday{12, 26, {"Saint-Étienne", alsace_moselle_article}, true},
};

// A holiday so many days after Easter Sunday.
struct MoveableHoliday {
    int days_after_easter;
    PublicHoliday holiday;
    bool alsace_moselle_only = false;
};
constexpr std::array moveable_holidays{
    MoveableHoliday{-2, {"Vendredi saint", alsace_moselle_article}, true},
    MoveableHoliday{1, {"Lundi de Pâques", holidays_article}},
    MoveableHoliday{39, {"Ascension", holidays_article}},
    MoveableHoliday{50, {"Lundi de Pentecôte", holidays_article}},
};

bool applies(bool alsace_moselle_only, HolidayCalendar calendar) {
    return !alsace_moselle_only || calendar == HolidayCalendar::alsace_moselle;
}

} // namespace

std::optional<HolidayCalendar> parse_holiday_calendar(std::string_view text) {
    const std::string key = fold_term(text);
    if (key == "metropole") return HolidayCalendar::metropole;
    if (key == "alsace-moselle") return HolidayCalendar::alsace_moselle;
    return std::nullopt;
}

std::string_view holiday_calendar_key(HolidayCalendar calendar) {
    return calendar == HolidayCalendar::alsace_moselle ? "alsace-moselle" : "metropole";
}

std::string_view holiday_calendar_label(HolidayCalendar calendar) {
    return calendar == HolidayCalendar::alsace_moselle ? "Alsace-Moselle" : "métropole";
}

Date easter_sunday(int year) {
    const int a = year % 19, b = year / 100, c = year % 100;
    const int d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
    const int h = (19 * a + b - d - g + 15) % 30;
    const int i = c / 4, k = c % 4;
    const int l = (32 + 2 * e + 2 * i - h - k) % 7;
    const int m = (a + 11 * h + 22 * l) / 451;
    const int month = (h + l - 7 * m + 114) / 31;
    const int day = (h + l - 7 * m + 114) % 31 + 1;
    return {year, month, day};
}

int iso_weekday(const Date& date) {
    // 1970-01-01 was a Thursday (4).
    const int days = date.days_since_epoch();
    return ((days % 7 + 7) % 7 + 3) % 7 + 1;
}

std::optional<PublicHoliday> public_holiday(const Date& date, HolidayCalendar calendar) {
    for (const FixedHoliday& fixed : fixed_holidays)
        if (fixed.month == date.month && fixed.day == date.day &&
            applies(fixed.alsace_moselle_only, calendar))
            return fixed.holiday;
    const int from_easter = date.days_since_epoch() - easter_sunday(date.year).days_since_epoch();
    for (const MoveableHoliday& moveable : moveable_holidays)
        if (moveable.days_after_easter == from_easter &&
            applies(moveable.alsace_moselle_only, calendar))
            return moveable.holiday;
    return std::nullopt;
}

bool is_business_day(const Date& date, HolidayCalendar calendar) {
    return iso_weekday(date) <= 5 && !public_holiday(date, calendar);
}

Date add_business_days(const Date& from, int count, HolidayCalendar calendar) {
    int day = from.days_since_epoch();
    for (int counted = 0; counted < count;)
        if (is_business_day(Date::from_days(++day), calendar)) ++counted;
    return Date::from_days(day);
}

} // namespace bilan
