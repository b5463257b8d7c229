// The controls across bilans (controls.hpp): each anomaly on its own, found with its folders and
// records, never on a clean bilan; the overlaps of one counsellor across folders; the order and
// the outputs, byte for byte.
#include "bilan/controls.hpp"
#include "bilan/practice_report.hpp"
#include "bilan/store.hpp"
#include "cli/problems.hpp"
#include "support/french_framework.hpp"

#include <algorithm>
#include <doctest/doctest.h>

using namespace bilan;

namespace {

const Framework& be() {
    static const Framework framework = store::load_builtin_framework("be");
    return framework;
}

constexpr Date today{2026, 3, 20};

Session timed(std::string id, Date date, std::string phase, TimeOfDay from, TimeOfDay to,
              std::string kind = "entretien") {
    Session s;
    s.id = std::move(id);
    s.date = date;
    s.phase = std::move(phase);
    s.from = from;
    s.to = to;
    s.minutes = to.minutes() - from.minutes();
    s.kind = std::move(kind);
    s.evidence = {{"emargement", "scan.pdf"}};
    return s;
}

// Six weekday sessions of 2h30 from 9:00, each with its sheet: 15 h, over the floor, under the
// cap; ended on the last one; paid by the beneficiary (no convention, no CPF file).
Folder clean() {
    Folder folder;
    folder.bilan.beneficiary = "Claire Martin";
    folder.bilan.counsellor = "Hélène Rocher";
    folder.bilan.funding = "personnel";
    folder.bilan.start = Date{2026, 3, 2};
    folder.bilan.end = Date{2026, 3, 18};
    const std::array<std::pair<Date, const char*>, 6> days{{{{2026, 3, 2}, "preliminaire"},
                                                            {{2026, 3, 4}, "investigation"},
                                                            {{2026, 3, 9}, "investigation"},
                                                            {{2026, 3, 11}, "investigation"},
                                                            {{2026, 3, 16}, "conclusion"},
                                                            {{2026, 3, 18}, "conclusion"}}};
    for (const auto& [date, phase] : days)
        folder.sessions.push_back(timed("s" + date.iso(), date, phase, {9, 0}, {11, 30}));
    return folder;
}

std::vector<Anomaly> of(const Folder& folder, const Framework& framework = fr(),
                        std::optional<int> year = std::nullopt, Date on = today) {
    return bilan_anomalies(framework, folder, "cabinet/martin", on, year);
}

std::vector<std::string> codes(const std::vector<Anomaly>& anomalies) {
    std::vector<std::string> out;
    for (const Anomaly& a : anomalies)
        out.push_back(a.kind + " " + a.problem.code);
    return out;
}

const Anomaly* find(const std::vector<Anomaly>& anomalies, std::string_view code) {
    const auto it = std::find_if(anomalies.begin(), anomalies.end(),
                                 [&](const Anomaly& a) { return a.problem.code == code; });
    return it == anomalies.end() ? nullptr : &*it;
}

std::string say(const Problem& p) {
    return cli::problem_text(p);
}

} // namespace

TEST_SUITE("controls") {
    TEST_CASE("a clean bilan shows nothing") {
        CHECK(codes(of(clean())).empty());
        CHECK(overlap_anomalies({counsellor_schedule(clean(), "cabinet/martin", {})}).empty());
    }

    TEST_CASE("a session on a Sunday, a public holiday or at night") {
        Folder folder = clean();
        folder.sessions[1].date = Date{2026, 3, 8}; // a Sunday
        folder.sessions[2].date = Date{2026, 5, 14};
        folder.bilan.end = Date{2026, 5, 14};
        folder.sessions[3].from = TimeOfDay{20, 0};
        folder.sessions[3].to = TimeOfDay{22, 0};
        const auto found = of(folder);
        CHECK(codes(found) == std::vector<std::string>{"jour-ferie controle.sunday",
                                                       "jour-ferie controle.holiday",
                                                       "nuit controle.night"});
        const Anomaly& holiday = *find(found, "controle.holiday");
        CHECK(holiday.folders == std::vector<std::string>{"cabinet/martin"});
        CHECK(holiday.records ==
              std::vector<std::string>{"cabinet/martin/sessions/s2026-03-09.toml"});
        CHECK(holiday.date == Date{2026, 5, 14});
        CHECK(say(holiday.problem) ==
              "séance du 2026-05-14 (s2026-03-09) un jour férié : Ascension");
        CHECK(holiday.problem.source.find("L3133-1") != std::string::npos);
        CHECK(say(find(found, "controle.night")->problem).find("de 20:00 à 22:00") !=
              std::string::npos);
        // An evening up to 21:00 and a morning from 6:00 are not the night.
        folder.sessions[3].from = TimeOfDay{6, 0};
        folder.sessions[3].to = TimeOfDay{8, 0};
        folder.sessions[4].from = TimeOfDay{19, 0};
        folder.sessions[4].to = TimeOfDay{21, 0};
        CHECK_FALSE(find(of(folder), "controle.night"));
    }

    TEST_CASE("personal work alone on a Sunday is no anomaly; a Belgian bilan has no French "
              "holiday") {
        Folder folder = clean();
        Session alone = timed("perso", {2026, 3, 8}, "investigation", {9, 0}, {10, 0});
        alone.kind = "travail-personnel";
        folder.sessions.push_back(alone);
        CHECK(codes(of(folder)).empty());
        Folder belgian = clean();
        belgian.bilan.funding = "personnel";
        belgian.sessions[2].date = Date{2026, 5, 8}; // the 8th of May: French, not Belgian
        belgian.sessions[1].date = Date{2026, 3, 8};
        belgian.bilan.end = Date{2026, 5, 8};
        const auto found = of(belgian, be(), {}, Date{2026, 5, 20});
        CHECK(find(found, "controle.sunday"));
        CHECK_FALSE(find(found, "controle.holiday"));
        CHECK(find(of(belgian), "controle.holiday")); // the same in France
    }

    TEST_CASE("a held session with the counsellor without times, or without evidence") {
        Folder folder = clean();
        folder.sessions[0].from.reset();
        folder.sessions[0].to.reset();
        folder.sessions[1].evidence.clear();
        const auto found = of(folder);
        CHECK(codes(found) == std::vector<std::string>{"sans-horaires attendance.no-times",
                                                       "sans-preuve attendance.no-evidence"});
        CHECK(find(found, "attendance.no-evidence")->records ==
              std::vector<std::string>{"cabinet/martin/sessions/s2026-03-04.toml"});
        CHECK(find(found, "attendance.no-evidence")->problem.source == "Code du travail, L6362-6");
        // Held is held, even marked so ahead of its day (of a `today` before every session).
        CHECK(codes(of(folder, fr(), {}, Date{2026, 3, 1})) == codes(found));
    }

    TEST_CASE("one counsellor in two sessions at once, across folders or within one") {
        Folder a = clean();
        Folder b = clean();
        b.bilan.counsellor = " helene ROCHER "; // one person, written otherwise
        for (Session& s : b.sessions) {
            s.id = "b" + s.id;
            s.from = TimeOfDay{13, 0};
            s.to = TimeOfDay{15, 0};
        }
        b.sessions[2].from = TimeOfDay{11, 0}; // 2026-03-09, 11:00 to 15:00 against 9:00–11:30
        const auto schedules = std::vector{counsellor_schedule(a, "cabinet/a", {}),
                                           counsellor_schedule(b, "cabinet/b", {})};
        const auto found = overlap_anomalies(schedules);
        REQUIRE(found.size() == 1);
        CHECK(found[0].kind == "chevauchement");
        CHECK(found[0].folders == std::vector<std::string>{"cabinet/a", "cabinet/b"});
        CHECK(found[0].records == std::vector<std::string>{"cabinet/a/sessions/s2026-03-09.toml",
                                                           "cabinet/b/sessions/bs2026-03-09.toml"});
        CHECK(found[0].date == Date{2026, 3, 9});
        CHECK(say(found[0].problem) ==
              "Hélène Rocher : deux séances à la fois le 2026-03-09, de 09:00 à 11:30 (cabinet/a, "
              "s2026-03-09) et de 11:00 à 15:00 (cabinet/b, bs2026-03-09)");

        // The folders in their order, whichever session started first.
        const auto swapped = overlap_anomalies(
            {counsellor_schedule(a, "cabinet/z", {}), counsellor_schedule(b, "cabinet/b", {})});
        REQUIRE(swapped.size() == 1);
        CHECK(swapped[0].folders == std::vector<std::string>{"cabinet/b", "cabinet/z"});
        CHECK(swapped[0].records.front() == "cabinet/b/sessions/bs2026-03-09.toml");

        // Another counsellor: no overlap. Back to back: none either.
        b.bilan.counsellor = "Marc Petit";
        CHECK(overlap_anomalies({counsellor_schedule(a, "cabinet/a", {}),
                                 counsellor_schedule(b, "cabinet/b", {})})
                  .empty());
        b.bilan.counsellor = "Hélène Rocher";
        b.sessions[2].from = TimeOfDay{11, 30};
        CHECK(overlap_anomalies({counsellor_schedule(a, "cabinet/a", {}),
                                 counsellor_schedule(b, "cabinet/b", {})})
                  .empty());

        // Two workshops together are one collective session.
        b.sessions[2].from = TimeOfDay{9, 0};
        b.sessions[2].kind = "atelier";
        a.sessions[2].kind = "atelier";
        CHECK(overlap_anomalies({counsellor_schedule(a, "cabinet/a", {}),
                                 counsellor_schedule(b, "cabinet/b", {})})
                  .empty());

        // Within one folder, even without a counsellor's name; two folders without one are
        // not compared.
        Folder alone = clean();
        alone.bilan.counsellor.clear();
        alone.sessions[1].date = alone.sessions[0].date;
        alone.sessions[1].from = TimeOfDay{10, 0};
        const auto within = overlap_anomalies({counsellor_schedule(alone, "cabinet/seule", {})});
        REQUIRE(within.size() == 1);
        CHECK(within[0].folders == std::vector<std::string>{"cabinet/seule"});
        CHECK(within[0].records.size() == 2);
        CHECK(say(within[0].problem).starts_with("conseiller non renseigné : "));
        Folder other = clean();
        other.bilan.counsellor.clear();
        CHECK(overlap_anomalies(
                  {counsellor_schedule(clean(), "x", {}), counsellor_schedule(other, "y", {})})
                  .size() == 0);
    }

    TEST_CASE("hours realised against the convention and the service fait declared") {
        Folder folder = clean(); // 15 h realised
        folder.convention.exists = true;
        folder.convention.duration_minutes = 20 * 60;
        auto found = of(folder);
        REQUIRE(find(found, "controle.hours-convention"));
        CHECK(find(found, "controle.hours-convention")->records ==
              std::vector<std::string>{"cabinet/martin/convention.toml"});
        CHECK(say(find(found, "controle.hours-convention")->problem) ==
              "accompagnement réalisé 15h (celui du certificat) pour 20h prévues par la "
              "convention");
        folder.bilan.end.reset(); // running: fewer hours so far is no anomaly
        CHECK_FALSE(find(of(folder), "controle.hours-convention"));
        folder.convention.duration_minutes = 14 * 60; // more than agreed, at any time
        CHECK(find(of(folder), "controle.hours-convention"));

        Folder cpf = clean();
        cpf.bilan.funding = "cpf";
        cpf.convention.exists = true;
        cpf.convention.duration_minutes = 20 * 60;
        cpf.bilan.end.reset(); // no convention anomaly while it runs
        cpf.edof.entry_declared = Date{2026, 3, 3};
        cpf.edof.service_fait = "partiel";
        cpf.edof.minutes_not_done = 4 * 60; // 16 h declared, 15 h realised
        found = of(cpf);
        REQUIRE(find(found, "controle.edof-partial-hours"));
        CHECK(find(found, "controle.edof-partial-hours")->kind == "heures-divergentes");
        cpf.edof.minutes_not_done = 5 * 60;
        CHECK_FALSE(find(of(cpf), "controle.edof-partial-hours"));
        cpf.edof.service_fait = "total";
        cpf.edof.minutes_not_done.reset();
        CHECK(find(of(cpf), "controle.edof-total-short"));
        cpf.bilan.abandoned = Date{2026, 3, 18};
        CHECK(find(of(cpf), "controle.edof-total-abandoned"));
    }

    TEST_CASE("EDOF: a declaration missing or late, a session before the holder's validation") {
        Folder folder = clean();
        folder.bilan.funding = "cpf";
        auto found = of(folder); // nothing declared: the entry was due 2026-03-05
        REQUIRE(find(found, "edof.undeclared"));
        const Anomaly& missing = *find(found, "edof.undeclared");
        CHECK(missing.kind == "edof");
        CHECK(missing.date == Date{2026, 3, 5});
        CHECK(missing.records == std::vector<std::string>{"cabinet/martin/edof.toml"});
        folder.edof.entry_declared = Date{2026, 3, 9};
        folder.edof.exit_declared = Date{2026, 3, 19};
        folder.edof.service_fait = "total";
        found = of(folder);
        CHECK(codes(found) == std::vector<std::string>{"edof edof.declared-late"});
        folder.edof.entry_declared = Date{2026, 3, 4};
        folder.edof.validated = Date{2026, 3, 3};
        found = of(folder);
        CHECK(codes(found) == std::vector<std::string>{"edof controle.before-validation"});
        CHECK(find(found, "controle.before-validation")->date == Date{2026, 3, 2});
    }

    TEST_CASE("over the cap, under the floor at the end, past the calendar") {
        Folder folder = clean();
        for (Session& s : folder.sessions)
            s.to = TimeOfDay{13, 30}, s.minutes = 270; // 27 h
        CHECK(codes(of(folder)) == std::vector<std::string>{"plafond hours.over-cap"});
        CHECK(of(folder)[0].problem.source == "cadre « fr »");
        CHECK(of(folder)[0].records == std::vector<std::string>{"cabinet/martin/bilan.toml"});
        folder = clean();
        folder.sessions.resize(4); // 10 h, ended
        folder.bilan.end = Date{2026, 3, 11};
        CHECK(codes(of(folder)) == std::vector<std::string>{"plancher hours.under-floor-at-end"});
        folder.bilan.end.reset(); // running: work to do, no anomaly
        CHECK(codes(of(folder)).empty());
        folder.bilan.abandoned = Date{2026, 3, 12}; // abandoned: not under the floor either
        CHECK(codes(of(folder)).empty());

        folder = clean();
        folder.convention.exists = true;
        folder.convention.start = Date{2026, 3, 3};
        folder.convention.end = Date{2026, 3, 16};
        const auto found = of(folder);
        CHECK(codes(found) == std::vector<std::string>{"calendrier controle.past-convention",
                                                       "calendrier controle.outside-convention",
                                                       "calendrier controle.outside-convention"});
        // A Belgian bilan running past its 4 months.
        Folder belgian = clean();
        belgian.bilan.end.reset();
        const auto late = of(belgian, be(), {}, Date{2026, 7, 3});
        REQUIRE(find(late, "controle.past-calendar"));
        CHECK(find(late, "controle.past-calendar")->date == Date{2026, 7, 2});
    }

    TEST_CASE("--annee keeps the sessions and the bilans of that year") {
        Folder folder = clean();
        folder.sessions[0].evidence.clear();
        folder.bilan.funding = "cpf"; // the EDOF entry undeclared: the bilan's own
        CHECK(codes(of(folder, fr(), 2026)).size() == 2);
        CHECK(codes(of(folder, fr(), 2025)).empty());
        CHECK(counsellor_schedule(folder, "x", 2025).sessions.empty());
        CHECK(counsellor_schedule(folder, "x", 2026).sessions.size() == 6);
    }

    TEST_CASE("sorted by kind, folders, date; the outputs byte for byte") {
        Folder a = clean();
        a.sessions[1].evidence.clear();
        a.sessions[0].evidence.clear();
        a.sessions[3].date = Date{2026, 3, 8};
        Folder b = clean();
        b.sessions[2].evidence.clear();
        std::vector<Anomaly> all = bilan_anomalies(fr(), b, "cabinet/b", today, {});
        for (Anomaly& x : bilan_anomalies(fr(), a, "cabinet/a", today, {}))
            all.push_back(std::move(x));
        sort_anomalies(all);
        std::vector<std::string> order;
        for (const Anomaly& x : all)
            order.push_back(x.kind + " " + x.folders.front() + " " + x.date->iso());
        CHECK(order == std::vector<std::string>{
                           "jour-ferie cabinet/a 2026-03-08", "sans-preuve cabinet/a 2026-03-02",
                           "sans-preuve cabinet/a 2026-03-04", "sans-preuve cabinet/b 2026-03-09"});
        const std::string json = anomalies_json(all, {}, {}, say);
        CHECK(json.starts_with("{\n  \"schema\": 1,\n  \"anomalies\": ["));
        CHECK(json.find("\"kind\": \"sans-preuve\"") != std::string::npos);
        CHECK(json.find("\"folders\": [\n        \"cabinet/b\"\n      ],") != std::string::npos);
        CHECK(json.find(
                  "\"records\": [\n        \"cabinet/b/sessions/s2026-03-09.toml\"\n      ],") !=
              std::string::npos);
        CHECK(json.find("\"source\": \"Code du travail, L6362-6\"") != std::string::npos);
        const std::string text = anomalies_text(all, say);
        CHECK(text.starts_with("## Dimanches et jours fériés (1)\n\n- 2026-03-08 · cabinet/a : "
                               "séance du 2026-03-08 (s2026-03-11) un dimanche (Code du "
                               "travail, L3132-3)\n\n## Séances sans preuve de présence (3)\n"));
        std::vector<Anomaly> again = all;
        std::reverse(again.begin(), again.end());
        sort_anomalies(again);
        CHECK(anomalies_text(again, say) == text);
        CHECK(anomalies_json(again, {}, {}, say) == json);
        CHECK(anomalies_text({}, say).empty());
    }

    TEST_CASE("every kind has its label; the contract's kinds are there") {
        for (const std::string_view key : {"chevauchement", "jour-ferie", "sans-horaires",
                                           "sans-preuve", "heures-divergentes", "edof"})
            CHECK(find_term(anomaly_kinds(), key));
    }
}
