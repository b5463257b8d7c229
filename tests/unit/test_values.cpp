#include "bilan/errors.hpp"
#include "bilan/values.hpp"

#include <doctest/doctest.h>

using namespace bilan;

TEST_SUITE("values") {
    TEST_CASE("durations in every form of cli.md") {
        CHECK(parse_duration_minutes("2h30") == 150);
        CHECK(parse_duration_minutes("1h05") == 65);
        CHECK(parse_duration_minutes("1h5") == 65);
        CHECK(parse_duration_minutes("2h") == 120);
        CHECK(parse_duration_minutes("90m") == 90);
        CHECK(parse_duration_minutes("90min") == 90);
        CHECK(parse_duration_minutes("2") == 120);
        CHECK(parse_duration_minutes("2.5") == 150);
        CHECK(parse_duration_minutes("2,5") == 150);
        CHECK(parse_duration_minutes("2,25") == 135);
        CHECK(parse_duration_minutes("2:30") == 150);
        CHECK(parse_duration_minutes("0:45") == 45);
        CHECK(parse_duration_minutes("24h") == 1440);
        CHECK(parse_duration_minutes(" 1h ") == 60);
    }

    TEST_CASE("durations that are refused") {
        CHECK_THROWS_AS(parse_duration_minutes("0"), UsageError);
        CHECK_THROWS_AS(parse_duration_minutes("0h"), UsageError);
        CHECK_THROWS_AS(parse_duration_minutes("-1h"), UsageError);
        CHECK_THROWS_AS(parse_duration_minutes("24h01"), UsageError);
        CHECK_THROWS_AS(parse_duration_minutes("25"), UsageError);
        CHECK_THROWS_AS(parse_duration_minutes("2h60"), UsageError);
        CHECK_THROWS_AS(parse_duration_minutes("2:3"), UsageError);
        CHECK_THROWS_AS(parse_duration_minutes("abc"), UsageError);
        CHECK_THROWS_AS(parse_duration_minutes(""), UsageError);
        CHECK_THROWS_AS(parse_duration_minutes("1.01"), UsageError);
        CHECK_THROWS_AS(parse_duration_minutes("99999999999999999999"), UsageError);
        CHECK_THROWS_WITH(parse_duration_minutes("90"), doctest::Contains("90m"));
    }

    TEST_CASE("dates") {
        const Date today{2026, 3, 10};
        CHECK(parse_date("2026-03-02", today) == Date{2026, 3, 2});
        CHECK(parse_date("02/03/2026", today) == Date{2026, 3, 2});
        CHECK(parse_date("2/3/2026", today) == Date{2026, 3, 2});
        CHECK(parse_date("today", today) == today);
        CHECK(parse_date("2028-02-29", today) == Date{2028, 2, 29});
        CHECK_THROWS_AS(parse_date("2026-02-30", today), UsageError);
        CHECK_THROWS_AS(parse_date("2026-02-29", today), UsageError);
        CHECK_THROWS_AS(parse_date("2026-13-01", today), UsageError);
        CHECK_THROWS_AS(parse_date("31/04/2026", today), UsageError);
        CHECK_THROWS_AS(parse_date("2026-3-2", today), UsageError);
        CHECK_THROWS_AS(parse_date("yesterday", today), UsageError);
        CHECK_THROWS_AS(parse_date("0000-01-01", today), UsageError);
    }

    TEST_CASE("date arithmetic and text") {
        CHECK(Date{2026, 3, 2}.iso() == "2026-03-02");
        CHECK(Date{2026, 3, 1}.french() == "1er mars 2026");
        CHECK(Date{2026, 8, 15}.french() == "15 août 2026");
        CHECK(Date{2026, 8, 31}.plus_months(6) == Date{2027, 2, 28});
        CHECK(Date{2026, 5, 4}.plus_months(6) == Date{2026, 11, 4});
        CHECK(Date::from_days(Date{2026, 3, 2}.days_since_epoch()) == Date{2026, 3, 2});
    }

    TEST_CASE("times of day") {
        CHECK(parse_time_of_day("09:30") == TimeOfDay{9, 30});
        CHECK(parse_time_of_day("9:30") == TimeOfDay{9, 30});
        CHECK(parse_time_of_day("14h00") == TimeOfDay{14, 0});
        CHECK_THROWS_AS(parse_time_of_day("24:00"), UsageError);
        CHECK_THROWS_AS(parse_time_of_day("12:60"), UsageError);
        CHECK_THROWS_AS(parse_time_of_day("12"), UsageError);
    }

    TEST_CASE("minutes shown to people") {
        CHECK(format_minutes(0) == "0h");
        CHECK(format_minutes(45) == "45min");
        CHECK(format_minutes(60) == "1h");
        CHECK(format_minutes(150) == "2h30");
        CHECK(format_minutes(1020) == "17h");
        CHECK(format_minutes(-30) == "-30min");
    }

    TEST_CASE("terms and their aliases") {
        CHECK(resolve_term(session_kinds(), "interview", "type") == "entretien");
        CHECK(resolve_term(session_kinds(), "Enquête", "type") == "enquete");
        CHECK(resolve_term(session_kinds(), "travail personnel", "type") == "travail-personnel");
        CHECK(resolve_term(skill_types(), "Savoir-Être", "type") == "savoir-etre");
        CHECK(resolve_term(skill_types(), "savoir être", "type") == "savoir-etre");
        CHECK(resolve_term(session_modes(), "présentiel", "mode") == "presentiel");
        CHECK(resolve_term(funding_kinds(), "France Travail", "f") == "france-travail");
        CHECK_THROWS_WITH_AS(resolve_term(session_kinds(), "visite", "type de séance"),
                             doctest::Contains("entretien, test, enquete, travail-personnel"),
                             UsageError);
    }

    TEST_CASE("text hygiene") {
        CHECK_NOTHROW(require_clean_text("Élodie « ok » 🎉\nligne", "t"));
        CHECK_THROWS_AS(require_clean_text(std::string("a\0b", 3), "t"), UsageError);
        CHECK_THROWS_AS(require_clean_text("\xff", "t"), UsageError);
        CHECK_THROWS_AS(require_clean_text("\xc3", "t"), UsageError);
        CHECK_THROWS_AS(require_clean_text("\xed\xa0\x80", "t"), UsageError); // surrogate
        CHECK_THROWS_AS(require_clean_text("\x1b[31m", "t"), UsageError);
    }
}
