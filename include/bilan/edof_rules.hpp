// The rules of a CPF file over a loaded folder: its deadlines, what `check` reports, what
// `status` says. French only: they apply to a bilan funded by the CPF in a framework that has
// the French fundings (not `be`). Pure functions of loaded data.
#pragma once

#include "bilan/edof.hpp"
#include "bilan/framework.hpp"
#include "bilan/model.hpp"
#include "bilan/rules.hpp"

#include <optional>
#include <string>
#include <vector>

namespace bilan {

// Whether the bilan is a CPF file: funded by `cpf` (an alias too) in a framework with the
// French fundings. The `be` framework has none.
bool edof_applies(const Framework& framework, const BilanRecord& bilan);

// The last day of a declaration, when its clock has started: the entry once a counted session
// exists, the exit once the bilan's end is set (or the exit declared). Nullopt otherwise, and
// always when the bilan is no CPF file. Business days in the practice's calendar
// (folder.holidays).
struct EdofDue {
    const EdofDeadlineRule* rule = nullptr;
    Date clock_start; // the session that started it
    Date date;        // the last day allowed
    // The exit of an abandoned bilan: its clock is the abandonment, not a session (the MCF's
    // help on service fait).
    bool from_abandonment = false;
};
std::optional<EdofDue> edof_due(const Framework& framework, const Folder& folder,
                                std::string_view what);

// The day the declaration `rule` names was made, if it was.
std::optional<Date> edof_declared(const EdofFile& edof, const EdofDeadlineRule& rule);

// The declaration not yet made whose deadline comes first (entry, then exit), for `status`.
std::optional<EdofDue> next_edof_deadline(const Framework& framework, const Folder& folder);

// What `check` reports of edof.toml: a declaration made after its deadline, an exit declared
// before the last counted session (or an entry before the first), a partial service fait
// without its reason or the minutes not done, those given for a service fait not partial.
std::vector<Problem> edof_problems(const Framework& framework, const Folder& folder);

// What `status` and `check` warn of: a CPF file recorded for a bilan that is none (another
// funding, or the `be` framework); for one that is, a declaration made after its deadline
// (history: a warning, never a problem).
std::vector<Problem> edof_warnings(const Framework& framework, const Folder& folder);

// A declaration made after its deadline: one warning each (its place in edof.toml), for
// `check`; kept in the history, it never fails it.
std::vector<Problem> edof_late_warnings(const Framework& framework, const Folder& folder);

// A declaration not made past its deadline on `today` (due lists it; check reports it): a
// problem, for `check`.
std::vector<Problem> edof_undeclared_problems(const Framework& framework, const Folder& folder,
                                              const Date& today);

// `edof show`: the file as recorded, with its deadlines. JSON (schema 1): every key of
// edof.toml (null when unset), `entry_due` and `exit_due` (null while their clock has not
// started, or for a bilan that is no CPF file), `cpf` (whether it is one) and `holidays`.
std::string edof_text(const Framework& framework, const Folder& folder);
std::string edof_json(const Framework& framework, const Folder& folder);

} // namespace bilan
