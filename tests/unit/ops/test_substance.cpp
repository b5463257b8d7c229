// The domain rules of the substance operations (src/ops/substance.cpp), on a real folder: one
// piste at most is retained, the project's lists drop their blank items, an experience a skill
// cites stays, and an add whose id cannot be told leaves nothing.
#include "bilan/errors.hpp"
#include "bilan/ops/substance.hpp"
#include "cli/problems.hpp"
#include "support/temp_bilan.hpp"

#include <doctest/doctest.h>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

using namespace bilan;
using bilan::test::sentence;
namespace fs = std::filesystem;

namespace {

using bilan::test::TempBilan;

std::string contents(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

void ignore(const std::string&) {}

std::string add_piste(const store::Store& store, const std::string& title) {
    Piste piste;
    piste.title = title;
    return ops::add_piste(store, piste, ignore);
}

const Piste& piste_of(const std::vector<Piste>& pistes, const std::string& id) {
    for (const Piste& piste : pistes)
        if (piste.id == id) return piste;
    throw std::logic_error("no piste " + id);
}

} // namespace

TEST_SUITE("ops.substance") {
    TEST_CASE("decide_piste: a second retained piste is refused, and nothing changes") {
        TempBilan bilan;
        const store::Store store(bilan.dir());
        const std::string first = add_piste(store, "Formatrice");
        const std::string second = add_piste(store, "Paie");
        CHECK(ops::decide_piste(store, first, "retained", "Envie", false).empty());
        const std::string before = contents(bilan.dir() / "pistes" / (second + ".toml"));
        CHECK_THROWS_AS(ops::decide_piste(store, second, "retained", "", false), RefusedError);
        CHECK(contents(bilan.dir() / "pistes" / (second + ".toml")) == before);
        const auto pistes = ops::list_pistes(store);
        CHECK(piste_of(pistes, first).decision == "retained");
        CHECK(piste_of(pistes, second).decision.empty());
    }

    TEST_CASE("decide_piste with replace: the retained piste becomes the plan B, with a note") {
        TempBilan bilan;
        const store::Store store(bilan.dir());
        const std::string first = add_piste(store, "Formatrice");
        const std::string second = add_piste(store, "Paie");
        ops::decide_piste(store, first, "retained", "Envie", false);
        const ops::Notes notes =
            ops::decide_piste(store, second.substr(0, 4), "retained", "", true);
        REQUIRE(notes.size() == 1);
        CHECK(sentence(notes[0]) == "la piste " + first + " passe de retenue à plan B");
        const auto pistes = ops::list_pistes(store);
        CHECK(piste_of(pistes, first).decision == "backup");
        CHECK(piste_of(pistes, first).why == "Envie"); // only the decision changes
        CHECK(piste_of(pistes, second).decision == "retained");
    }

    TEST_CASE("decide_piste: other decisions, and the retained piste itself, demote nothing") {
        TempBilan bilan;
        const store::Store store(bilan.dir());
        const std::string first = add_piste(store, "Formatrice");
        const std::string second = add_piste(store, "Paie");
        ops::decide_piste(store, first, "retained", "Envie", false);
        CHECK(ops::decide_piste(store, second, "backup", "", false).empty());
        CHECK(ops::decide_piste(store, first, "retained", "", false).empty());
        const auto pistes = ops::list_pistes(store);
        CHECK(piste_of(pistes, first).decision == "retained");
        CHECK(piste_of(pistes, first).why.empty()); // an empty why removes the old one
        CHECK(piste_of(pistes, second).decision == "backup");
    }

    TEST_CASE("set_project: a list drops its blank items, an empty one or an empty text goes") {
        TempBilan bilan;
        const store::Store store(bilan.dir());
        ops::ProjectEdit edit;
        edit.title = "Formatrice d'adultes";
        edit.strengths = std::vector<std::string>{"", "Expertise", " \t", "Pédagogie"};
        edit.watch = std::vector<std::string>{"Revenus"};
        ops::set_project(store, edit);
        Project project = ops::show_project(store).project;
        CHECK(project.title == "Formatrice d'adultes");
        CHECK(project.strengths == std::vector<std::string>{"Expertise", "Pédagogie"});
        CHECK(project.watch == std::vector<std::string>{"Revenus"});

        ops::ProjectEdit removal; // fields not given stay as they are
        removal.title = "";
        removal.watch = std::vector<std::string>{" ", ""};
        ops::set_project(store, removal);
        project = ops::show_project(store).project;
        CHECK(project.title.empty());
        CHECK(project.watch.empty());
        CHECK(project.strengths == std::vector<std::string>{"Expertise", "Pédagogie"});
        const std::string text = contents(bilan.dir() / "project.toml");
        CHECK(text.find("title") == std::string::npos);
        CHECK(text.find("watch") == std::string::npos);
    }

    TEST_CASE("set_project: removing from a project not yet written creates no file") {
        TempBilan bilan;
        const store::Store store(bilan.dir());
        ops::ProjectEdit edit;
        edit.title = "";
        ops::set_project(store, edit);
        CHECK_FALSE(fs::exists(bilan.dir() / "project.toml"));
    }

    TEST_CASE("remove_record: an experience a skill cites is refused, then it goes") {
        TempBilan bilan;
        const store::Store store(bilan.dir());
        Experience experience;
        experience.title = "Comptable";
        experience.kind = "poste";
        const std::string cited = ops::add_experience(store, experience, ignore);
        Skill skill;
        skill.text = "Établir les paies";
        skill.type = "savoir-faire";
        const std::string skill_id =
            ops::add_skill(store, skill, cited.substr(0, 3), ignore); // a prefix is resolved
        CHECK(ops::list_skills(store).at(0).experience == cited);
        CHECK_THROWS_AS(ops::remove_record(store, store::collection_of<Experience>(), cited, false),
                        RefusedError);
        CHECK(ops::list_experiences(store).size() == 1);
        ops::remove_record(store, store::collection_of<Skill>(), skill_id, false);
        const ops::Removed removed =
            ops::remove_record(store, store::collection_of<Experience>(), cited, true);
        CHECK(removed.id == cited);
        CHECK(removed.told.rfind("Expérience supprimée : ", 0) == 0);
        CHECK(ops::list_experiences(store).empty());
    }

    TEST_CASE("survey_piste appends an enquête, complete_action marks the action done") {
        TempBilan bilan;
        const store::Store store(bilan.dir());
        const std::string piste = add_piste(store, "Formatrice");
        Survey survey;
        survey.date = Date{2026, 4, 9};
        survey.with = "Une formatrice en paie";
        ops::survey_piste(store, piste.substr(0, 3), survey);
        ops::survey_piste(store, piste, survey);
        CHECK(piste_of(ops::list_pistes(store), piste).surveys.size() == 2);

        Action action;
        action.text = "Déposer le dossier";
        action.horizon = "court";
        const std::string id = ops::add_action(store, action, ignore);
        CHECK_FALSE(ops::list_actions(store).at(0).done);
        ops::complete_action(store, id);
        CHECK(ops::list_actions(store).at(0).done);
        CHECK_THROWS_AS(ops::complete_action(store, "fffffffff"), RefusedError);
    }

    TEST_CASE("an add whose id cannot be told leaves nothing written") {
        TempBilan bilan;
        const store::Store store(bilan.dir());
        Trait trait;
        trait.text = "Transmettre";
        trait.kind = "valeur";
        CHECK_THROWS_AS(
            ops::add_trait(store, trait,
                           [](const std::string&) { throw EnvironmentError("stdout fermé"); }),
            EnvironmentError);
        CHECK(ops::list_traits(store).empty());
    }
}
