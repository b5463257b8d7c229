// `bilan agenda`: the sessions and deadlines of many bilans as one iCalendar (agenda.hpp), read
// as `due` reads them (ops::read_bilans). Reading only.
#pragma once

#include "bilan/layers.hpp"
#if BILAN_LAYER < BILAN_LAYER_OPS
#error "the core and the store may not include the operations"
#endif

#include "bilan/agenda.hpp"
#include "bilan/ops/across.hpp"

#include <string>
#include <vector>

namespace bilan::ops {

struct AgendaResult {
    std::string calendar;             // the VCALENDAR of the bilans read
    std::vector<FolderNote> problems; // folders not read
    std::vector<FolderNote> notes;    // read with a note, or no bilan found
};

// The calendar of the bilans `request` names (its deadlines and sessions are asked for here;
// its `today` is not used: nothing in the calendar depends on the day it is made).
AgendaResult read_agenda(AcrossRequest request, const AgendaOptions& options);

} // namespace bilan::ops
