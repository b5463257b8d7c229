// The practice's registers (Qualiopi indicators 31 and 32): the complaints it received and the
// improvements it decided, kept in the practice folder beside practice.toml, never in a bilan.
// Administrative data about the practice, not about what a beneficiary said.
#pragma once

#include "bilan/values.hpp"

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace bilan {

// reclamations/ID.toml: one complaint, from its receipt to its answer.
struct Complaint {
    std::string id;
    Date date;           // received
    std::string from;    // who complained (a name, "un financeur"…)
    std::string channel; // complaint_channels()
    std::string subject; // what about
    std::string bilan;   // the bilan's folder it is about, when it is about one
    std::string answer;  // empty while open
    std::optional<Date> closed;
};

// ameliorations/ID.toml: one improvement action, from its decision to its completion.
struct Improvement {
    std::string id;
    Date date;          // decided
    std::string source; // improvement_sources()
    std::string ref;    // the complaint's id, the evaluation or the audit report it answers
    std::string action;
    std::string owner; // responsable
    std::optional<Date> due;
    std::optional<Date> done;
};

std::span<const std::string_view> complaint_channels();
std::span<const std::string_view> improvement_sources();

// What `report` says of the registers (indicators 31, 32) on `today`.
struct RegisterFigures {
    int complaints_received = 0;
    int complaints_closed = 0;
    int complaints_open = 0;
    std::optional<int> days_to_close_mean; // rounded down; nullopt when none closed
    std::optional<int> days_to_close_max;
    int improvements_opened = 0;
    int improvements_done = 0;
    int improvements_open = 0;
    int improvements_overdue = 0; // open, due before today
};
RegisterFigures register_figures(std::span<const Complaint> complaints,
                                 std::span<const Improvement> improvements, const Date& today);

// `due`: each open improvement with an échéance, as a deadline "amelioration" (its action as
// detail, its id as record). practice.md sets no delay for a complaint: none for those.
struct Deadline;
std::vector<Deadline> register_deadlines(std::span<const Improvement> improvements);

} // namespace bilan
