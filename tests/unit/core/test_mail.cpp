// src/core/mail.cpp: the e-mail drafts' headers and encodings.
#include "bilan/mail.hpp"

#include <doctest/doctest.h>

using namespace bilan;

TEST_SUITE("mail") {
    TEST_CASE("plain ASCII stays, anything else is RFC 2047 base64 in words of 75 at most") {
        CHECK(mail::header_text("Rappel") == "Rappel");
        CHECK(mail::header_text("Séance") == "=?UTF-8?B?U8OpYW5jZQ==?=");
        CHECK(mail::header_text("a =?x?= b").starts_with("=?UTF-8?B?"));
        const std::string long_text(100, 'e');
        CHECK(mail::header_text(long_text + "é").find("\r\n =?UTF-8?B?") != std::string::npos);
        for (std::size_t at = 0;;) {
            const std::size_t end = mail::header_text(long_text + "é").find("\r\n", at);
            const std::string word = mail::header_text(long_text + "é").substr(at, end - at);
            CHECK(word.size() <= 76); // the folding space and 75
            if (end == std::string::npos) break;
            at = end + 2;
        }
    }

    TEST_CASE("a line break in a name never starts a header") {
        const std::string box = mail::mailbox("Anne\r\nBcc: x@y.fr", "anne@exemple.fr");
        CHECK(box == "\"Anne  Bcc: x@y.fr\" <anne@exemple.fr>");
        CHECK(mail::mailbox("Dit \"A\\B\"", "a@b.fr") == "\"Dit \\\"A\\\\B\\\"\" <a@b.fr>");
        CHECK(mail::mailbox("", "a@b.fr") == "a@b.fr");
        CHECK(mail::mailbox("Élodie", "e@b.fr") == "=?UTF-8?B?w4lsb2RpZQ==?= <e@b.fr>");
    }

    TEST_CASE("quoted-printable: = and non-ASCII escaped, trailing spaces kept, lines of 76") {
        CHECK(mail::quoted_printable("a=b é") == "a=3Db =C3=A9\r\n");
        CHECK(mail::quoted_printable("fin \nsuite") == "fin=20\r\nsuite\r\n");
        const std::string encoded = mail::quoted_printable(std::string(200, 'x'));
        for (std::size_t at = 0; at < encoded.size();) {
            const std::size_t end = encoded.find("\r\n", at);
            CHECK(end - at <= 76);
            at = end + 2;
        }
    }

    TEST_CASE("base64 in lines of 76") {
        CHECK(mail::base64("") == "");
        CHECK(mail::base64("bilan") == "YmlsYW4=\r\n");
        CHECK(mail::base64(std::string(60, 'a')).find("\r\n") == 76);
    }

    TEST_CASE("the Date header: weekday, month, offset") {
        CHECK(mail::date_header({2026, 3, 20}, {9, 0}, 60) == "Fri, 20 Mar 2026 09:00:00 +0100");
        CHECK(mail::date_header({2026, 3, 29}, {9, 5}, 120) == "Sun, 29 Mar 2026 09:05:00 +0200");
    }

    TEST_CASE("a draft: X-Unsent, headers in order, a multipart with its attachment") {
        mail::Draft d;
        d.date = "Fri, 20 Mar 2026 09:00:00 +0100";
        d.message_id = "x-convocation-1@bilan";
        d.to_name = "Anne";
        d.to_address = "anne@exemple.fr";
        d.subject = "Séance";
        d.body = "Bonjour\n";
        CHECK(mail::draft_text(d).find("From:") == std::string::npos);
        CHECK(mail::draft_text(d).find("X-Unsent: 1\r\n") != std::string::npos);
        d.attachment = mail::Attachment{"seance.ics", "text/calendar", "BEGIN:VCALENDAR"};
        const std::string text = mail::draft_text(d);
        CHECK(text.find("boundary=\"=_bilan_x-convocation-1bilan\"") != std::string::npos);
        CHECK(text.find("filename=\"seance.ics\"") != std::string::npos);
        CHECK(text.ends_with("--=_bilan_x-convocation-1bilan--\r\n"));
    }
}
