// The French business-day calendar against a table of every public holiday from 2020 to 2040,
// written out date by date from an independent source (python-dateutil's Easter, which agrees
// with the published tables, and the fixed days of L3133-1), not derived by the code under
// test.
#include "bilan/calendar.hpp"

#include <doctest/doctest.h>
#include <set>
#include <string>

using namespace bilan;

namespace {

// Every metropolitan public holiday (L3133-1), 2020 to 2040.
const char* const metropole_holidays[] = {
    "2020-01-01", "2020-04-13", "2020-05-01", "2020-05-08", "2020-05-21", "2020-06-01",
    "2020-07-14", "2020-08-15", "2020-11-01", "2020-11-11", "2020-12-25", "2021-01-01",
    "2021-04-05", "2021-05-01", "2021-05-08", "2021-05-13", "2021-05-24", "2021-07-14",
    "2021-08-15", "2021-11-01", "2021-11-11", "2021-12-25", "2022-01-01", "2022-04-18",
    "2022-05-01", "2022-05-08", "2022-05-26", "2022-06-06", "2022-07-14", "2022-08-15",
    "2022-11-01", "2022-11-11", "2022-12-25", "2023-01-01", "2023-04-10", "2023-05-01",
    "2023-05-08", "2023-05-18", "2023-05-29", "2023-07-14", "2023-08-15", "2023-11-01",
    "2023-11-11", "2023-12-25", "2024-01-01", "2024-04-01", "2024-05-01", "2024-05-08",
    "2024-05-09", "2024-05-20", "2024-07-14", "2024-08-15", "2024-11-01", "2024-11-11",
    "2024-12-25", "2025-01-01", "2025-04-21", "2025-05-01", "2025-05-08", "2025-05-29",
    "2025-06-09", "2025-07-14", "2025-08-15", "2025-11-01", "2025-11-11", "2025-12-25",
    "2026-01-01", "2026-04-06", "2026-05-01", "2026-05-08", "2026-05-14", "2026-05-25",
    "2026-07-14", "2026-08-15", "2026-11-01", "2026-11-11", "2026-12-25", "2027-01-01",
    "2027-03-29", "2027-05-01", "2027-05-06", "2027-05-08", "2027-05-17", "2027-07-14",
    "2027-08-15", "2027-11-01", "2027-11-11", "2027-12-25", "2028-01-01", "2028-04-17",
    "2028-05-01", "2028-05-08", "2028-05-25", "2028-06-05", "2028-07-14", "2028-08-15",
    "2028-11-01", "2028-11-11", "2028-12-25", "2029-01-01", "2029-04-02", "2029-05-01",
    "2029-05-08", "2029-05-10", "2029-05-21", "2029-07-14", "2029-08-15", "2029-11-01",
    "2029-11-11", "2029-12-25", "2030-01-01", "2030-04-22", "2030-05-01", "2030-05-08",
    "2030-05-30", "2030-06-10", "2030-07-14", "2030-08-15", "2030-11-01", "2030-11-11",
    "2030-12-25", "2031-01-01", "2031-04-14", "2031-05-01", "2031-05-08", "2031-05-22",
    "2031-06-02", "2031-07-14", "2031-08-15", "2031-11-01", "2031-11-11", "2031-12-25",
    "2032-01-01", "2032-03-29", "2032-05-01", "2032-05-06", "2032-05-08", "2032-05-17",
    "2032-07-14", "2032-08-15", "2032-11-01", "2032-11-11", "2032-12-25", "2033-01-01",
    "2033-04-18", "2033-05-01", "2033-05-08", "2033-05-26", "2033-06-06", "2033-07-14",
    "2033-08-15", "2033-11-01", "2033-11-11", "2033-12-25", "2034-01-01", "2034-04-10",
    "2034-05-01", "2034-05-08", "2034-05-18", "2034-05-29", "2034-07-14", "2034-08-15",
    "2034-11-01", "2034-11-11", "2034-12-25", "2035-01-01", "2035-03-26", "2035-05-01",
    "2035-05-03", "2035-05-08", "2035-05-14", "2035-07-14", "2035-08-15", "2035-11-01",
    "2035-11-11", "2035-12-25", "2036-01-01", "2036-04-14", "2036-05-01", "2036-05-08",
    "2036-05-22", "2036-06-02", "2036-07-14", "2036-08-15", "2036-11-01", "2036-11-11",
    "2036-12-25", "2037-01-01", "2037-04-06", "2037-05-01", "2037-05-08", "2037-05-14",
    "2037-05-25", "2037-07-14", "2037-08-15", "2037-11-01", "2037-11-11", "2037-12-25",
    "2038-01-01", "2038-04-26", "2038-05-01", "2038-05-08", "2038-06-03", "2038-06-14",
    "2038-07-14", "2038-08-15", "2038-11-01", "2038-11-11", "2038-12-25", "2039-01-01",
    "2039-04-11", "2039-05-01", "2039-05-08", "2039-05-19", "2039-05-30", "2039-07-14",
    "2039-08-15", "2039-11-01", "2039-11-11", "2039-12-25", "2040-01-01", "2040-04-02",
    "2040-05-01", "2040-05-08", "2040-05-10", "2040-05-21", "2040-07-14", "2040-08-15",
    "2040-11-01", "2040-11-11", "2040-12-25",
};

// Good Friday, the Alsace-Moselle addition that moves with Easter (L3134-13), 2020 to 2040.
const char* const good_fridays[] = {
    "2020-04-10", "2021-04-02", "2022-04-15", "2023-04-07", "2024-03-29", "2025-04-18",
    "2026-04-03", "2027-03-26", "2028-04-14", "2029-03-30", "2030-04-19", "2031-04-11",
    "2032-03-26", "2033-04-15", "2034-04-07", "2035-03-23", "2036-04-11", "2037-04-03",
    "2038-04-23", "2039-04-08", "2040-03-30",
};

Date iso(const std::string& text) {
    return {std::stoi(text.substr(0, 4)), std::stoi(text.substr(5, 2)),
            std::stoi(text.substr(8, 2))};
}

} // namespace

TEST_SUITE("calendar") {
    TEST_CASE("every public holiday from 2020 to 2040, and no other day") {
        std::set<std::string> expected(std::begin(metropole_holidays),
                                       std::end(metropole_holidays));
        std::set<std::string> found;
        for (Date d{2020, 1, 1}; d.year <= 2040; d = Date::from_days(d.days_since_epoch() + 1))
            if (public_holiday(d, HolidayCalendar::metropole)) found.insert(d.iso());
        CHECK(found == expected);
        CHECK(found.size() == 21 * 11);
    }

    TEST_CASE("Alsace-Moselle adds Good Friday and 26 December") {
        for (const char* friday : good_fridays) {
            CAPTURE(friday);
            CHECK_FALSE(public_holiday(iso(friday), HolidayCalendar::metropole));
            REQUIRE(public_holiday(iso(friday), HolidayCalendar::alsace_moselle));
            CHECK(public_holiday(iso(friday), HolidayCalendar::alsace_moselle)->source ==
                  "Code du travail, L3134-13");
            CHECK(iso_weekday(iso(friday)) == 5);
        }
        CHECK(public_holiday({2026, 12, 26}, HolidayCalendar::alsace_moselle)->name ==
              "Saint-Étienne");
        CHECK_FALSE(public_holiday({2026, 12, 26}, HolidayCalendar::metropole));
    }

    TEST_CASE("Easter, Ascension and Whit Monday on their known dates (L3133-1)") {
        CHECK(easter_sunday(2025) == Date{2025, 4, 20});
        CHECK(easter_sunday(2026) == Date{2026, 4, 5});
        CHECK(easter_sunday(2027) == Date{2027, 3, 28});
        CHECK(easter_sunday(2028) == Date{2028, 4, 16});
        CHECK(public_holiday({2026, 5, 14}, HolidayCalendar::metropole)->name == "Ascension");
        CHECK(public_holiday({2027, 5, 17}, HolidayCalendar::metropole)->name ==
              "Lundi de Pentecôte");
        CHECK(public_holiday({2028, 6, 5}, HolidayCalendar::metropole)->source ==
              "Code du travail, L3133-1");
    }

    TEST_CASE("weekdays") {
        CHECK(iso_weekday({1970, 1, 1}) == 4);
        CHECK(iso_weekday({2026, 12, 2}) == 3);
        CHECK(iso_weekday({2026, 3, 2}) == 1);
        CHECK(iso_weekday({2026, 3, 8}) == 7);
        CHECK(iso_weekday({1969, 12, 31}) == 3);
    }

    TEST_CASE("within N business days: the day itself never counts") {
        const auto metropole = HolidayCalendar::metropole;
        CHECK(add_business_days({2026, 5, 13}, 3, metropole) == Date{2026, 5, 19}); // Ascension
        CHECK(add_business_days({2026, 5, 22}, 3, metropole) == Date{2026, 5, 28}); // Pentecôte
        CHECK(add_business_days({2026, 4, 30}, 3, metropole) == Date{2026, 5, 6});  // 1er mai
        CHECK(add_business_days({2026, 4, 1}, 3, metropole) == Date{2026, 4, 7});
        CHECK(add_business_days({2026, 4, 1}, 3, HolidayCalendar::alsace_moselle) ==
              Date{2026, 4, 8});                                                  // Vendredi saint
        CHECK(add_business_days({2026, 3, 6}, 1, metropole) == Date{2026, 3, 9}); // a weekend
        CHECK(add_business_days({2026, 3, 6}, 0, metropole) == Date{2026, 3, 6});
        CHECK(is_business_day({2026, 3, 9}, metropole));
        CHECK_FALSE(is_business_day({2026, 3, 7}, metropole));
    }

    TEST_CASE("the calendar's names") {
        CHECK(parse_holiday_calendar("metropole") == HolidayCalendar::metropole);
        CHECK(parse_holiday_calendar("Métropole") == HolidayCalendar::metropole);
        CHECK(parse_holiday_calendar("alsace-moselle") == HolidayCalendar::alsace_moselle);
        CHECK_FALSE(parse_holiday_calendar("corse"));
        CHECK(holiday_calendar_key(HolidayCalendar::alsace_moselle) == "alsace-moselle");
        CHECK(parse_holiday_calendar(holiday_calendar_key(HolidayCalendar::metropole)) ==
              HolidayCalendar::metropole);
    }
}
