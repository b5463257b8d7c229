#include "bilan/practice.hpp"

#include "bilan/values.hpp"

namespace bilan {
namespace {

std::string_view trimmed(std::string_view text) {
    const std::size_t first = text.find_first_not_of(" \t");
    if (first == std::string_view::npos) return {};
    return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

} // namespace

std::string person_key(std::string_view name) {
    return fold_term(trimmed(name));
}

// "Marc Petit" in practice.toml finds "marc petit" in bilan.toml; a bilan without a counsellor
// is the provider's own.
bool Practice::is_external(std::string_view counsellor) const {
    const std::string wanted = person_key(counsellor);
    if (wanted.empty()) return false;
    std::string_view rest = external;
    while (!rest.empty()) {
        const std::size_t cut = rest.find(';');
        if (person_key(rest.substr(0, cut)) == wanted) return true;
        if (cut == std::string_view::npos) break;
        rest.remove_prefix(cut + 1);
    }
    return false;
}

} // namespace bilan
