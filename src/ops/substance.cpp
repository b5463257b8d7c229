#include "bilan/ops/substance.hpp"

#include "bilan/errors.hpp"
#include "bilan/evaluations.hpp"
#include "bilan/rules.hpp"
#include "bilan/substance_views.hpp"
#include "bilan/views.hpp"

#include <algorithm>

namespace bilan::ops {
namespace {

using store::Collection;

// The record `id` in `records`, as loaded (strict: a bad file stopped the load already).
template <typename Record>
const Record& find_loaded(const store::Store& store, const std::vector<Record>& records,
                          Collection collection, const std::string& id) {
    const auto found =
        std::find_if(records.begin(), records.end(), [&](const Record& r) { return r.id == id; });
    if (found == records.end())
        throw RefusedError(store.display(std::string(collection.folder) + "/" + id + ".toml") +
                           " n'existe plus");
    return *found;
}

// The skills citing an experience block its removal: their references would dangle (`check`
// would then fail).
void refuse_cited_experience(const store::Store& store, const std::string& id) {
    store::Diagnostics strict;
    const std::vector<Skill> skills = store.load<Skill>(strict);
    const std::size_t count = skills_citing(skills, id);
    if (count == 0) return;
    // The first three skills by id ("skills": "a,b,c"), and whether there are more.
    std::string ids;
    std::size_t shown = 0;
    for (const Skill& skill : skills)
        if (skill.experience == id && shown++ < 3) ids += (ids.empty() ? "" : ",") + skill.id;
    throw RefusedError(
        Problem{.code = count == 1 ? "experience.cited-by-one" : "experience.cited-by-many",
                .record = id,
                .values = {{"experience", id},
                           {"count", std::to_string(count)},
                           {"skills", ids},
                           {"more", count > 3 ? "1" : ""}},
                .remedy = Remedy{"skill.rm", {{"skill", {}}}}});
}

// "Compétence supprimée : ", "Test supprimé : ".
std::string removed_heading(Collection collection) {
    return std::string(collection.removed) + " : ";
}

// Blank items are dropped, so `--watch "" --watch a` gives ["a"].
std::vector<std::string> without_blanks(std::vector<std::string> items) {
    std::erase_if(items, [](const std::string& item) {
        return item.find_first_not_of(" \t") == std::string::npos;
    });
    return items;
}

} // namespace

std::string add_skill(const store::Store& store, Skill skill,
                      const std::optional<std::string>& experience, const OnAdded& on_added) {
    store.require_bilan();
    store::Transaction transaction(store); // the experience must still exist when linked
    if (experience)
        skill.experience =
            transaction.store().resolve_id(store::collection_of<Experience>(), *experience);
    return add_told(transaction, std::move(skill), on_added);
}

std::string add_experience(const store::Store& store, const Experience& experience,
                           const OnAdded& on_added) {
    if (experience.from && experience.to && *experience.to < *experience.from)
        throw UsageError("--to (" + experience.to->iso() + ") précède --from (" +
                         experience.from->iso() + ")");
    return add(store, experience, on_added);
}

std::string add_trait(const store::Store& store, const Trait& trait, const OnAdded& on_added) {
    return add(store, trait, on_added);
}

std::string add_test(const store::Store& store, const TestResult& test, const OnAdded& on_added) {
    return add(store, test, on_added);
}

std::string add_piste(const store::Store& store, const Piste& piste, const OnAdded& on_added) {
    return add(store, piste, on_added);
}

std::string add_action(const store::Store& store, const Action& action, const OnAdded& on_added) {
    return add(store, action, on_added);
}

void survey_piste(const store::Store& store, const std::string& piste, const Survey& survey) {
    store.require_bilan();
    store::Transaction transaction(store); // what is read decides the write: under the lock
    const store::Store& locked = transaction.store();
    const std::string id = locked.resolve_id(store::collection_of<Piste>(), piste);
    store::Diagnostics strict;
    const auto pistes = locked.load<Piste>(strict); // never append to a file we cannot read
    const Piste& before = find_loaded(locked, pistes, store::collection_of<Piste>(), id);
    Piste after = before;
    after.surveys.push_back(survey);
    transaction.update(before, after);
}

Notes decide_piste(const store::Store& store, const std::string& piste, const std::string& decision,
                   const std::string& why, bool replace) {
    store.require_bilan();
    // Read under the lock: two `decide … retained` at once must not both see no retained piste.
    store::Transaction transaction(store);
    const store::Store& locked = transaction.store();
    const std::string id = locked.resolve_id(store::collection_of<Piste>(), piste);
    store::Diagnostics strict;
    const auto pistes = locked.load<Piste>(strict);
    std::vector<const Piste*> demoted;
    for (const Piste& p : pistes) {
        if (decision != "retained" || p.decision != "retained" || p.id == id) continue;
        if (!replace)
            throw RefusedError("la piste " + p.id + " « " + p.title + " » est déjà retenue : " +
                               "ajoutez --replace pour la passer en plan B");
        demoted.push_back(&p);
    }
    const Piste& before = find_loaded(locked, pistes, store::collection_of<Piste>(), id);
    Notes notes;
    for (const Piste* other : demoted) {
        Piste backup = *other;
        backup.decision = "backup";
        transaction.update(*other, backup);
        notes.push_back({.code = "piste.demoted",
                         .severity = Severity::notice,
                         .record = other->id,
                         .values = {{"piste", other->id}}});
    }
    Piste after = before;
    after.decision = decision;
    after.why = why;
    transaction.update(before, after);
    return notes;
}

void complete_action(const store::Store& store, const std::string& action) {
    store.require_bilan();
    store::Transaction transaction(store); // what is read decides the write: under the lock
    const store::Store& locked = transaction.store();
    const std::string id = locked.resolve_id(store::collection_of<Action>(), action);
    store::Diagnostics strict;
    const auto actions = locked.load<Action>(strict); // never edit a file we cannot read
    const Action& before = find_loaded(locked, actions, store::collection_of<Action>(), id);
    Action after = before;
    after.done = true;
    transaction.update(before, after);
}

void set_project(const store::Store& store, const ProjectEdit& edit) {
    store.require_bilan();
    store::Transaction transaction(store);
    store::Diagnostics strict;
    const Project before = transaction.store().load<Project>(strict); // read under the lock
    Project after = before;
    if (edit.title) after.title = *edit.title;
    if (edit.training) after.training = *edit.training;
    if (edit.strengths) after.strengths = without_blanks(*edit.strengths);
    if (edit.watch) after.watch = without_blanks(*edit.watch);
    transaction.update(before, after);
}

std::vector<Skill> list_skills(const store::Store& store, const std::string& type) {
    auto skills = read_strictly(
        store, [](const store::Store& s, store::Diagnostics& d) { return s.load<Skill>(d); });
    std::erase_if(skills, [&](const Skill& k) { return !type.empty() && k.type != type; });
    return skills;
}

std::vector<Experience> list_experiences(const store::Store& store) {
    return list<Experience>(store);
}

std::vector<Trait> list_traits(const store::Store& store) {
    return list<Trait>(store);
}

std::vector<TestResult> list_tests(const store::Store& store) {
    return list<TestResult>(store);
}

std::vector<Piste> list_pistes(const store::Store& store) {
    return list<Piste>(store);
}

std::vector<Action> list_actions(const store::Store& store) {
    return list<Action>(store);
}

ProjectView show_project(const store::Store& store) {
    return read_strictly(store, [](const store::Store& s, store::Diagnostics& d) {
        Project project = s.load<Project>(d);
        return ProjectView{std::move(project), s.load<Piste>(d)};
    });
}

std::string removal_text(const store::Store& store, Collection collection, const std::string& id) {
    try {
        return removed_heading(collection) + store.record_line(collection, id);
    } catch (const Error&) { // what cannot be read is still removed: say its id
        return removed_heading(collection) + id + "\n";
    }
}

Removed remove_record(const store::Store& store, Collection collection,
                      const std::string& id_or_prefix, bool describe) {
    store.require_bilan();
    store::Transaction transaction(store); // read under the lock: no skill slips in meanwhile
    const store::Store& locked = transaction.store();
    Removed removed;
    removed.id = locked.resolve_id(collection, id_or_prefix);
    if (collection == store::collection_of<Experience>())
        refuse_cited_experience(locked, removed.id);
    if (describe) removed.told = removal_text(locked, collection, removed.id);
    transaction.remove_record(collection, removed.id);
    return removed;
}

} // namespace bilan::ops
