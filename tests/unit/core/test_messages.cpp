// src/core/messages.cpp: the templates of `bilan message` and the drafts made from them.
#include "bilan/errors.hpp"
#include "bilan/messages.hpp"

#include <doctest/doctest.h>

using namespace bilan;

namespace {

// Anne's bilan and a session of 27 March 2026 (a Friday, before the change to summer time).
MessageData anne(MessageKind kind, int minutes) {
    MessageData d;
    d.kind = kind;
    d.folder_name = "anne";
    d.bilan.beneficiary = "Anne Roux";
    d.bilan.email = "anne@exemple.fr";
    Session s;
    s.id = "3f9a0b12";
    s.date = Date{2026, 3, 27};
    s.minutes = minutes;
    d.session = s;
    return d;
}

} // namespace

TEST_SUITE("messages") {
    TEST_CASE("placeholders filled; a line whose placeholders are all empty left out") {
        const std::vector<std::pair<std::string, std::string>> values{
            {"a", "un"}, {"b", ""}, {"c", "trois"}};
        CHECK(fill_template("x {a}\nLieu : {b}\n{b}{c}\nfin", values) == "x un\ntrois\nfin");
        CHECK_THROWS_WITH_AS(fill_template("{nope}", values),
                             "modèle de message : le champ {nope} n'existe pas", UsageError);
    }

    TEST_CASE("drafts: every placeholder filled, dated the day they are meant to go") {
        MessageData d = anne(MessageKind::convocation, 150);
        d.phase_label = "Phase d'investigation";
        for (const auto& [name, meaning] : message_placeholders())
            CHECK_FALSE(meaning.empty());
        for (const MessageKind kind : {MessageKind::convocation, MessageKind::rappel}) {
            d.kind = kind;
            const mail::Draft draft = message_draft(d);
            CHECK(draft.to_address == "anne@exemple.fr");
            CHECK(draft.body.find('{') == std::string::npos);
            CHECK(draft.body.find("(phase d'investigation)") != std::string::npos);
            CHECK(draft.attachment.has_value() == (kind == MessageKind::convocation));
        }
        d.kind = MessageKind::convocation;
        CHECK(message_draft(d).date == "Fri, 20 Mar 2026 09:00:00 +0100");
        CHECK(message_draft(d).message_id == "anne-convocation-3f9a0b12@bilan");
        CHECK(message_draft(d).attachment->content.find("METHOD:REQUEST") != std::string::npos);
        d.kind = MessageKind::rappel;
        CHECK(message_draft(d).date == "Thu, 26 Mar 2026 09:00:00 +0100");
    }

    TEST_CASE("a practice's own texts replace the built-in ones, their placeholders checked") {
        CHECK_NOTHROW(check_message_template("Bonjour {beneficiaire}, {date} {lieu}"));
        CHECK_THROWS_WITH_AS(check_message_template("Bonjour {prenom}"),
                             "modèle de message : le champ {prenom} n'existe pas", UsageError);
        MessageData d = anne(MessageKind::rappel, 60);
        d.practice = Practice{};
        d.practice->message_templates = {{"rappel", "Chère {beneficiaire}\nLieu : {lieu}\nFin"},
                                         {"rappel-objet", "Demain\n{date}"}};
        const mail::Draft draft = message_draft(d);
        CHECK(draft.body == "Chère Anne Roux\nFin");
        CHECK(draft.subject == "Demain vendredi 27 mars 2026");
        d.kind = MessageKind::convocation; // no text of its own: the built-in one
        CHECK(message_draft(d).body.starts_with("Bonjour Anne Roux,"));
    }

    TEST_CASE("the acknowledgement code is the statement's SHA-256, 8 digits in two groups") {
        CHECK(acknowledgement_code("abc") == "BA78-16BF"); // SHA-256("abc") = ba7816bf…
        CHECK(acknowledgement_code("abd") != acknowledgement_code("abc"));
    }
}
