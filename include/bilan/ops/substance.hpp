// The operations of the substance of a bilan: skills, experiences, traits, tests, pistes,
// actions and the project (the commands of src/commands/{skill,experience,trait,test,piste,
// action,project}.cpp), and the removal of a record by its id. Each write is one Transaction
// whose reads (an id's prefix resolved, the one retained piste, the skills that cite an
// experience) happen under its lock; each read command reads under the folder's shared lock.
// The values come checked by the command line (clean text, known terms, dates): what is left
// here is what depends on the folder.
#pragma once

#include "bilan/layers.hpp"
#if BILAN_LAYER < BILAN_LAYER_OPS
#error "the core and the store may not include the operations"
#endif

#include "bilan/ops/common.hpp"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace bilan::ops {

// `experience`: an id or a unique prefix of one (lower case, 3 characters at least), resolved
// under the lock, so that the experience still exists when the skill names it.
std::string add_skill(const store::Store& store, Skill skill,
                      const std::optional<std::string>& experience, const OnAdded& on_added);
// UsageError when it ends (`to`) before it starts (`from`).
std::string add_experience(const store::Store& store, const Experience& experience,
                           const OnAdded& on_added);
std::string add_trait(const store::Store& store, const Trait& trait, const OnAdded& on_added);
std::string add_test(const store::Store& store, const TestResult& test, const OnAdded& on_added);
std::string add_piste(const store::Store& store, const Piste& piste, const OnAdded& on_added);
std::string add_action(const store::Store& store, const Action& action, const OnAdded& on_added);

// `piste survey`: appends an enquête métier to the piste `piste` names (id or prefix).
void survey_piste(const store::Store& store, const std::string& piste, const Survey& survey);

// `piste decide`: one piste at most is retained. Retaining a piste while another is retained
// is refused (RefusedError) unless `replace`, which turns the other into a plan B (backup),
// with a note saying so. An empty `why` removes the previous one.
Notes decide_piste(const store::Store& store, const std::string& piste, const std::string& decision,
                   const std::string& why, bool replace);

// `action done`: marks the action `action` names (id or prefix) as done.
void complete_action(const store::Store& store, const std::string& action);

// `project set`: each field given replaces the project's (nullopt: left as it is). An empty
// text removes the field; a list drops its blank items, and a list left empty is removed.
struct ProjectEdit {
    std::optional<std::string> title, training;
    std::optional<std::vector<std::string>> strengths, watch;
    bool empty() const { return !title && !training && !strengths && !watch; }
};
void set_project(const store::Store& store, const ProjectEdit& edit);

// The reads of the list commands, under the shared lock. `type`: only the skills of that type
// (a term of skill_types(); empty: all).
std::vector<Skill> list_skills(const store::Store& store, const std::string& type = "");
std::vector<Experience> list_experiences(const store::Store& store);
std::vector<Trait> list_traits(const store::Store& store);
std::vector<TestResult> list_tests(const store::Store& store);
std::vector<Piste> list_pistes(const store::Store& store);
std::vector<Action> list_actions(const store::Store& store);

// `project show`: the project, and the pistes for its plan B.
struct ProjectView {
    Project project;
    std::vector<Piste> pistes;
};
ProjectView show_project(const store::Store& store);

// `GROUP rm ID`: removes the record `id_or_prefix` names in `collection`. An experience that
// skills cite as their source is refused (RefusedError) until they no longer do. With
// `describe`, `told` is what to tell a person ("Compétence supprimée : " and the record's line
// in its list, read before it goes; its id alone when it cannot be read).
struct Removed {
    std::string id;
    std::string told; // empty unless `describe`
};
Removed remove_record(const store::Store& store, store::Collection collection,
                      const std::string& id_or_prefix, bool describe);

// The same removal's text for a record already resolved, inside a write that holds the lock.
std::string removal_text(const store::Store& store, store::Collection collection,
                         const std::string& id);

} // namespace bilan::ops
