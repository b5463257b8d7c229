// src/core/icalendar.cpp: RFC 5545 lines, values and zones as bilan writes them.
#include "bilan/icalendar.hpp"

#include <doctest/doctest.h>

using namespace bilan;

TEST_SUITE("icalendar") {
    TEST_CASE("TEXT escaping: backslash, semicolon, comma, line breaks") {
        CHECK(ics::escape_text("a\\b;c,d") == "a\\\\b\\;c\\,d");
        CHECK(ics::escape_text("un\ndeux\r\ntrois\rquatre") == "un\\ndeux\\ntrois\\nquatre");
        CHECK(ics::escape_text("tab\there") == "tab here");
        CHECK(ics::escape_text("Élodie « ok »") == "Élodie « ok »");
    }

    TEST_CASE("a short line is one line with CRLF") {
        CHECK(ics::content_line("BEGIN:VEVENT") == "BEGIN:VEVENT\r\n");
    }

    TEST_CASE("a long line is folded at 75 octets, never inside a UTF-8 sequence") {
        const std::string ascii(200, 'a');
        const std::string folded = ics::content_line(ascii);
        CHECK(folded.substr(0, 77) == std::string(75, 'a') + "\r\n");
        CHECK(folded.substr(77, 75) == " " + std::string(74, 'a'));
        // Unfolding gives the line back.
        std::string unfolded;
        for (std::size_t at = 0; at < folded.size();) {
            const std::size_t end = folded.find("\r\n", at);
            unfolded += folded.substr(at == 0 ? at : at + 1, end - (at == 0 ? at : at + 1));
            at = end + 2;
        }
        CHECK(unfolded == ascii);

        const std::string accents = "SUMMARY:" + std::string(66, 'x') + "ééééé"; // é: 2 octets
        const std::string cut = ics::content_line(accents);
        const std::size_t first_break = cut.find("\r\n");
        CHECK(first_break <= 75);
        CHECK((static_cast<unsigned char>(cut[first_break + 3]) & 0xC0) != 0x80);
        CHECK(first_break == 74); // 8 + 66 octets, then an é that does not fit whole
    }

    TEST_CASE("summer time from the last Sunday of March to the last Sunday of October") {
        CHECK(ics::utc_offset_minutes({2026, 3, 27}, {9, 30}) == 60);
        CHECK(ics::utc_offset_minutes({2026, 3, 29}, {1, 59}) == 60);
        CHECK(ics::utc_offset_minutes({2026, 3, 29}, {3, 0}) == 120);
        CHECK(ics::utc_offset_minutes({2026, 3, 30}, {14, 0}) == 120);
        CHECK(ics::utc_offset_minutes({2026, 10, 25}, {2, 30}) == 120);
        CHECK(ics::utc_offset_minutes({2026, 10, 25}, {3, 0}) == 60);
        CHECK(ics::utc_offset_minutes({2027, 3, 28}, {12, 0}) == 120);
        CHECK(ics::utc_offset_minutes({2027, 3, 27}, {12, 0}) == 60);
    }

    TEST_CASE("a calendar: a zone only for timed events, all-day events on their date") {
        ics::Event all_day;
        all_day.uid = "a-1@bilan";
        all_day.date = {2026, 12, 31};
        all_day.stamp = {2026, 12, 31};
        all_day.summary = "Fin, d'année";
        const std::string plain = ics::calendar_text({"", "", {all_day}});
        CHECK(plain.find("VTIMEZONE") == std::string::npos);
        CHECK(plain.find("DTSTART;VALUE=DATE:20261231\r\nDTEND;VALUE=DATE:20270101\r\n") !=
              std::string::npos);
        CHECK(plain.find("SUMMARY:Fin\\, d'année\r\n") != std::string::npos);
        CHECK(plain.find("DTSTAMP:20261231T000000Z\r\n") != std::string::npos);

        ics::Event timed = all_day;
        timed.from = TimeOfDay{9, 0};
        timed.to = TimeOfDay{10, 30};
        timed.zone = ics::Zone::brussels;
        const std::string text = ics::calendar_text({"REQUEST", "", {timed}});
        CHECK(text.find("METHOD:REQUEST\r\n") != std::string::npos);
        CHECK(text.find("TZID:Europe/Brussels\r\n") != std::string::npos);
        CHECK(text.find("DTSTART;TZID=Europe/Brussels:20261231T090000\r\n") != std::string::npos);
        CHECK(text.find("Europe/Paris") == std::string::npos);
        CHECK(text.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
        CHECK(text.ends_with("END:VEVENT\r\nEND:VCALENDAR\r\n"));
    }
}
