#include "bilan/errors.hpp"
#include "bilan/values.hpp"

#include <doctest/doctest.h>

using namespace bilan;

TEST_SUITE("values") {
    TEST_CASE("durations in every form the man page lists") {
        CHECK(parse_duration_minutes("2h30") == 150);
        CHECK(parse_duration_minutes("1h05") == 65);
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
        // Units in either case, and hours with minutes spelled out.
        CHECK(parse_duration_minutes("2H30") == 150);
        CHECK(parse_duration_minutes("90M") == 90);
        CHECK(parse_duration_minutes("90mn") == 90);
        CHECK(parse_duration_minutes("1h30m") == 90);
        CHECK(parse_duration_minutes("1h30min") == 90);
    }

    TEST_CASE("one digit of minutes is ambiguous, unless a unit says they are minutes") {
        CHECK_THROWS_WITH_AS(parse_duration_minutes("2h3"),
                             "durée ambiguë « 2h3 » : écrivez 2h03 ou 2h30", UsageError);
        CHECK_THROWS_WITH_AS(parse_duration_minutes("1H5"),
                             "durée ambiguë « 1H5 » : écrivez 1h05 ou 1h50", UsageError);
        CHECK_THROWS_WITH(parse_duration_minutes("2:3"), doctest::Contains("2:03 ou 2:30"));
        CHECK(parse_duration_minutes("2h3m") == 123);
        CHECK(parse_duration_minutes("2h03") == 123);
    }

    TEST_CASE("C1 controls and bidi overrides: refused as typed, escaped when shown") {
        CHECK_NOTHROW(require_typed_text("Élodie « ok » 🎉\nligne\tà l'œil", "t"));
        CHECK_THROWS_AS(require_typed_text("\x1b[31m", "t"), UsageError);
        for (const char* control :
             {"\u009b", "\u0085", "\u0080", "\u009f", "\u202a", "\u202e", "\u2066", "\u2069"}) {
            CAPTURE(control);
            CHECK_THROWS_WITH_AS(require_typed_text(std::string("a") + control + "b", "t"),
                                 doctest::Contains("caractère de contrôle non accepté"),
                                 UsageError);
            CHECK_NOTHROW(require_clean_text(std::string("a") + control + "b", "t"));
        }
        CHECK_NOTHROW(require_typed_text("\u00a0\u2028\u2065\u206a\u202f\u00c9", "t"));
        CHECK(escape_controls("a\u009b31m\u202eb\x1b\n") == "a\\u009b31m\\u202eb\\x1b\\n");
        CHECK(visible_line("a\tb\nc\u2066d\x7f") == "a b c\\u2066d\\x7f");
        CHECK(controls_as_spaces("a\u009bb\nc\u2069d\x01") == "a b\nc d ");
        CHECK(visible_line("déjà vu") == "déjà vu");
    }

    TEST_CASE("a duration that is not a whole number of minutes suggests the nearest one") {
        CHECK_THROWS_WITH(parse_duration_minutes("1.333"), doctest::Contains("essayez 1h20"));
        CHECK_THROWS_WITH(parse_duration_minutes("1.01"), doctest::Contains("essayez 1h01"));
        CHECK_THROWS_WITH(parse_duration_minutes("0.001"), doctest::Contains("essayez 1min"));
    }

    TEST_CASE("a month as people write one, and only a month") {
        for (const char* text : {"09/2008", "9/2008", "09-2008", "2008-09", " 2008-9 "})
            CHECK(parse_month(text) == Date{2008, 9, 1});
        for (const char* text : {"13/2008", "2008-13", "09/08", "2008-09-01", "09/2008/1", "sept",
                                 "", "0/2008", "09/1899"})
            CHECK_FALSE(parse_month(text));
        CHECK(iso_month(Date{2008, 9, 1}) == "2008-09");
        CHECK(french_month(Date{2008, 8, 1}) == "août 2008");
    }

    TEST_CASE("an impossible date names the year range only when the year is the cause") {
        const Date today{2026, 3, 10};
        CHECK_THROWS_WITH(parse_date("2026-02-30", today), "date impossible « 2026-02-30 »");
        CHECK_THROWS_WITH(parse_date("1800-02-03", today), doctest::Contains("1900 à 2199"));
    }

    TEST_CASE("only the words for today need today's date") {
        CHECK(names_today("today"));
        CHECK(names_today(" aujourd'hui "));
        CHECK_FALSE(names_today("2026-03-10"));
    }

    TEST_CASE("dates as people type them: any case, hier, demain, day first with dashes") {
        const Date today{2026, 3, 1};
        for (const char* word : {"Today", "TODAY", "AUJOURD'HUI", "Aujourd\u2019hui"}) {
            CHECK(names_today(word));
            CHECK(parse_date(word, today) == today);
        }
        CHECK(names_today("Hier"));
        CHECK(parse_date("hier", today) == Date{2026, 2, 28}); // across a month
        CHECK(parse_date(" DEMAIN ", Date{2026, 12, 31}) == Date{2027, 1, 1});
        CHECK(parse_date("03-12-2026", today) == Date{2026, 12, 3});
        CHECK(parse_date("3-12-2026", today) == Date{2026, 12, 3});
        CHECK(parse_date("3/12/2026", today) == Date{2026, 12, 3});
        CHECK_THROWS_AS(parse_date("hier", Date{}), UsageError); // a record file has no clock
        CHECK_THROWS_AS(parse_date("31-04-2026", today), UsageError);
        CHECK_THROWS_AS(parse_date("03-12-26", today), UsageError);
        CHECK_THROWS_AS(parse_date("avant-hier", today), UsageError);
    }

    TEST_CASE("an unknown term agrees with the noun naming it") {
        CHECK_THROWS_WITH(resolve_term(session_modes(), "bogus", "modalité"),
                          doctest::Contains("modalité inconnue « bogus »"));
        CHECK_THROWS_WITH(resolve_term(session_kinds(), "bogus", "type de séance"),
                          doctest::Contains("type de séance inconnu « bogus »"));
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
        CHECK(parse_date("2026-3-2", today) == Date{2026, 3, 2}); // as 2/3/2026 is
        CHECK_THROWS_AS(parse_date("2026-003-2", today), UsageError);
        CHECK_THROWS_AS(parse_date("2026-3-", today), UsageError);
        CHECK_THROWS_AS(parse_date("yesterday", today), UsageError);
        CHECK_THROWS_AS(parse_date("0000-01-01", today), UsageError);
        // No clock, no today (fuzz_folder): a record file's "today" was taken for 0-00-00,
        // which render could not spell.
        CHECK_THROWS_AS(parse_date("today", Date{}), UsageError);
        CHECK_THROWS_AS(parse_date(" aujourd'hui ", Date{}), UsageError);
        CHECK_THROWS_AS(parse_date("aujourdhui", Date{}), UsageError);
    }

    // What tests/e2e/test_session.sh once fed the binary one process each: the rules are here,
    // the suite keeps a few of each to show the command line reaches them.
    TEST_CASE("a session's values as typed: the forms taken and those refused") {
        const Date today{2026, 3, 10};
        for (const auto& entry : {std::pair{"2h30", 150},
                                  {"1h05", 65},
                                  {"90m", 90},
                                  {"2", 120},
                                  {"2.5", 150},
                                  {"2,5", 150},
                                  {"2:30", 150}}) {
            const auto& form = entry.first; // clang 14 cannot capture a binding
            const auto& minutes = entry.second;
            CAPTURE(form);
            CHECK(parse_duration_minutes(form) == minutes);
        }
        for (const auto& entry : {std::pair{"2026-03-05", Date{2026, 3, 5}},
                                  {"05/03/2026", Date{2026, 3, 5}},
                                  {"5/3/2026", Date{2026, 3, 5}},
                                  {"05-03-2026", Date{2026, 3, 5}},
                                  {"today", today},
                                  {"Today", today},
                                  {"AUJOURD'HUI", today},
                                  {"hier", Date{2026, 3, 9}},
                                  {"Demain", Date{2026, 3, 11}}}) {
            const auto& form = entry.first; // clang 14 cannot capture a binding
            const auto& date = entry.second;
            CAPTURE(form);
            CHECK(parse_date(form, today) == date);
        }
        for (const char* duration : {"0", "-2h", "25h", "90"}) {
            CAPTURE(duration);
            CHECK_THROWS_AS(parse_duration_minutes(duration), UsageError);
        }
        CHECK_THROWS_AS(parse_date("31/04/2026", today), UsageError);
        CHECK_THROWS_AS(parse_time_of_day("25:00"), UsageError);
        CHECK_THROWS_AS(parse_time_of_day("26:00"), UsageError);
        CHECK_THROWS_WITH_AS(resolve_term(session_kinds(), "sieste", "type de séance"),
                             doctest::Contains("type de séance inconnu « sieste »"), UsageError);
        CHECK_THROWS_WITH_AS(resolve_term(session_modes(), "avion", "modalité"),
                             doctest::Contains("modalité inconnue « avion »"), UsageError);
    }

    TEST_CASE("date arithmetic and text") {
        CHECK(Date{2026, 3, 2}.iso() == "2026-03-02");
        CHECK(Date{2026, 3, 1}.french() == "1er mars 2026");
        CHECK(Date{2026, 8, 15}.french() == "15 août 2026");
        CHECK(Date{2026, 8, 31}.plus_months(6) == Date{2027, 2, 28});
        CHECK(Date{2026, 5, 4}.plus_months(6) == Date{2026, 11, 4});
        CHECK(Date::from_days(Date{2026, 3, 2}.days_since_epoch()) == Date{2026, 3, 2});
    }

    TEST_CASE("months added past the last year give the right day, out of the date range") {
        // Three years after 2199-12-31 was 2202-12-28: the day was clamped by the range.
        CHECK(Date{2199, 12, 31}.plus_months(36) == Date{2202, 12, 31});
        CHECK(Date{2199, 8, 31}.plus_months(6) == Date{2200, 2, 28}); // 2200 is no leap year
        CHECK_FALSE(valid_date(2202, 12, 31));                        // and no reader would take it
    }

    TEST_CASE("times of day") {
        CHECK(parse_time_of_day("09:30") == TimeOfDay{9, 30});
        CHECK(parse_time_of_day("9:30") == TimeOfDay{9, 30});
        CHECK(parse_time_of_day("14h00") == TimeOfDay{14, 0});
        CHECK_THROWS_AS(parse_time_of_day("24:00"), UsageError);
        CHECK_THROWS_AS(parse_time_of_day("12:60"), UsageError);
        CHECK_THROWS_AS(parse_time_of_day("12"), UsageError);
        CHECK(parse_time_of_day("9h30") == TimeOfDay{9, 30});
        CHECK(parse_time_of_day("11h") == TimeOfDay{11, 0}); // as French people write it
        CHECK_THROWS_AS(parse_time_of_day("11:"), UsageError);
        CHECK_THROWS_AS(parse_time_of_day("9h5"), UsageError);
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
        CHECK_THROWS_WITH_AS(
            resolve_term(session_kinds(), "visite", "type de séance"),
            doctest::Contains("entretien, test, atelier, enquete, travail-personnel"), UsageError);
    }

    TEST_CASE("text hygiene") {
        CHECK_NOTHROW(require_clean_text("Élodie « ok » 🎉\nligne", "t"));
        CHECK_THROWS_AS(require_clean_text(std::string("a\0b", 3), "t"), UsageError);
        CHECK_THROWS_AS(require_clean_text("\xff", "t"), UsageError);
        CHECK_THROWS_AS(require_clean_text("\xc3", "t"), UsageError);
        CHECK_THROWS_AS(require_clean_text("\xed\xa0\x80", "t"), UsageError); // surrogate
        CHECK_THROWS_AS(require_clean_text("\x1b[31m", "t"), UsageError);
        // Bytes that lead no UTF-8 sequence, followed by what would continue one (fuzz_values):
        // they were taken for the lead of three bytes, and a note written with one made a file
        // bilan could not read back.
        CHECK_THROWS_AS(require_clean_text("apti\xff\x97\x8dtue", "t"), UsageError);
        CHECK_THROWS_AS(require_clean_text("\xf5\x80\x80", "t"), UsageError);
        CHECK_THROWS_AS(require_clean_text("\xf8\x88\x80\x80", "t"), UsageError);
        CHECK_NOTHROW(require_clean_text("\xf4\x8f\xbf\xbf", "t")); // U+10FFFF, the last
    }
}
