// A consent's earlier period as the line of text older versions of bilan stored in `history`
// (before the [[history]] tables): bilan only reads that form now (parse_consent_period), so
// what writes it lives with the tests that check the reading, the unit tests and the fuzzer.
#pragma once

#include "bilan/model.hpp"

#include <string>

namespace bilan::test {

inline std::string consent_period_text(const ConsentPeriod& period) {
    std::string text = "accordé le " + period.date.iso() + " (";
    for (std::size_t i = 0; i < period.sections.size(); ++i)
        text += (i ? ", " : "") + period.sections[i];
    if (period.replaced_on) return text + "), remplacé le " + period.replaced_on->iso();
    return text + "), retiré" + (period.revoked_on ? " le " + period.revoked_on->iso() : "");
}

} // namespace bilan::test
