// A framework is data: the phases of a programme, their hour targets, which phases count
// toward the bilan, its cap and floor, and the calendar rules. `fr` and `be` are built in (as
// TOML text run through the same loader as a provider's own file).
#pragma once

#include "bilan/errors.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace bilan {

struct Phase {
    std::string key;
    std::string label;
    int target_minutes = 0;
    bool counted = true; // counts toward the bilan's cap and floor
    std::vector<std::string> aliases;
};

// A way a bilan may be paid for, as the framework names it (`funding` in bilan.toml).
struct Funding {
    std::string key;
    std::string label;
    std::vector<std::string> aliases;
};

struct Framework {
    std::string name;  // "fr", "be", or the file's name
    std::string label; // one line for people
    // The rule the documents' confidentiality notice cites ("article L6313-4 du Code du
    // travail"); empty: the notice cites none.
    std::string notice;
    std::vector<Funding> fundings; // empty: the French ones (funding_kinds())
    std::vector<Phase> phases;
    std::optional<int> cap_minutes;   // all time of the counted phases
    std::optional<int> floor_minutes; // accompaniment in the counted phases
    // Without `floor_kinds`, a provider's framework counts every accompaniment kind.
    std::vector<std::string> floor_kinds{"entretien", "test", "atelier"};
    std::optional<int> min_sessions;           // accompaniment sessions in counted phases
    std::optional<int> max_months;             // from start to end
    std::optional<int> followup_months;        // the first follow-up is due this long after the end
    std::optional<int> followup_within_months; // every follow-up happens within this
    SourcePos origin;

    const Phase* find_phase(std::string_view key) const;
    bool counts(std::string_view phase) const;
    bool counts_toward_floor(std::string_view kind) const;
    // The phase key that `text` names (key, label or alias, accents folded); UsageError otherwise.
    std::string resolve_phase(std::string_view text) const;
    // The funding key that `text` names (key, label or alias, accents folded); UsageError
    // listing the framework's keys otherwise.
    std::string resolve_funding(std::string_view text) const;
    // How a funding is shown to a person: its label, or the text as written when unknown.
    std::string funding_label(std::string_view text) const;
};

// The TOML text of a built-in framework, or nullptr.
const char* builtin_framework_text(std::string_view name);
bool is_builtin_framework(std::string_view name);
// A funding the framework once listed and no longer pays (be: chèques-formation, issue 26,
// item 4): a folder that holds it still loads, and check warns.
bool is_retired_funding(const Framework& framework, std::string_view funding);

} // namespace bilan
