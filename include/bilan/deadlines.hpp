// What falls due in one bilan: the follow-up (R6313-4 3°), the evaluations (Qualiopi 11, 30), the
// CPF declarations, the convention's signatures, the destruction of the working documents and the
// action plan's dated items. `bilan due` gathers them across folders. Pure functions of loaded
// data: each date comes from the rule that already drives `status` and `check`, so the three
// never disagree.
#pragma once

#include "bilan/framework.hpp"
#include "bilan/model.hpp"
#include "bilan/problem.hpp"

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace bilan {

// The kinds of deadline, in the order `due` lists those of one day: their keys are the
// `what` values of `due --json` (man/bilan.1), their labels what a terminal shows.
std::span<const Term> deadline_kinds();

struct Deadline {
    std::string what;   // a key of deadline_kinds()
    Date date;          // the last day (or, for the follow-up, the day it is due around)
    std::string detail; // one line for people: the action's text, the convention's state…
    std::optional<Remedy> remedy{}; // the operation that meets it, when one does
    // The record it is about, when it is one of several of its kind (an action, a session's
    // reminder): its calendar event keeps its UID whatever comes and goes beside it.
    std::string record{};
};

// The detail followed by its remedy as `say_remedy` words it ("purge interrompue : bilan purge").
std::string detail_text(const Deadline& deadline, const SayRemedy& say_remedy);

// Every deadline of the folder still open, in date order then deadline_kinds() order.
// `destruction` is destruction.toml once a purge began (its kept synthesis has a limit).
std::vector<Deadline> deadlines_of(const Framework& framework, const Folder& folder,
                                   const std::optional<Destruction>& destruction);

// ---- across bilans (`bilan due`) ---------------------------------------------------------

struct FolderNote;
struct Style;

// One line of `due`: a deadline and the bilan it belongs to.
struct DueEntry {
    std::string folder; // as found: "cabinet/dupont"
    std::string beneficiary;
    const Deadline* deadline;
};

// JSON (schema 1): {"due":[{"folder","beneficiary","what","date","overdue","detail"}],
// "problems":[{"folder","message"}],"notes":[…]}; overdue: dated before `today`.
std::string due_json(const std::vector<DueEntry>& entries, const std::vector<FolderNote>& problems,
                     const std::vector<FolderNote>& notes, const Date& today,
                     const SayRemedy& say_remedy);
// One line each, "DATE  en retard  Beneficiary (folder) : label"; "Aucune échéance." for none.
std::string due_text(const std::vector<DueEntry>& entries, const Date& today, const Style& style);

} // namespace bilan
