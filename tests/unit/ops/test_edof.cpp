// The CPF file's operations (src/ops/edof.cpp), on a real folder: an exit declared before the
// entry, or a duration and a reason without a partial service fait, are refused with nothing
// written; a late or early declaration is recorded and said (3 business days, the practice's
// calendar); a CPF file in a bilan that is none is a note. The business days themselves are
// tested in core/test_calendar.cpp and core/test_edof.cpp.
#include "bilan/edof_rules.hpp"
#include "bilan/errors.hpp"
#include "bilan/ops/bilan.hpp"
#include "bilan/ops/edof.hpp"
#include "bilan/ops/practice.hpp"
#include "support/temp_bilan.hpp"

#include <doctest/doctest.h>

using namespace bilan;
using bilan::test::contains;
using bilan::test::refusal;
using bilan::test::sentence;
using bilan::test::TempBilan;

namespace {

// A bilan funded as `funding`.
ops::NewBilan funded(const std::string& funding = "cpf", const std::string& framework = "fr") {
    ops::NewBilan request = bilan::test::claire_martin();
    request.funding = funding;
    request.framework = framework;
    return request;
}

// One counted session on each of `dates`.
void add_sessions(const TempBilan& bilan, std::initializer_list<Date> dates) {
    for (const Date& date : dates) {
        Session s;
        s.date = date;
        s.phase = "investigation";
        s.minutes = 120;
        ops::add_session(bilan.store(), s, bilan::test::ignore_id);
    }
}

ops::EdofEdit entry(const Date& on) {
    ops::EdofEdit edit;
    edit.entry_declared = on;
    return edit;
}

ops::EdofEdit exit_on(const Date& on) {
    ops::EdofEdit edit;
    edit.exit_declared = on;
    return edit;
}

Date parse(std::string_view text) {
    return parse_date(text, Date{2026, 3, 2});
}

} // namespace

TEST_SUITE("ops.edof") {
    TEST_CASE("set_edof: each field given replaces, an absent one stays, an empty one goes") {
        const TempBilan bilan(funded());
        add_sessions(bilan, {{2026, 5, 13}});
        ops::EdofEdit edit = entry({2026, 5, 15});
        edit.dossier = "123456789";
        edit.paid = Date{2026, 7, 1};
        CHECK(ops::set_edof(bilan.store(), edit).empty());
        ops::EdofEdit second;
        second.paid = std::optional<Date>{};
        second.service_fait = "total";
        ops::set_edof(bilan.store(), second);
        const EdofFile e = ops::read_edof(bilan.store()).folder.edof;
        CHECK(e.dossier == "123456789");
        CHECK(e.entry_declared == Date{2026, 5, 15});
        CHECK(e.service_fait == "total");
        CHECK_FALSE(e.paid);
        CHECK(contains(bilan.read("bilan.toml"), "format = 2"));
    }

    TEST_CASE("set_edof: an exit before the entry is refused, nothing written") {
        const TempBilan bilan(funded());
        add_sessions(bilan, {{2026, 5, 13}});
        ops::EdofEdit both = entry({2026, 5, 15});
        both.exit_declared = Date{2026, 5, 14};
        const auto before = bilan.snapshot();
        CHECK(refusal([&] { ops::set_edof(bilan.store(), both); }) ==
              "la sortie déclarée (2026-05-14) précède l'entrée déclarée "
              "(2026-05-15) : rien n'a été modifié");
        CHECK(bilan.snapshot() == before); // not even the format raised
        ops::set_edof(bilan.store(), entry({2026, 5, 15}));
        CHECK_THROWS_AS(ops::set_edof(bilan.store(), exit_on({2026, 5, 14})), RefusedError);
    }

    TEST_CASE("set_edof: a duration or a reason without a partial service fait is refused") {
        const TempBilan bilan(funded());
        add_sessions(bilan, {{2026, 5, 13}});
        ops::EdofEdit minutes;
        minutes.minutes_not_done = std::optional<int>{120};
        CHECK(contains(refusal([&] { ops::set_edof(bilan.store(), minutes); }),
                       "ne valent que pour un service fait partiel"));
        ops::EdofEdit reason;
        reason.service_fait = "total";
        reason.reason = "abandon";
        CHECK_THROWS_AS(ops::set_edof(bilan.store(), reason), RefusedError);
        CHECK_FALSE(bilan.exists("edof.toml"));
    }

    TEST_CASE("set_edof: a partial service fait without its reason is recorded, and said") {
        const TempBilan bilan(funded());
        add_sessions(bilan, {{2026, 4, 20}});
        ops::EdofEdit edit = entry({2026, 4, 21});
        edit.service_fait = "partiel";
        edit.minutes_not_done = std::optional<int>{180};
        const ops::Notes notes = ops::set_edof(bilan.store(), edit);
        REQUIRE(notes.size() == 1);
        CHECK(contains(sentence(notes[0]), "service fait partiel sans motif"));
        ops::EdofEdit reason;
        reason.reason = "force-majeure";
        CHECK(ops::set_edof(bilan.store(), reason).empty());
        const ops::Loaded loaded = ops::read_edof(bilan.store());
        CHECK(contains(edof_text(loaded.framework, loaded.folder),
                       "partiel (3h non réalisées, force majeure)"));
    }

    // Wed 13 May 2026 + 3 business days: Thu 14 is Ascension, so Fri 15, Mon 18, Tue 19.
    TEST_CASE("set_edof: the entry on the third business day across Ascension, late the day "
              "after") {
        const TempBilan bilan(funded());
        add_sessions(bilan, {{2026, 5, 13}, {2026, 5, 20}});
        CHECK(ops::set_edof(bilan.store(), entry({2026, 5, 19})).empty());
        const ops::Notes late = ops::set_edof(bilan.store(), entry({2026, 5, 20}));
        REQUIRE(late.size() == 1);
        CHECK(contains(sentence(late[0]),
                       "déclaration d'entrée EDOF du 2026-05-20 en retard : due au plus "
                       "tard le 2026-05-19"));
        CHECK(contains(sentence(late[0]), "à vérifier"));
        CHECK(ops::read_edof(bilan.store()).folder.edof.entry_declared == Date{2026, 5, 20});
    }

    // Fri 22 May 2026, then the Whit Monday weekend: Tue 26, Wed 27, Thu 28 (third), Fri 29.
    TEST_CASE("set_edof: the entry across Whit Monday, on time on the third day, late on the "
              "fourth") {
        const TempBilan bilan(funded());
        add_sessions(bilan, {{2026, 5, 22}});
        CHECK(ops::set_edof(bilan.store(), entry({2026, 5, 28})).empty());
        const ops::Notes late = ops::set_edof(bilan.store(), entry({2026, 5, 29}));
        REQUIRE(late.size() == 1);
        CHECK(contains(sentence(late[0]), "en retard : due au plus tard le 2026-05-28"));
    }

    // The exit counts from the last counted session: Thu 30 Apr 2026, Fri 1 May off → Wed 6 May;
    // a follow-up session after it is outside the bilan.
    TEST_CASE("set_edof: the exit across May Day, from the last counted session") {
        const TempBilan bilan(funded());
        add_sessions(bilan, {{2026, 4, 20}, {2026, 4, 30}});
        Session followup;
        followup.date = Date{2026, 5, 4};
        followup.phase = "suivi";
        followup.minutes = 60;
        ops::add_session(bilan.store(), followup, bilan::test::ignore_id);
        ops::set_bilan_field(bilan.store(), "end", "2026-04-30", parse);
        ops::EdofEdit edit = entry({2026, 4, 21});
        edit.exit_declared = Date{2026, 5, 6};
        edit.service_fait = "total";
        CHECK(ops::set_edof(bilan.store(), edit).empty());
        const ops::Loaded loaded = ops::read_edof(bilan.store());
        CHECK(contains(edof_json(loaded.framework, loaded.folder), "\"exit_due\": \"2026-05-06\""));
        const ops::Notes late = ops::set_edof(bilan.store(), exit_on({2026, 5, 7}));
        REQUIRE(late.size() == 1);
        CHECK(contains(sentence(late[0]),
                       "déclaration de sortie EDOF du 2026-05-07 en retard : due au plus "
                       "tard le 2026-05-06"));
    }

    TEST_CASE("set_edof: an exit declared before the last counted session is said") {
        const TempBilan bilan(funded());
        add_sessions(bilan, {{2026, 4, 20}, {2026, 4, 30}});
        ops::EdofEdit edit = entry({2026, 4, 21});
        edit.exit_declared = Date{2026, 4, 28};
        const ops::Notes notes = ops::set_edof(bilan.store(), edit);
        REQUIRE(notes.size() == 1);
        CHECK(sentence(notes[0]) ==
              "déclaration de sortie EDOF du 2026-04-28 antérieure à la dernière séance "
              "comptée (2026-04-30) : la sortie se déclare une fois le bilan terminé");
    }

    // Wed 1 Apr 2026: Good Friday (3 Apr) is a holiday in Alsace-Moselle only.
    TEST_CASE("set_edof: the practice's Alsace-Moselle calendar moves the deadline a day") {
        const TempBilan bilan(funded());
        add_sessions(bilan, {{2026, 4, 1}});
        Practice practice = TempBilan::example_practice();
        practice.holidays = "alsace-moselle";
        bilan.practice(practice);
        CHECK(ops::read_edof(bilan.store()).folder.holidays == HolidayCalendar::alsace_moselle);
        CHECK(ops::set_edof(bilan.store(), entry({2026, 4, 8})).empty());
        ops::set_practice_field(bilan.dir(), "holidays", ""); // metropole again
        const ops::Notes late = ops::set_edof(bilan.store(), entry({2026, 4, 8}));
        REQUIRE(late.size() == 1);
        CHECK(contains(sentence(late[0]), "due au plus tard le 2026-04-07"));
    }

    TEST_CASE("set_edof: a CPF file in a bilan that is not CPF is a note, no deadline") {
        const TempBilan personal(funded("personnel"));
        add_sessions(personal, {{2026, 5, 13}});
        const ops::Notes notes = ops::set_edof(personal.store(), entry({2026, 6, 30}));
        REQUIRE(notes.size() == 1);
        CHECK(contains(sentence(notes[0]), "n'est pas financé par le CPF (funding « personnel »)"));

        // A `be` bilan has no CPF at all: its EDOF file is refused outright (issue 26, item 4).
        const TempBilan be(funded("fonds-social", "be"));
        add_sessions(be, {{2026, 5, 13}});
        try {
            ops::set_edof(be.store(), entry({2026, 6, 30}));
            FAIL("an EDOF file was accepted in a be bilan");
        } catch (const RefusedError& e) {
            REQUIRE(e.problem());
            CHECK(e.problem()->code == "jurisdiction.french-only");
        }
    }

    TEST_CASE("read_edof: nothing written, and refused outside a bilan") {
        const TempBilan bilan(funded());
        add_sessions(bilan, {{2026, 5, 13}});
        CHECK(ops::read_edof(bilan.store()).folder.edof.empty());
        CHECK_FALSE(bilan.exists("edof.toml"));
        const bilan::test::TempFolder temp;
        CHECK_THROWS_AS(ops::set_edof(store::Store(temp.root()), entry({2026, 5, 15})),
                        RefusedError);
        CHECK_FALSE(temp.exists("edof.toml"));
    }
}
