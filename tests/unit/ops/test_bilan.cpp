// The operations on the bilan itself and its sessions (src/ops/bilan.cpp), on a real folder:
// init takes its practice's name, `set` checks a field by its kind and never lets the start
// follow the end, a session a year before the start is a slip of the year, evidence is only
// appended, a version of the synthesis goes only where a consent lets it.
#include "bilan/errors.hpp"
#include "bilan/ops/bilan.hpp"
#include "bilan/ops/consents.hpp"
#include "bilan/ops/substance.hpp"
#include "bilan/sha256.hpp"
#include "support/temp_bilan.hpp"

#include <doctest/doctest.h>

using namespace bilan;
using bilan::test::contains;
using bilan::test::refusal;
using bilan::test::sentence;
using bilan::test::sentence_line;
using bilan::test::TempBilan;

namespace {

// The command line's date parser, with a fixed today.
Date parse(std::string_view text) {
    return parse_date(text, Date{2026, 3, 2});
}

Session session_on(const Date& date, const std::string& phase = "investigation", int minutes = 90) {
    Session s;
    s.date = date;
    s.phase = phase;
    s.minutes = minutes;
    return s;
}

std::string add(const TempBilan& bilan, const Session& session, ops::Notes* notes = nullptr,
                bool force = false) {
    std::string id;
    const ops::Notes said = ops::add_session(
        bilan.store(), session, [&](const std::string& new_id) { id = new_id; }, force);
    if (notes) *notes = said;
    return id;
}

} // namespace

TEST_SUITE("ops.bilan") {
    TEST_CASE("open_bilan: inside a practice folder, the bilan takes the practice's name") {
        bilan::test::TempFolder temp;
        const bilan::test::QuietEnvironment quiet;
        ops::open_practice(temp.root(), TempBilan::example_practice());
        ops::NewBilan request = bilan::test::claire_martin();
        request.dir = temp.root() / "claire";
        request.funding = "CPF"; // as typed: resolved with the framework
        ops::open_bilan(request);
        const std::string text = temp.read("claire/bilan.toml");
        CHECK(contains(text, "organisation = \"Cabinet Horizons Mosaïque\""));
        CHECK(contains(text, "funding = \"cpf\""));

        request.dir = temp.root() / "other";
        request.organisation_given = true; // --organisation "" keeps none
        ops::open_bilan(request);
        CHECK_FALSE(contains(temp.read("other/bilan.toml"), "organisation"));
    }

    TEST_CASE("open_bilan: a broken practice.toml above stops the init, nothing is created") {
        bilan::test::TempFolder temp;
        const bilan::test::QuietEnvironment quiet;
        temp.write("practice.toml", "name = \n");
        ops::NewBilan request = bilan::test::claire_martin();
        request.dir = temp.root() / "claire";
        CHECK_THROWS_AS(ops::open_bilan(request), DataError);
        CHECK_FALSE(temp.exists("claire"));
    }

    TEST_CASE("open_bilan: a funding the framework does not name is a usage error") {
        bilan::test::TempFolder temp;
        const bilan::test::QuietEnvironment quiet;
        ops::NewBilan request = bilan::test::claire_martin();
        request.dir = temp.root() / "claire";
        request.funding = "loterie";
        CHECK_THROWS_AS(ops::open_bilan(request), UsageError);
        CHECK_FALSE(temp.exists("claire"));
    }

    TEST_CASE("set_bilan_field: the key is folded, the date parsed, the file spliced") {
        const TempBilan bilan;
        ops::set_bilan_field(bilan.store(), "END", "2026-05-04", parse);
        CHECK(contains(bilan.read("bilan.toml"), "end = 2026-05-04"));
        ops::set_bilan_field(bilan.store(), "end", "", parse); // an optional field removed
        CHECK_FALSE(contains(bilan.read("bilan.toml"), "end ="));
    }

    TEST_CASE("set_bilan_field: contacts checked, a number stored in its international form") {
        const TempBilan bilan;
        const auto before = bilan.snapshot();
        CHECK_THROWS_AS(ops::set_bilan_field(bilan.store(), "email", "anne@exemple", parse),
                        UsageError);
        CHECK_THROWS_AS(ops::set_bilan_field(bilan.store(), "telephone", "12 34", parse),
                        UsageError);
        CHECK(bilan.snapshot() == before);
        ops::set_bilan_field(bilan.store(), "telephone", "06.12.34.56.78", parse);
        ops::set_bilan_field(bilan.store(), "email", "anne@exemple.fr", parse);
        CHECK(contains(bilan.read("bilan.toml"), "telephone = \"+33 6 12 34 56 78\""));
        CHECK(contains(bilan.read("bilan.toml"), "email = \"anne@exemple.fr\""));
        CHECK(contains(bilan.read("bilan.toml"), "format = 5"));
    }

    TEST_CASE("set_bilan_field: the end never precedes the start, either way round") {
        const TempBilan bilan;
        ops::set_bilan_field(bilan.store(), "end", "2026-05-04", parse);
        const auto before = bilan.snapshot();
        CHECK(refusal([&] { ops::set_bilan_field(bilan.store(), "end", "2026-03-01", parse); }) ==
              "la fin (2026-03-01) précéderait le début (2026-03-02) : rien n'a "
              "été modifié");
        CHECK_THROWS_AS(ops::set_bilan_field(bilan.store(), "start", "2026-06-01", parse),
                        RefusedError);
        CHECK(bilan.snapshot() == before);
        ops::set_bilan_field(bilan.store(), "start", "2026-05-04", parse); // the same day is fine
    }

    TEST_CASE("set_bilan_field: a handover or an abandonment before the start is refused") {
        const TempBilan bilan;
        CHECK(refusal([&] {
                  ops::set_bilan_field(bilan.store(), "handover", "2026-03-01", parse);
              }) == "la remise de la synthèse (2026-03-01) précéderait le début "
                    "(2026-03-02) : rien n'a été modifié");
        CHECK_THROWS_AS(ops::set_bilan_field(bilan.store(), "abandoned", "2025-12-31", parse),
                        RefusedError);
        CHECK(contains(bilan.read("bilan.toml"), "format = 1"));
    }

    TEST_CASE("set_bilan_field: a handover raises the folder to format 4 in the same write") {
        const TempBilan bilan;
        ops::set_bilan_field(bilan.store(), "handover", "2026-05-04", parse);
        const std::string text = bilan.read("bilan.toml");
        CHECK(contains(text, "format = 4")); // the hash of the copy kept; the date alone is 3
        CHECK(contains(text, "handover = 2026-05-04"));
        CHECK(contains(text, "handover_sha256 = \"" + sha256_hex(bilan.read("synthese-remise.md")) +
                                 "\""));
    }

    TEST_CASE("set handover keeps the synthesis of that day; render gives it, --actuel today's") {
        const TempBilan bilan = TempBilan::example();
        const std::string before = ops::render_for(bilan.store(), std::nullopt);
        // The example's own copy, as git checked it out (0644), gone: the one set writes is new.
        std::filesystem::remove(bilan.dir() / "synthese-remise.md");
        CHECK(ops::set_bilan_field(bilan.store(), "handover", "2026-05-04", parse).empty());
        const std::string copy = bilan.read("synthese-remise.md");
        CHECK(copy == before); // the example was handed over that day already
        struct stat info {};
        REQUIRE(::stat((bilan.dir() / "synthese-remise.md").c_str(), &info) == 0);
        CHECK((info.st_mode & 0777) == 0600);

        // An action of the plan marked done afterwards changes nothing in it.
        const std::vector<Action> actions = ops::list_actions(bilan.store());
        const auto open =
            std::find_if(actions.begin(), actions.end(), [](const Action& a) { return !a.done; });
        REQUIRE(open != actions.end());
        ops::complete_action(bilan.store(), open->id);
        CHECK(ops::render_for(bilan.store(), std::nullopt) == copy);
        const std::string today = ops::render_for(bilan.store(), std::nullopt, true);
        CHECK(today != copy);
        // The version for a third party is made today, from what its consent allows.
        CHECK(ops::render_for(bilan.store(), std::string("France Travail")) !=
              ops::render_for(bilan.store(), std::nullopt));

        // Handed over again: the copy is made anew, and said so.
        const ops::Notes notes =
            ops::set_bilan_field(bilan.store(), "handover", "2026-05-05", parse);
        REQUIRE(notes.size() == 1);
        CHECK(notes[0].code == "handover.copy-replaced");
        CHECK(bilan.read("synthese-remise.md") ==
              ops::render_for(bilan.store(), std::nullopt, true));
        // Removed: the copy and its hash go; render is today's again.
        ops::set_bilan_field(bilan.store(), "handover", "", parse);
        CHECK_FALSE(bilan.exists("synthese-remise.md"));
        CHECK_FALSE(contains(bilan.read("bilan.toml"), "handover_sha256"));
    }

    TEST_CASE("render and check refuse a copy handed over that is gone or altered") {
        const TempBilan bilan;
        ops::set_bilan_field(bilan.store(), "handover", "2026-05-04", parse);
        const std::string copy = bilan.read("synthese-remise.md");
        // The problems of the copy, among those of a folder still to be completed.
        const auto copy_problems = [&] {
            ops::Notes notes;
            std::vector<Problem> found = ops::check(bilan.store(), Date{2026, 5, 4}, notes);
            std::erase_if(found, [](const Problem& p) { return !p.code.starts_with("handover."); });
            return found;
        };
        CHECK(copy_problems().empty());

        bilan.write("synthese-remise.md", copy + "Une ligne ajoutée.\n");
        CHECK(contains(refusal([&] { ops::render_for(bilan.store(), std::nullopt); }),
                       "modifiée depuis sa remise le 2026-05-04"));
        std::vector<Problem> problems = copy_problems();
        REQUIRE(problems.size() == 1);
        CHECK(problems[0].code == "handover.copy-altered");
        CHECK(contains(problems[0].where->file, "synthese-remise.md"));
        CHECK(ops::render_for(bilan.store(), std::nullopt, true) == copy); // today's still made

        std::filesystem::remove(bilan.dir() / "synthese-remise.md");
        CHECK(contains(refusal([&] { ops::render_for(bilan.store(), std::nullopt); }),
                       "n'y est plus"));
        problems = copy_problems();
        REQUIRE(problems.size() == 1);
        CHECK(problems[0].code == "handover.copy-missing");

        // A copy without its hash is not taken for the document handed over.
        ops::set_bilan_field(bilan.store(), "handover", "", parse);
        bilan.write("synthese-remise.md", copy);
        problems = copy_problems();
        REQUIRE(problems.size() == 1);
        CHECK(problems[0].code == "handover.copy-without-hash");
        // Nor printed in silence for it, nor replaced by today's: --actuel is asked for.
        CHECK(contains(refusal([&] { ops::render_for(bilan.store(), std::nullopt); }),
                       "sans empreinte"));
        CHECK_FALSE(ops::render_for(bilan.store(), std::nullopt, true).empty());
    }

    TEST_CASE("a refused handover writes neither the copy nor the hash") {
        const TempBilan bilan;
        const auto files = bilan.snapshot();
        CHECK_THROWS_AS(ops::set_bilan_field(bilan.store(), "handover", "2026-03-01", parse),
                        RefusedError);
        bilan.write("skills/0000000f.toml", "text = \n"); // a file at fault: no synthesis
        const auto with_bad_file = bilan.snapshot();
        CHECK_THROWS_AS(ops::set_bilan_field(bilan.store(), "handover", "2026-05-04", parse),
                        DataError);
        CHECK(bilan.snapshot() == with_bad_file);
        CHECK(files.size() + 1 == with_bad_file.size());
    }

    TEST_CASE("set_bilan_field: unknown key, empty required field, unknown term: usage errors") {
        const TempBilan bilan;
        CHECK_THROWS_WITH_AS(ops::set_bilan_field(bilan.store(), "benficiary", "X", parse),
                             doctest::Contains("champ inconnu « benficiary »"), UsageError);
        CHECK_THROWS_WITH_AS(ops::set_bilan_field(bilan.store(), "beneficiary", "", parse),
                             "« beneficiary » ne peut pas être vide", UsageError);
        CHECK_THROWS_AS(ops::set_bilan_field(bilan.store(), "handover-mode", "pigeon", parse),
                        UsageError);
        CHECK_THROWS_AS(ops::set_bilan_field(bilan.store(), "funding", "loterie", parse),
                        UsageError);
        CHECK_THROWS_AS(ops::set_bilan_field(bilan.store(), "framework", "../x.toml", parse),
                        Error);
    }

    TEST_CASE("set_bilan_field: a framework that lacks the bilan's funding is refused") {
        ops::NewBilan request = bilan::test::claire_martin();
        request.funding = "cpf";
        const TempBilan bilan(request);
        CHECK(contains(
            refusal([&] { ops::set_bilan_field(bilan.store(), "framework", "be", parse); }),
            "le financement « cpf » n'existe pas dans le cadre "
            "be"));
        ops::set_bilan_field(bilan.store(), "funding", "", parse);
        ops::set_bilan_field(bilan.store(), "framework", "be", parse);
        CHECK(contains(bilan.read("bilan.toml"), "framework = \"be\""));
    }

    TEST_CASE("add_session: a session more than a year before the start is refused unless forced") {
        const TempBilan bilan;
        CHECK(contains(refusal([&] {
                           add(bilan, session_on({2025, 3, 1}));
                       }),
                       "séance du 2025-03-01 : plus d'un an avant le "
                       "début du bilan (2026-03-02)"));
        CHECK(ops::list_sessions(bilan.store(), "").sessions.empty());
        ops::Notes notes;
        CHECK_FALSE(add(bilan, session_on({2025, 3, 1}), &notes, true).empty());
        REQUIRE(notes.size() == 1);
        CHECK(sentence(notes[0]) == "séance du 2025-03-01 avant le début du bilan (2026-03-02)");
        // A year before to the day leaves room for an entretien préalable held long before.
        CHECK_FALSE(add(bilan, session_on({2025, 3, 2}, "prealable")).empty());
    }

    TEST_CASE("add_session: the phase is resolved by the framework, the cap is said once passed") {
        const TempBilan bilan;
        ops::Notes notes;
        add(bilan, session_on({2026, 3, 3}, "preliminary", 1400), &notes);
        CHECK(notes.empty());
        const ops::SessionList list = ops::list_sessions(bilan.store(), "");
        REQUIRE(list.sessions.size() == 1);
        CHECK(list.sessions[0].phase == "preliminaire");
        add(bilan, session_on({2026, 3, 4}, "investigation", 60), &notes);
        REQUIRE(notes.size() == 1);
        CHECK(sentence(notes[0]) ==
              "avec cette séance, le bilan compte 24h20 pour un plafond de 24h");
        // The préalable is outside the bilan: no cap.
        add(bilan, session_on({2026, 3, 5}, "prealable", 60), &notes);
        CHECK(notes.empty());
        CHECK_THROWS_AS(add(bilan, session_on({2026, 3, 6}, "sieste")), UsageError);
    }

    TEST_CASE("list_sessions: by date, those of one phase when it is given") {
        const TempBilan bilan;
        add(bilan, session_on({2026, 3, 20}, "investigation"));
        add(bilan, session_on({2026, 3, 3}, "preliminaire"));
        add(bilan, session_on({2026, 3, 10}, "investigation"));
        const ops::SessionList all = ops::list_sessions(bilan.store(), "");
        REQUIRE(all.sessions.size() == 3);
        CHECK(all.sessions[0].date == Date{2026, 3, 3});
        CHECK(all.sessions[2].date == Date{2026, 3, 20});
        const ops::SessionList some = ops::list_sessions(bilan.store(), "Investigation");
        CHECK(some.phase == "investigation");
        CHECK(some.sessions.size() == 2);
    }

    TEST_CASE("a planned session counts nowhere until held; a cancelled one, never") {
        const TempBilan bilan;
        const std::string held = add(bilan, session_on({2026, 3, 3}, "investigation", 120));
        Session ahead = session_on({2026, 3, 20}, "investigation", 90);
        ahead.state = "prevue";
        ops::Notes notes;
        const std::string planned = add(bilan, ahead, &notes);
        REQUIRE(notes.size() == 1);
        CHECK(notes[0].code == "session.planned");
        CHECK(contains(bilan.read("bilan.toml"), "format = 4"));
        const auto done_minutes = [&] {
            const ops::Loaded loaded = ops::read_status(bilan.store());
            REQUIRE(loaded.folder.sessions.size() + loaded.folder.unheld_sessions.size() == 2);
            return hour_report(loaded.framework, loaded.folder).counted_minutes;
        };
        CHECK(done_minutes() == 120);
        // Held at other times than planned: the times make its duration.
        notes = ops::hold_session(bilan.store(), planned.substr(0, 4),
                                  ops::SessionTimes{{9, 0}, {11, 30}}, {2026, 3, 20});
        REQUIRE(notes.size() == 1);
        CHECK(notes[0].code == "session.duration-changed");
        CHECK(done_minutes() == 120 + 150);
        CHECK(!contains(bilan.read("sessions/" + planned + ".toml"), "state"));
        // Said held before its day: a slip of the date?
        notes = ops::hold_session(bilan.store(), planned, std::nullopt, {2026, 3, 19});
        REQUIRE(!notes.empty());
        CHECK(notes[0].code == "session.held-ahead");
        // Cancelled: out of every figure, its file kept with its motif.
        ops::cancel_session(bilan.store(), planned, "absence");
        CHECK(done_minutes() == 120);
        CHECK(contains(bilan.read("sessions/" + planned + ".toml"),
                       "state = \"annulee\"\nmotif = \"absence\""));
        CHECK_THROWS_AS(
            ops::attest_session(bilan.store(), planned, {"emargement", ""}, {2026, 3, 21}),
            RefusedError);
        // A session with evidence took place: it cannot be cancelled.
        ops::attest_session(bilan.store(), held, {"emargement", ""}, {2026, 3, 4});
        CHECK_THROWS_AS(ops::cancel_session(bilan.store(), held, "report"), RefusedError);
        CHECK_THROWS_AS(ops::hold_session(bilan.store(), held, ops::SessionTimes{{12, 0}, {9, 0}},
                                          {2026, 3, 20}),
                        UsageError);
    }

    TEST_CASE("attest_session: evidence is appended, a session to come and a remote one on paper "
              "are said") {
        const TempBilan bilan;
        Session remote = session_on({2026, 3, 10});
        remote.mode = "distance";
        const std::string id = add(bilan, remote);
        const Evidence paper{"emargement", "scan-10.pdf"};
        ops::Notes notes = ops::attest_session(bilan.store(), id.substr(0, 4), paper, {2026, 3, 9});
        REQUIRE(notes.size() == 2);
        CHECK(contains(sentence(notes[0]), "la séance du 2026-03-10 est à venir"));
        CHECK(contains(sentence(notes[1]),
                       "séance à distance : une feuille d'émargement prouve une présence "
                       "en salle"));
        notes = ops::attest_session(bilan.store(), id, {"journal-visio", "zoom-42"}, {2026, 3, 11});
        CHECK(notes.empty());
        const ops::SessionList list = ops::list_sessions(bilan.store(), "");
        REQUIRE(list.sessions.size() == 1);
        CHECK(list.sessions[0].evidence ==
              std::vector<Evidence>{paper, Evidence{"journal-visio", "zoom-42"}});
        CHECK(contains(bilan.read("bilan.toml"), "format = 2"));
        CHECK_THROWS_AS(ops::attest_session(bilan.store(), "ffffffff", paper, {2026, 3, 11}),
                        RefusedError);
    }

    TEST_CASE("set_session_times: the times make the duration, the rest of the file stays") {
        const TempBilan bilan;
        const std::string id = add(bilan, session_on({2026, 3, 10}));
        bilan.write("sessions/" + id + ".toml",
                    bilan.read("sessions/" + id + ".toml") + "# à la main\n");
        ops::Notes notes =
            ops::set_session_times(bilan.store(), id.substr(0, 4), {{9, 30}, {12, 0}});
        REQUIRE(notes.size() == 1);
        CHECK(notes[0].code == "session.duration-changed");
        CHECK(notes[0].value("after") == "150");
        const std::string file = bilan.read("sessions/" + id + ".toml");
        CHECK(contains(file, "from = 09:30:00\nto = 12:00:00\n"));
        CHECK(contains(file, "# à la main"));
        CHECK(!contains(file, "minutes"));
        const ops::SessionList list = ops::list_sessions(bilan.store(), "");
        REQUIRE(list.sessions.size() == 1);
        CHECK(list.sessions[0].minutes == 150);
        CHECK(ops::set_session_times(bilan.store(), id, {{9, 30}, {12, 0}}).empty());
        CHECK_THROWS_AS(ops::set_session_times(bilan.store(), id, {{12, 0}, {12, 0}}), UsageError);
        CHECK_THROWS_AS(ops::set_session_times(bilan.store(), "ffffffff", {{9, 0}, {10, 0}}),
                        RefusedError);
    }

    TEST_CASE("check: a CPF bilan in a practice without Qualiopi is a note, not a problem") {
        ops::NewBilan request = bilan::test::claire_martin();
        request.funding = "cpf";
        const TempBilan bilan(request);
        Practice practice = TempBilan::example_practice();
        practice.qualiopi.clear();
        bilan.practice(practice);
        ops::Notes notes;
        for (const Problem& problem : ops::check(bilan.store(), {2026, 3, 2}, notes))
            CHECK_FALSE(
                contains(sentence_line(problem), "practice.toml")); // only what the synthesis lacks
        REQUIRE(notes.size() == 1);
        CHECK(contains(sentence(notes[0]), "pas de certification Qualiopi"));
        CHECK(contains(sentence(notes[0]), "« cpf » (L6316-1)"));
    }

    TEST_CASE("check: the practice's problems are listed with the bilan's own files") {
        const TempBilan bilan;
        bilan.temp().write("practice.toml", "name = \"Cabinet\"\nsiret = \"123\"\n");
        bilan.write("skills/0000beef.toml", "text = [\n");
        ops::Notes notes;
        const auto problems = ops::check(bilan.store(), {2026, 3, 2}, notes);
        REQUIRE(problems.size() >= 2);
        CHECK(contains(sentence_line(problems[0]), "skills/0000beef.toml"));
        CHECK(contains(sentence_line(problems[1]), "practice.toml"));
    }

    TEST_CASE("check: the framework's rules, the cap over many sessions and the bilan's dates") {
        const TempBilan bilan;
        ops::set_bilan_field(bilan.store(), "end", "2026-04-30", parse);
        for (const int day : {2, 3, 4, 5, 6, 9, 10, 11, 12, 13, 16, 17, 18})
            add(bilan, session_on({2026, 3, day}, "investigation", 120));
        add(bilan, session_on({2026, 5, 20}, "conclusion", 60));
        ops::Notes notes;
        const auto problems = ops::check(bilan.store(), {2026, 3, 20}, notes);
        std::string all;
        for (const Problem& p : problems)
            all += sentence_line(p) + "\n";
        CHECK(contains(all, "plafond dépassé : 27h comptées dans le bilan pour 24h au plus"));
        CHECK(contains(all, "du 2026-05-20 (conclusion) hors des dates du bilan (du 2026-03-02 au "
                            "2026-04-30)"));
    }

    TEST_CASE("check: a session held without evidence or times is a note") {
        const TempBilan bilan;
        add(bilan, session_on({2026, 3, 10}));
        ops::Notes notes;
        ops::check(bilan.store(), {2026, 3, 9}, notes);
        CHECK(notes.empty()); // still to come
        ops::check(bilan.store(), {2026, 3, 10}, notes);
        REQUIRE(notes.size() == 2);
        CHECK(contains(sentence(notes[0]), "sans preuve de présence"));
        CHECK(contains(sentence(notes[1]), "sans horaires"));
    }

    TEST_CASE("render_for: only the latest consent not revoked lets a version go") {
        const TempBilan bilan;
        CHECK(contains(
            refusal([&] { ops::render_for(bilan.store(), std::string("France Travail")); }),
            "aucun consentement de Claire Martin pour « France "
            "Travail »"));
        ops::grant_consent(bilan.store(), "France Travail", {2026, 3, 2}, std::nullopt);
        CHECK(contains(ops::render_for(bilan.store(), std::string("france travail")),
                       "Claire Martin"));
        ops::revoke_consent(bilan.store(), "France Travail", Date{2026, 4, 1});
        CHECK(contains(
            refusal([&] { ops::render_for(bilan.store(), std::string("France Travail")); }),
            "a été retiré le 2026-04-01 : rien n'est "
            "communiqué"));
        CHECK_THROWS_AS(ops::render_for(bilan.store(), std::string("!!")), UsageError);
        CHECK_FALSE(ops::render_for(bilan.store(), std::nullopt).empty());
    }

    TEST_CASE("bilan_field_names: the keys of `set`, in their order") {
        CHECK(ops::bilan_field_names().starts_with("beneficiary, start, end, funding"));
        CHECK(ops::bilan_field_keys().size() == 18);
        CHECK(ops::bilan_field_names().ends_with("abandon-reason, public, email, telephone"));
    }
}
