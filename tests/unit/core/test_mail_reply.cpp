// src/core/mail_reply.cpp: what bilan keeps of a beneficiary's reply, and whether it quotes the
// session's code however her mail program encoded it.
#include "bilan/mail_reply.hpp"

#include <doctest/doctest.h>

using namespace bilan;

TEST_SUITE("core.mail_reply") {
    TEST_CASE("the headers, unfolded, in any case; ASCII only; no From or Date, no message") {
        const std::string raw = "from: Anne <a@x.fr>\r\nDATE: Tue, 31 Mar 2026 10:12:00 +0200\r\n"
                                "Message-Id: <1@x.fr>\r\nDKIM-Signature: v=1; a=rsa-sha256;\r\n"
                                "\td=x.fr; s=s1; bh=abc; b=def\r\nReceived: from a\r\n by b\r\n"
                                "Received: from c by d\xc3\xa9\r\n\r\nbody: not a header\r\n";
        const auto h = reply_headers(raw);
        REQUIRE(h);
        CHECK(h->from == "Anne <a@x.fr>");
        CHECK(h->date == "Tue, 31 Mar 2026 10:12:00 +0200");
        CHECK(h->message_id == "<1@x.fr>");
        CHECK(h->dkim == "d=x.fr; s=s1");
        CHECK(h->received == "from a by b\nfrom c by d");
        CHECK_FALSE(h->unsent);
        CHECK(reply_headers("From: a\r\nDate: b\r\nx-unsent:  1\r\n\r\n")->unsent);
        CHECK_FALSE(reply_headers("Date: x\r\n\r\nno From\r\n"));
        CHECK_FALSE(reply_headers("just some text, no header block\n"));
        CHECK_FALSE(reply_headers(""));
    }

    TEST_CASE("the code as written, across a quoted-printable soft break, or in base64") {
        CHECK(quotes_code("From: a\r\nDate: b\r\n\r\n> Code : 8ACB-FCDC\r\n", "8ACB-FCDC"));
        CHECK(quotes_code("From: a\r\n\r\nCode : 8ACB=\r\n-FCDC\r\n", "8ACB-FCDC"));
        // "Code : 8ACB-FCDC\n" in base64, over two lines
        CHECK(quotes_code("From: a\r\n\r\nQ29kZSA6IDhB\r\nQ0ItRkNEQwo=\r\n", "8ACB-FCDC"));
        CHECK_FALSE(quotes_code("From: a\r\n\r\nCode : 8ACB-FCDD\r\n", "8ACB-FCDC"));
        CHECK_FALSE(quotes_code("anything", ""));
    }
}
