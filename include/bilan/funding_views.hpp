// What `convention show|render` and `financing show` print: text, JSON ("schema": 1, snake_case
// keys, ISO dates, null for what is unset) and the convention as a Markdown document. Pure
// functions of loaded data: no clock, no locale, every text a person typed escaped.
#pragma once

#include "bilan/framework.hpp"
#include "bilan/funding.hpp"
#include "bilan/model.hpp"
#include "bilan/practice.hpp"

#include <optional>
#include <string>

namespace bilan {

// Nothing when there is none: the command line says how to make one.
std::string convention_text(const Convention& convention);
std::string convention_json(const Convention& convention);

// Nothing when there is none, as convention_text.
std::string financing_text(const Financing& financing);
std::string financing_json(const Financing& financing);

// The tripartite convention (R6313-8) as Markdown for pandoc: the three parties (the provider
// from its practice folder, when there is one), then every item the article lists — title,
// objective and content; means; duration and period; conduct and follow-up; how the results
// and the synthesis are handed to the beneficiary alone (L6313-4); price, each payer's part and
// the payment terms — the employee's 10 days to accept, and the three signature blocks. An
// item the convention leaves empty gets the usual wording, or a blank to fill by hand.
std::string render_convention(const Framework& framework, const Folder& folder,
                              const std::optional<Practice>& provider);

} // namespace bilan
