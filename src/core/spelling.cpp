#include "bilan/spelling.hpp"

#include "bilan/values.hpp"

#include <algorithm>
#include <vector>

namespace bilan {

std::size_t edit_distance(std::string_view a, std::string_view b) {
    // The classic table, rows i-2, i-1 and i kept: d[i][j] is the distance of a[0..i) to
    // b[0..j); two neighbours swapped ("cfp" for "cpf") is one slip, as a person types it.
    std::vector<std::size_t> before(b.size() + 1), above(b.size() + 1), row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j)
        above[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            row[j] = std::min(
                {above[j] + 1, row[j - 1] + 1, above[j - 1] + (a[i - 1] == b[j - 1] ? 0U : 1U)});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                row[j] = std::min(row[j], before[j - 2] + 1);
        }
        std::swap(before, above);
        std::swap(above, row);
    }
    return above[b.size()];
}

namespace {

std::optional<std::string> only_completion(const std::string& folded,
                                           std::span<const std::string> candidates) {
    if (folded.size() < 3) return std::nullopt;
    std::optional<std::string> found;
    for (const std::string& candidate : candidates) {
        if (!fold_term(candidate).starts_with(folded)) continue;
        if (found) return std::nullopt;
        found = candidate;
    }
    return found;
}

} // namespace

std::optional<std::string> closest_spelling(std::string_view typed,
                                            std::span<const std::string> candidates) {
    const std::string folded = fold_term(typed);
    if (folded.empty()) return std::nullopt;
    std::optional<std::string> best;
    std::size_t best_distance = 3; // two edits at most
    for (const std::string& candidate : candidates) {
        const std::string key = fold_term(candidate);
        const std::size_t distance = edit_distance(folded, key);
        if (distance == 0) return std::nullopt; // not a slip: the value itself
        if (distance < best_distance && 2 * distance < key.size())
            best_distance = distance, best = candidate;
    }
    return best ? best : only_completion(folded, candidates);
}

std::string expected_one_of(std::string_view typed, std::span<const std::string> candidates) {
    std::string accepted;
    for (const std::string& candidate : candidates)
        accepted += (accepted.empty() ? "" : ", ") + candidate;
    if (const auto meant = closest_spelling(typed, candidates))
        return " : vouliez-vous dire « " + *meant + " » ? (attendu " + accepted + ")";
    return " : attendu " + accepted;
}

} // namespace bilan
