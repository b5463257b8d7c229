#include "bilan/record_order.hpp"

#include <algorithm>
#include <tuple>

namespace bilan {

bool listed_before(const Session& a, const Session& b) {
    return std::tie(a.date, a.from, a.id) < std::tie(b.date, b.from, b.id);
}

bool listed_before(const Skill& a, const Skill& b) {
    return std::tie(a.type, a.domain, a.text, a.id) < std::tie(b.type, b.domain, b.text, b.id);
}

bool listed_before(const Experience& a, const Experience& b) {
    return std::tie(a.from, a.title, a.id) < std::tie(b.from, b.title, b.id);
}

bool listed_before(const Trait& a, const Trait& b) {
    auto rank = [](const Trait& t) {
        const auto kinds = trait_kinds();
        return std::find_if(kinds.begin(), kinds.end(),
                            [&](const Term& k) { return k.key == t.kind; }) -
               kinds.begin();
    };
    return std::make_tuple(rank(a), a.text, a.id) < std::make_tuple(rank(b), b.text, b.id);
}

bool listed_before(const TestResult& a, const TestResult& b) {
    return std::tie(a.date, a.instrument, a.id) < std::tie(b.date, b.instrument, b.id);
}

bool listed_before(const Piste& a, const Piste& b) {
    return std::tie(a.title, a.id) < std::tie(b.title, b.id);
}

bool listed_before(const Action& a, const Action& b) {
    // court < long < moyen alphabetically: rank the horizons as time goes.
    auto rank = [](const std::string& h) { return h == "court" ? 0 : h == "moyen" ? 1 : 2; };
    return std::make_tuple(rank(a.horizon), a.due, a.text, a.id) <
           std::make_tuple(rank(b.horizon), b.due, b.text, b.id);
}

bool listed_before(const Consent& a, const Consent& b) {
    return a.id < b.id;
}

bool listed_before(const Evaluation& a, const Evaluation& b) {
    return std::tie(a.date, a.kind, a.id) < std::tie(b.date, b.kind, b.id);
}

} // namespace bilan
