// src/core/agenda.cpp: the counsellor's calendar of sessions and deadlines.
#include "bilan/agenda.hpp"

#include <doctest/doctest.h>

using namespace bilan;

namespace {

Session session(std::string id, Date date, std::string state) {
    Session s;
    s.id = std::move(id);
    s.date = date;
    s.phase = "investigation";
    s.minutes = 90;
    s.state = std::move(state);
    return s;
}

} // namespace

TEST_SUITE("agenda") {
    TEST_CASE("initials: each word's, hyphenated parts apart, letters in capitals") {
        CHECK(initials("Anne Roux") == "A. R.");
        CHECK(initials("Jean-Pierre  de la Fontaine") == "J.-P. D. L. F.");
        CHECK(initials("élodie Ñúñez") == "É. Ñ.");
        CHECK(initials("« Anne », Roux;\nX") == "A. R. X.");
        CHECK(initials("") == "");
    }

    TEST_CASE("a UID is the folder's name and the record's, nothing a line could break on") {
        CHECK(event_uid("claire-martin", "3f9a0b12") == "claire-martin-3f9a0b12@bilan");
        CHECK(event_uid("Hélène R.", "suivi") == "H%C3%A9l%C3%A8ne%20R.-suivi@bilan");
        CHECK(event_uid("a;b\nc", "x") == "a%3Bb%0Ac-x@bilan");
    }

    TEST_CASE("sessions by state, deadlines all day, initials unless names are asked for") {
        AgendaBilan b;
        b.name = "anne";
        b.beneficiary = "Anne Roux";
        b.sessions = {session("00000002", {2026, 3, 30}, "prevue"),
                      session("00000001", {2026, 3, 27}, "tenue"),
                      session("00000003", {2026, 3, 31}, "annulee")};
        b.sessions[0].from = TimeOfDay{14, 0};
        b.sessions[0].to = TimeOfDay{16, 0};
        b.sessions[0].link = "https://visio.exemple.fr/a";
        b.sessions[2].motif = "absence";
        b.sessions[1].note = "confidentiel";
        b.deadlines = {{"action", {2026, 3, 28}, "Écrire au secret", {}, "0000a001"},
                       {"action", {2026, 4, 2}, "Autre", {}, "0000a002"},
                       {"suivi", {2026, 9, 2}, "", {}},
                       {"suivi", {2026, 9, 3}, "", {}}};
        const std::string text = agenda_calendar({b}, {});
        CHECK(text.find("SUMMARY:Bilan — A. R. — investigation") != std::string::npos);
        CHECK(text.find("Roux") == std::string::npos);
        CHECK(text.find("confidentiel") == std::string::npos);
        CHECK(text.find("secret") == std::string::npos);
        // An action's UID is its id's: doing the first one leaves the second's event in place.
        CHECK(text.find("UID:anne-action-0000a001@bilan") != std::string::npos);
        CHECK(text.find("UID:anne-action-0000a002@bilan") != std::string::npos);
        CHECK(text.find("UID:anne-suivi@bilan") != std::string::npos);
        CHECK(text.find("UID:anne-suivi-2@bilan") != std::string::npos);
        // date order: the 27th, the action of the 28th, the 30th, the 31st
        const auto at = [&](const char* what) { return text.find(what); };
        CHECK(at("UID:anne-00000001") < at("UID:anne-action-0000a001@"));
        CHECK(at("UID:anne-action-0000a001@") < at("UID:anne-00000002"));
        CHECK(at("UID:anne-00000002") < at("UID:anne-00000003"));
        CHECK(text.find("STATUS:CONFIRMED") < text.find("STATUS:TENTATIVE"));
        CHECK(text.find("STATUS:CANCELLED") != std::string::npos);
        CHECK(text.find("URL:https://visio.exemple.fr/a") != std::string::npos);
        CHECK(text.find("TZID:Europe/Paris") != std::string::npos);

        const std::string named = agenda_calendar({b}, {.from = {}, .until = {}, .names = true});
        CHECK(named.find("SUMMARY:Bilan — Anne Roux — investigation") != std::string::npos);
        CHECK(named.find("Écrire au secret") != std::string::npos);

        const std::string range =
            agenda_calendar({b}, {.from = Date{2026, 3, 28}, .until = Date{2026, 3, 30}});
        CHECK(range.find("00000001") == std::string::npos);
        CHECK(range.find("00000003") == std::string::npos);
        CHECK(range.find("00000002") != std::string::npos);
    }
}
