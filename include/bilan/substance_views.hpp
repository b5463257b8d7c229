// The lists of the substance (skills, parcours, traits, tests, pistes, project, actions): one
// aligned line per record for people, JSON (schema 1) for scripts.
#pragma once

#include "bilan/model.hpp"

#include <string>
#include <vector>

namespace bilan {

std::string skills_table(const std::vector<Skill>& skills);
std::string skills_json(const std::vector<Skill>& skills);
std::string experiences_table(const std::vector<Experience>& experiences);
std::string experiences_json(const std::vector<Experience>& experiences);
std::string traits_table(const std::vector<Trait>& traits);
std::string traits_json(const std::vector<Trait>& traits);
std::string tests_table(const std::vector<TestResult>& tests);
std::string tests_json(const std::vector<TestResult>& tests);
std::string pistes_table(const std::vector<Piste>& pistes);
std::string pistes_json(const std::vector<Piste>& pistes);
std::string actions_table(const std::vector<Action>& actions);
std::string actions_json(const std::vector<Action>& actions);
// The project with its plan B (the pistes decided backup).
std::string project_text(const Project& project, const std::vector<Piste>& pistes);
std::string project_json(const Project& project, const std::vector<Piste>& pistes);

} // namespace bilan
