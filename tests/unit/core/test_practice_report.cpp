// src/core/deadlines.cpp and src/core/practice_report.cpp: what `due` lists of one bilan and
// what `report` adds up across bilans, on small folders whose figures are computed by hand.
#include "bilan/deadlines.hpp"
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
        f.bilan.abandoned = Date{2026, 5, 4};
        CHECK(whats(deadlines_of(fr(), f, std::nullopt)) ==
              std::vector<std::string>{"edof-entree 2026-03-06", "destruction 2026-05-04",
                                       "edof-sortie 2026-05-06"});
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
        CHECK(r.bilans == 3);
        CHECK(r.started == 3);
        CHECK(r.ended == 1);
        CHECK(r.abandoned == 1);
        CHECK(r.accompaniment_minutes == 840 + 120 + 270); // personal work is not accompaniment
        CHECK(r.by_funding.at("cpf").accompaniment_minutes == 840);
        CHECK(r.by_funding.at("personnel").bilans == 1);
        CHECK(r.chaud.responses == 2);
        CHECK(r.chaud.satisfaction_sum == 9);
        CHECK(r.froid.situations.at("nouvel-emploi") == 1);
        CHECK(r.froid.projet_moving == 1);
        CHECK(r.counsellors.size() == 2);
        CHECK(report_json(r).find("\"e_counsellors\": 2,") != std::string::npos);
        CHECK(r.jobseekers == 1);
        CHECK(r.remote == 1);
        CHECK(r.floor_breaches == 0); // 14 h: above the 13 h floor
        CHECK(r.chaud_expected == 1);
        CHECK(r.froid_expected == 1); // end + 6 months = 4 November, before today
        CHECK(r.froid_answered == 1);
    }

    TEST_CASE("a year: the bilans with a counted session in it, the minutes dated in it") {
        const PracticeReport r = three_bilans(2025);
        CHECK(r.bilans == 1);
        CHECK(r.started == 1);
        CHECK(r.ended == 0);
        CHECK(r.accompaniment_minutes == 180);
        CHECK(r.chaud.responses == 0);
        CHECK(report_json(r).find("\"e_counsellors\": 1,") != std::string::npos); // Luc
        const PracticeReport r26 = three_bilans(2026);
        CHECK(r26.bilans == 3);
        CHECK(r26.accompaniment_minutes == 840 + 120 + 90);
        CHECK(r26.started == 2);
        CHECK(r26.abandoned == 1);
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
        CHECK(json.find("\"completion_rate_percent\": 33.33") != std::string::npos); // 1 ÷ 3
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
