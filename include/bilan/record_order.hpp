// The order each kind of record is listed in, everywhere: status, the lists, the synthesis.
// Every order ends with the id, unique in its folder, so that no two records tie and a list
// does not depend on the order its files were read in.
#pragma once

#include "bilan/model.hpp"

namespace bilan {

bool listed_before(const Session& a, const Session& b);       // by date, start time
bool listed_before(const Skill& a, const Skill& b);           // by type, domain, text
bool listed_before(const Experience& a, const Experience& b); // by start date, title
bool listed_before(const Trait& a, const Trait& b);           // by kind as trait_kinds ranks them
bool listed_before(const TestResult& a, const TestResult& b); // by date, instrument
bool listed_before(const Piste& a, const Piste& b);           // by title
bool listed_before(const Action& a, const Action& b);         // by horizon, due date, text
bool listed_before(const Consent& a, const Consent& b);       // by recipient (its id)
bool listed_before(const Evaluation& a, const Evaluation& b); // by date, kind

} // namespace bilan
