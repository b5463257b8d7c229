#include "bilan/ops/agenda.hpp"

namespace bilan::ops {

AgendaResult read_agenda(AcrossRequest request, const AgendaOptions& options) {
    request.deadlines = true;
    request.figures = false;
    request.sessions = true;
    Across across = read_bilans(request);
    std::vector<AgendaBilan> bilans;
    bilans.reserve(across.bilans.size());
    for (BilanSummary& b : across.bilans)
        bilans.push_back({std::move(b.name), std::move(b.beneficiary), b.belgian,
                          std::move(b.sessions), std::move(b.deadlines)});
    return {agenda_calendar(bilans, options), std::move(across.problems), std::move(across.notes)};
}

} // namespace bilan::ops
