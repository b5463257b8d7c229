// src/core/deadlines.cpp and src/core/practice_report.cpp: what `due` lists of one bilan and
// what `report` adds up across bilans, on small folders whose figures are computed by hand.
#include "bilan/deadlines.hpp"
#include "bilan/evaluations.hpp"
#include "bilan/practice.hpp"
#include "bilan/practice_report.hpp"
#include "support/french_framework.hpp"

#include <doctest/doctest.h>

using namespace bilan;

namespace {

Session session(Date date, std::string phase, int minutes, std::string kind = "entretien",
                std::string mode = "presentiel") {
    Session s;
    s.id = std::to_string(date.days_since_epoch()) + phase;
    s.date = date;
    s.phase = std::move(phase);
    s.minutes = minutes;
    s.kind = std::move(kind);
    s.mode = std::move(mode);
    return s;
}

// A CPF bilan: 2 h on 3 March (a Tuesday), 10 h on 3 April, 2 h on 3 May (a Sunday), ended
// 4 May 2026, with one action due on 10 December.
Folder cpf_bilan() {
    Folder f;
    f.bilan.beneficiary = "Camille Dupont";
    f.bilan.start = Date{2026, 3, 2};
    f.bilan.end = Date{2026, 5, 4};
    f.bilan.funding = "cpf";
    f.sessions = {session({2026, 3, 3}, "preliminaire", 120),
                  session({2026, 4, 3}, "investigation", 600, "test"),
                  session({2026, 5, 3}, "conclusion", 120)};
    Action action;
    action.id = "a1";
    action.text = "Déposer le dossier";
    action.horizon = "court";
    action.due = Date{2026, 12, 10};
    f.actions = {action};
    return f;
}

std::vector<std::string> whats(const std::vector<Deadline>& deadlines) {
    std::vector<std::string> out;
    for (const Deadline& d : deadlines)
        out.push_back(d.what + " " + d.date.iso());
    return out;
}

Evaluation evaluation(std::string kind, Date date, int satisfaction,
                      std::vector<Answer> answers = {}) {
    return Evaluation{kind + date.iso(), kind, date, satisfaction, std::move(answers), "", {}};
}

} // namespace

TEST_SUITE("core.deadlines") {
    TEST_CASE("a CPF bilan ended: every deadline at its day, in date order") {
        const Folder f = cpf_bilan();
        // Entry: 3 business days after Tue 3 March; exit: after Sun 3 May (Mon 4 to Wed 6);
        // follow-up and à froid: end + 6 months; content left: destruction due at the end. The
        // action due after the end is content no agreement keeps (R6313-7): not due.
        CHECK(whats(deadlines_of(fr(), f, std::nullopt)) ==
              std::vector<std::string>{"edof-entree 2026-03-06", "evaluation-chaud 2026-05-04",
                                       "destruction 2026-05-04", "edof-sortie 2026-05-06",
                                       "suivi 2026-11-04", "evaluation-froid 2026-11-04"});
    }

    TEST_CASE("what was done is no longer due") {
        Folder f = cpf_bilan();
        f.edof.entry_declared = Date{2026, 3, 4};
        f.edof.exit_declared = Date{2026, 5, 5};
        f.evaluations = {evaluation("chaud", {2026, 5, 4}, 5),
                         evaluation("froid", {2026, 11, 2}, 4)};
        f.sessions.push_back(session({2026, 11, 2}, "suivi", 60));
        f.actions.front().done = true;
        f.actions.clear(); // and no content left: nothing to destroy
        CHECK(deadlines_of(fr(), f, std::nullopt).empty());
    }

    TEST_CASE("an abandonment stops the follow-up, the evaluations and the actions after it") {
        Folder f = cpf_bilan();
        f.bilan.abandoned = Date{2026, 5, 4}; // on its end day: abandoned, and the EDOF exit
        // counts from the abandonment (Mon 4 May + 3 business days), not the last session.
        CHECK(whats(deadlines_of(fr(), f, std::nullopt)) ==
              std::vector<std::string>{"edof-entree 2026-03-06", "destruction 2026-05-04",
                                       "edof-sortie 2026-05-07"});
    }

    TEST_CASE("a planned session's reminder falls due on its eve until it is drafted") {
        Folder f;
        f.bilan.start = Date{2026, 3, 2};
        Session planned = session({2026, 3, 27}, "investigation", 120);
        planned.state = "prevue";
        planned.from = TimeOfDay{9, 30};
        Session cancelled = session({2026, 3, 31}, "investigation", 60);
        cancelled.state = "annulee";
        f.unheld_sessions = {planned, cancelled};
        auto due = deadlines_of(fr(), f, std::nullopt);
        REQUIRE(whats(due) == std::vector<std::string>{"rappel 2026-03-26"});
        CHECK(due[0].detail == "séance du 2026-03-27 à 09:30, aucune convocation rédigée");
        REQUIRE(due[0].remedy);
        CHECK(due[0].remedy->operation == "message.rappel");
        f.unheld_sessions[0].convocation_drafted = Date{2026, 3, 20}; // a week before: still due
        due = deadlines_of(fr(), f, std::nullopt);
        REQUIRE(due.size() == 1);
        CHECK(due[0].detail == "séance du 2026-03-27 à 09:30, convocation rédigée le 2026-03-20");
        f.unheld_sessions[0].convocation_drafted = Date{2026, 3, 26}; // on the eve: it reminds
        CHECK(deadlines_of(fr(), f, std::nullopt).empty());
        f.unheld_sessions[0].convocation_drafted.reset();
        f.unheld_sessions[0].reminder_drafted = Date{2026, 3, 26};
        CHECK(deadlines_of(fr(), f, std::nullopt).empty());
        f.unheld_sessions[0].reminder_drafted.reset();
        f.bilan.abandoned = Date{2026, 3, 20}; // abandoned before it: nobody to remind
        CHECK(whats(deadlines_of(fr(), f, std::nullopt)).empty());
    }

    TEST_CASE("a retention agreement moves the destruction to its end, capped at three years") {
        Folder f = cpf_bilan();
        f.bilan.retention_agreed = Date{2026, 5, 4};
        f.bilan.retention_scope = "documents";
        f.bilan.retention_until = Date{2027, 5, 4};
        const auto due = deadlines_of(fr(), f, std::nullopt);
        bool found = false;
        for (const Deadline& d : due)
            if (d.what == "destruction") found = d.date == Date{2027, 5, 4};
        CHECK(found);
        f.bilan.retention_until.reset(); // no end given: the law's three years
        for (const Deadline& d : deadlines_of(fr(), f, std::nullopt))
            if (d.what == "destruction") CHECK(d.date == Date{2029, 5, 4});
    }

    TEST_CASE("a deadline names the operation that meets it, in the caller's words") {
        Folder f = cpf_bilan();
        f.bilan.retention_agreed = Date{2026, 5, 4};
        f.bilan.retention_scope = "documents";
        const auto said = [](const Remedy& r) { return "<" + r.operation + ">"; };
        std::vector<std::string> details;
        for (const Deadline& d : deadlines_of(fr(), f, std::nullopt))
            if (d.what == "destruction") details.push_back(detail_text(d, said));
        CHECK(details == std::vector<std::string>{"fin de l'accord de conservation : <purge>"});
        f.bilan.retention_agreed.reset(); // the end itself: the remedy is the whole detail
        details.clear();
        for (const Deadline& d : deadlines_of(fr(), f, std::nullopt))
            if (d.what == "destruction") details.push_back(detail_text(d, said));
        CHECK(details == std::vector<std::string>{"<purge>"});
    }

    TEST_CASE("after a purge, the kept synthesis has its limit") {
        Folder f = cpf_bilan();
        f.actions.clear();
        Destruction d;
        d.done = true;
        d.date = Date{2026, 6, 1};
        d.kept = {"administratif", "synthese"};
        d.synthesis_kept_until = Date{2029, 5, 4};
        f.bilan.synthesis_agreed = Date{2026, 5, 4}; // the basis that keeps it
        const auto due = deadlines_of(fr(), f, d);
        REQUIRE_FALSE(due.empty());
        CHECK(due.back().what == "destruction");
        CHECK(due.back().date == Date{2029, 5, 4});
    }

    TEST_CASE("after a purge, documents an agreement kept fall due at its end, as check says") {
        Folder f = cpf_bilan(); // its action is content the agreement kept through the purge
        f.bilan.retention_agreed = Date{2026, 5, 4};
        f.bilan.retention_scope = "documents";
        f.bilan.retention_until = Date{2027, 6, 30};
        Destruction d;
        d.done = true;
        d.date = Date{2026, 6, 1};
        d.documents_kept_until = Date{2027, 6, 30};
        d.kept = {"administratif", "synthese", "documents"};
        d.synthesis_kept_until = Date{2029, 5, 4};
        f.bilan.synthesis_agreed = Date{2026, 5, 4};
        std::vector<std::string> destruction;
        for (const Deadline& deadline : deadlines_of(fr(), f, d))
            if (deadline.what == "destruction") destruction.push_back(deadline.date.iso());
        CHECK(destruction == std::vector<std::string>{"2027-06-30", "2029-05-04"});
    }

    TEST_CASE("the convention: none, then sent and waiting, then signed") {
        Folder f;
        f.bilan.start = Date{2026, 11, 2};
        f.bilan.funding = "employeur";
        CHECK(whats(deadlines_of(fr(), f, std::nullopt)) ==
              std::vector<std::string>{"convention 2026-11-02"});
        f.convention.exists = true;
        f.convention.sent = Date{2026, 11, 2};
        CHECK(whats(deadlines_of(fr(), f, std::nullopt)) ==
              std::vector<std::string>{"convention 2026-11-12"}); // sent + 10 days
        f.convention.signed_employee = f.convention.signed_employer = f.convention.signed_provider =
            Date{2026, 11, 5};
        CHECK(deadlines_of(fr(), f, std::nullopt).empty());
        f.bilan.funding = "plan"; // an alias of employeur needs one too
        f.convention = Convention{};
        CHECK(deadlines_of(fr(), f, std::nullopt).size() == 1);
    }

    TEST_CASE("the Belgian framework has no French paperwork") {
        const Framework be = store::load_builtin_framework("be");
        Folder f;
        f.bilan.start = Date{2026, 11, 2};
        f.bilan.funding = "fonds-social";
        f.sessions = {session({2026, 11, 3}, "preliminaire", 120)};
        CHECK(deadlines_of(be, f, std::nullopt).empty());
    }
}

TEST_SUITE("core.practice_report") {
    // Three bilans: the CPF one (14 h, ended in 2026, à chaud 5, à froid 4 "realise"), an
    // employer's (2 h in 2026, à chaud 4, running) and a personal one (3 h in 2025, 1 h 30 in
    // 2026, abandoned in 2026, jobseeker, all at a distance).
    PracticeReport three_bilans(std::optional<int> year) {
        const Date today{2026, 12, 3};
        Folder a = cpf_bilan();
        a.bilan.counsellor = "Anne";
        a.evaluations = {evaluation("chaud", {2026, 5, 4}, 5),
                         evaluation("froid", {2026, 11, 4}, 4,
                                    {{"situation", "nouvel-emploi"}, {"projet", "realise"}})};
        Folder b;
        b.bilan.start = Date{2026, 11, 2};
        b.bilan.funding = "employeur";
        b.bilan.counsellor = "Anne";
        b.sessions = {session({2026, 11, 20}, "preliminaire", 120)};
        b.evaluations = {evaluation("chaud", {2026, 11, 21}, 4)};
        Folder c;
        c.bilan.start = Date{2025, 12, 1};
        c.bilan.funding = "personnel";
        c.bilan.counsellor = "Luc";
        c.bilan.abandoned = Date{2026, 1, 15};
        c.financing.jobseeker = true;
        c.sessions = {session({2025, 12, 2}, "preliminaire", 180, "entretien", "distance"),
                      session({2026, 1, 10}, "investigation", 90, "entretien", "distance"),
                      session({2026, 1, 12}, "investigation", 600, "travail-personnel")};
        PracticeReport report;
        report.year = year;
        report.folders = 3;
        for (const Folder* f : {&a, &b, &c})
            report.add(figures_of(fr(), *f, year, today));
        return report;
    }

    TEST_CASE("every year: the figures added by hand") {
        const PracticeReport r = three_bilans(std::nullopt);
        CHECK(r.all.bilans == 3);
        CHECK(r.all.started == 3);
        CHECK(r.all.ended == 1);
        CHECK(r.all.abandoned == 1);
        CHECK(r.all.accompaniment_minutes == 840 + 120 + 270); // personal work is not accompaniment
        CHECK(r.all.by_funding.at("cpf").accompaniment_minutes == 840);
        CHECK(r.all.by_funding.at("personnel").bilans == 1);
        CHECK(r.all.chaud.responses == 2);
        CHECK(r.all.chaud.satisfaction_sum == 9);
        CHECK(r.all.froid.situations.at("nouvel-emploi") == 1);
        CHECK(r.all.froid.projet_moving == 1);
        CHECK(r.france.internal_counsellors.size() == 2);
        CHECK(report_json(r).find("\"e_counsellors\": 2,") != std::string::npos);
        CHECK(r.france.f1_count[2] == 1); // c: financing.toml says jobseeker
        CHECK(r.france.f1_unknown == 2);
        CHECK(r.france.remote == 1);
        CHECK(r.all.floor_breaches == 0); // 14 h: above the 13 h floor
        CHECK(r.all.chaud_expected == 1);
        CHECK(r.all.froid_expected == 1); // end + 6 months = 4 November, before today
        CHECK(r.all.froid_answered == 1);
    }

    TEST_CASE("a year: the bilans with a counted session in it, the minutes dated in it") {
        const PracticeReport r = three_bilans(2025);
        CHECK(r.all.bilans == 1);
        CHECK(r.all.started == 1);
        CHECK(r.all.ended == 0);
        CHECK(r.all.accompaniment_minutes == 180);
        CHECK(r.all.chaud.responses == 0);
        CHECK(report_json(r).find("\"e_counsellors\": 1,") != std::string::npos); // Luc
        const PracticeReport r26 = three_bilans(2026);
        CHECK(r26.all.bilans == 3);
        CHECK(r26.all.accompaniment_minutes == 840 + 120 + 90);
        CHECK(r26.all.started == 2);
        CHECK(r26.all.abandoned == 1);
    }

    TEST_CASE("a bilan planned for later has not started, nor ended, yet") {
        Folder f;
        f.bilan.start = Date{2026, 12, 10};
        f.bilan.end = Date{2027, 2, 1};
        const BilanFigures figures = figures_of(fr(), f, std::nullopt, Date{2026, 12, 3});
        CHECK_FALSE(figures.started);
        CHECK_FALSE(figures.ended);
        CHECK(figures_of(fr(), f, std::nullopt, Date{2026, 12, 10}).started);
    }

    TEST_CASE("JSON: means and rates with two decimals at most, null without a base") {
        const std::string json = report_json(three_bilans(std::nullopt));
        CHECK(json.find("\"satisfaction_mean\": 4.5") != std::string::npos);
        CHECK(json.find("\"completion_rate_percent\": 50") != std::string::npos); // 1 ÷ (1 + 1)
        CHECK(json.find("\"by_funding\": {\n    \"cpf\": {\n      \"bilans\": 1,") !=
              std::string::npos);
        CHECK(json.find("\"problems\": []") != std::string::npos);
        const std::string none = report_json(three_bilans(2024));
        CHECK(none.find("\"satisfaction_mean\": null") != std::string::npos);
        CHECK(none.find("\"by_funding\"") == std::string::npos); // no bilan: nothing to list
    }

    TEST_CASE("CSV: one figure per line, the JSON's keys, CRLF as RFC 4180 says") {
        const std::string csv = report_csv(three_bilans(2026));
        CHECK(csv.starts_with("indicateur,valeur\r\nyear,2026\r\nfolders,3\r\nbilans,3\r\n"));
        CHECK(csv.find("by_funding.cpf.accompaniment_minutes,840\r\n") != std::string::npos);
        CHECK(csv.find("evaluations.froid.situations.nouvel-emploi,1\r\n") != std::string::npos);
        CHECK(csv.ends_with("problems,0\r\n"));
    }

    TEST_CASE("Markdown: hours and decimals as French writes them") {
        const std::string md = report_markdown(three_bilans(std::nullopt));
        CHECK(md.find("| Heures d'accompagnement | 20\u00a0h\u00a030 |") != std::string::npos);
        CHECK(md.find("| à chaud | 2 | 4,5 | 2 |") != std::string::npos);
    }
}

TEST_SUITE("core.practice_report, issue 25") {
    const Date today{2026, 12, 3};

    Folder held(std::string public_line, std::vector<Session> sessions) {
        Folder f;
        f.bilan.start = Date{2026, 3, 2};
        f.bilan.funding = "personnel";
        f.bilan.public_line = std::move(public_line);
        f.sessions = std::move(sessions);
        return f;
    }

    TEST_CASE("an abandoned bilan is never ended, nor under its floor, even with an end set") {
        Folder f = held("salarie", {session({2026, 3, 3}, "preliminaire", 120)});
        f.bilan.end = Date{2026, 4, 1};
        f.bilan.abandoned = Date{2026, 4, 1}; // on its end day: it stopped there
        const BilanFigures b = figures_of(fr(), f, std::nullopt, today);
        CHECK(b.abandoned);
        CHECK_FALSE(b.ended);
        CHECK_FALSE(b.floor_breach);
        CHECK_FALSE(b.chaud_expected);
        f.bilan.abandoned = Date{2026, 6, 1}; // after the end: the follow-up given up
        const BilanFigures later = figures_of(fr(), f, std::nullopt, today);
        CHECK(later.ended);
        CHECK_FALSE(later.abandoned);
        CHECK(later.floor_breach); // 2 h
    }

    TEST_CASE("completion rate: ended ÷ (ended + abandoned), running bilans out") {
        Folder ended = held("salarie", {session({2026, 3, 3}, "preliminaire", 840)});
        ended.bilan.end = Date{2026, 5, 1};
        Folder abandoned = held("salarie", {session({2026, 3, 3}, "preliminaire", 60)});
        abandoned.bilan.abandoned = Date{2026, 3, 20};
        Folder running = held("salarie", {session({2026, 11, 3}, "preliminaire", 60)});
        PracticeReport r;
        for (const Folder* f : {&ended, &abandoned, &running})
            r.add(figures_of(fr(), *f, std::nullopt, today));
        const std::string json = report_json(r);
        CHECK(json.find("\"completion_rate_percent\": 50,") != std::string::npos);
        CHECK(json.find("\"abandonment_rate_percent\": 50,") != std::string::npos);
        CHECK(json.find("\"ended\": 1,\n    \"abandoned\": 1,") != std::string::npos); // the base
        PracticeReport none;
        none.add(figures_of(fr(), running, std::nullopt, today));
        CHECK(report_json(none).find("\"completion_rate_percent\": null") != std::string::npos);
    }

    TEST_CASE("F-1: one line per bilan by its public; its total is F-3 e's, on random practices") {
        const std::array<std::string, 5> publics{"salarie", "apprenti", "demandeur-emploi",
                                                 "particulier", "autre"};
        unsigned seed = 12345;
        const auto next = [&seed](unsigned n) {
            seed = seed * 1103515245u + 12345u;
            return (seed >> 16) % n;
        };
        for (int practice = 0; practice < 50; ++practice) {
            PracticeReport r;
            std::array<int, 5> expected{};
            std::int64_t minutes = 0;
            const unsigned bilans = next(12);
            for (unsigned i = 0; i < bilans; ++i) {
                const unsigned line = next(5);
                const int held_minutes = 60 * static_cast<int>(1 + next(20));
                Folder f = held(publics[line],
                                {session({2026, 3, 3}, "preliminaire", held_minutes, "entretien",
                                         next(2) ? "distance" : "presentiel")});
                if (next(4) == 0) f.bilan.abandoned = Date{2026, 4, 1};
                r.add(
                    figures_of(fr(), f, next(2) ? std::optional<int>(2026) : std::nullopt, today));
                ++expected[line];
                minutes += held_minutes;
            }
            int total = 0;
            std::int64_t total_minutes = 0;
            for (std::size_t line = 0; line < 5; ++line) {
                CHECK(r.france.f1_count[line] == expected[line]);
                total += r.france.f1_count[line];
                total_minutes += r.france.f1_minutes[line];
            }
            CHECK(total == r.france.bilans);
            CHECK(total_minutes == r.france.accompaniment_minutes);
            CHECK(total_minutes == minutes);
            CHECK(r.france.f1_unknown == 0);
        }
    }

    TEST_CASE("F-1 remote: one held remote session is enough; never guessed without a public") {
        Folder f =
            held("", {session({2026, 3, 3}, "preliminaire", 120),
                      session({2026, 3, 10}, "investigation", 120, "entretien", "distance")});
        const BilanFigures b = figures_of(fr(), f, std::nullopt, today);
        CHECK(b.remote);
        CHECK(b.f1_line.empty());
        f.financing.jobseeker = true; // the financing says so: data, not a guess
        CHECK(figures_of(fr(), f, std::nullopt, today).f1_line == "c");
        f.bilan.public_line = "autre"; // the public, when set, wins
        CHECK(figures_of(fr(), f, std::nullopt, today).f1_line == "e");
        // Personal work at a distance is no remote accompaniment.
        Folder personal =
            held("salarie",
                 {session({2026, 3, 3}, "preliminaire", 120),
                  session({2026, 3, 4}, "investigation", 60, "travail-personnel", "distance")});
        CHECK_FALSE(figures_of(fr(), personal, std::nullopt, today).remote);
    }

    TEST_CASE("frame E: internal and external people, and their hours") {
        Folder own = held("salarie", {session({2026, 3, 3}, "preliminaire", 120)});
        own.bilan.counsellor = "Anne";
        Folder sub = held("salarie", {session({2026, 3, 3}, "preliminaire", 180)});
        sub.bilan.counsellor = "Marc";
        sub.counsellor_external = true;
        PracticeReport r;
        r.add(figures_of(fr(), own, std::nullopt, today));
        r.add(figures_of(fr(), sub, std::nullopt, today));
        const std::string json = report_json(r);
        CHECK(json.find("\"e_internal_count\": 1,\n    \"e_internal_minutes\": 120,\n    "
                        "\"e_external_count\": 1,\n    \"e_external_minutes\": 180,") !=
              std::string::npos);
        Practice practice;
        practice.external = " marc ; Zoé Durand";
        CHECK(practice.is_external("Marc"));
        CHECK(practice.is_external("Zoe durand"));
        CHECK_FALSE(practice.is_external("Anne"));
        CHECK_FALSE(practice.is_external(""));
    }

    TEST_CASE("a CPF file is all C-2 e, the holder's participation included") {
        Folder f = cpf_bilan();
        f.financing.parts = {{"cpf", 180000}, {"beneficiaire", 10200}};
        PracticeReport r;
        r.add(figures_of(fr(), f, std::nullopt, today));
        const std::string json = report_json(r);
        CHECK(json.find("\"C-2e\": 190200") != std::string::npos);
        CHECK(json.find("\"C-9\"") == std::string::npos);
    }

    TEST_CASE("a Belgian bilan is in neither the BPF nor Qualiopi, and has its own section") {
        const Framework be = store::load_builtin_framework("be");
        Folder b;
        b.bilan.start = Date{2026, 3, 2};
        b.bilan.end = Date{2026, 5, 2};
        b.bilan.funding = "fonds-social";
        b.sessions = {session({2026, 3, 3}, "preliminaire", 120),
                      session({2026, 3, 10}, "investigation", 90)};
        b.evaluations = {evaluation("chaud", {2026, 5, 2}, 5)};
        Folder f = held("salarie", {session({2026, 3, 3}, "preliminaire", 60)});
        PracticeReport r;
        r.add(figures_of(be, b, std::nullopt, today), "be/one");
        r.add(figures_of(fr(), f, std::nullopt, today), "fr/one");
        CHECK(r.all.bilans == 2);
        CHECK(r.france.bilans == 1);
        CHECK(r.belgium.bilans == 1);
        CHECK(r.belgium.accompaniment_minutes == 210);
        CHECK(r.belgium.appointments == 2);
        CHECK(r.france.chaud.responses == 0);
        const std::string json = report_json(r);
        CHECK(json.find("\"f3e_bilans\": 1,") != std::string::npos);
        CHECK(
            json.find("\"belgium\": {\n    \"bilans\": 1,\n    \"accompaniment_minutes\": 210,") !=
            std::string::npos);
        CHECK(json.find("\"completion_rate_percent\": null") != std::string::npos);
        CHECK(report_markdown(r).find("## Bilans belges (hors BPF et Qualiopi)") !=
              std::string::npos);
    }

    TEST_CASE("indicator 30: funders' and employers' views apart from the beneficiaries'") {
        Folder f = cpf_bilan();
        Evaluation funder = evaluation("froid", {2026, 11, 4}, 3);
        funder.by = "financeur";
        Evaluation employer = evaluation("chaud", {2026, 5, 5}, 4);
        employer.by = "employeur";
        f.evaluations = {evaluation("chaud", {2026, 5, 4}, 5), employer, funder};
        PracticeReport r;
        r.add(figures_of(fr(), f, std::nullopt, today));
        CHECK(r.all.chaud.responses == 1);
        CHECK(r.all.froid.responses == 0);
        CHECK(r.all.financeur.responses == 1);
        CHECK(r.all.employeur.satisfaction_sum == 4);
        const std::string json = report_json(r);
        CHECK(json.find("\"financeur_responses\": 1,\n    \"financeur_satisfaction_mean\": 3,") !=
              std::string::npos);
        // A funder's view answers no à froid of hers: her evaluation is still due.
        f.evaluations = {funder};
        CHECK(first_evaluation(f.evaluations, "froid") == nullptr);
    }

    TEST_CASE("the detail: the folders behind each figure, with --detail only") {
        Folder a = held("salarie", {session({2026, 3, 3}, "preliminaire", 60)});
        Folder b = held("", {session({2026, 3, 3}, "preliminaire", 60, "entretien", "distance")});
        PracticeReport r;
        r.add(figures_of(fr(), a, std::nullopt, today), "cabinet/a");
        r.add(figures_of(fr(), b, std::nullopt, today), "cabinet/b");
        CHECK(r.detail.at("bpf.f1a_count") == std::vector<std::string>{"cabinet/a"});
        CHECK(r.detail.at("bpf.f1_unknown_count") == std::vector<std::string>{"cabinet/b"});
        CHECK(r.detail.at("bpf.f1_remote") == std::vector<std::string>{"cabinet/b"});
        CHECK(r.detail.at("bpf.f3e_bilans") == std::vector<std::string>{"cabinet/a", "cabinet/b"});
        CHECK(report_json(r).find("\"detail\"") == std::string::npos);
        r.with_detail = true;
        CHECK(report_json(r).find("\"bpf.f1a_count\": [\n      \"cabinet/a\"\n    ]") !=
              std::string::npos);
        CHECK(report_markdown(r).find(
                  "- F-1 a : salariés d'employeurs privés hors apprentis, stagiaires (1) : "
                  "cabinet/a") != std::string::npos);
        CHECK(report_csv(r).find("detail.bpf.f1_remote,cabinet/b\r\n") != std::string::npos);
    }
}
