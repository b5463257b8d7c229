#include "bilan/ops/controls.hpp"

#include <algorithm>
#include <iterator>

namespace bilan::ops {

Controls read_controls(AcrossRequest request) {
    request.deadlines = false;
    request.figures = false;
    request.sessions = false;
    request.controls = true;
    Across across = read_bilans(request);
    Controls controls{{}, std::move(across.problems), std::move(across.notes)};
    std::vector<CounsellorSchedule> schedules;
    schedules.reserve(across.bilans.size());
    for (BilanSummary& bilan : across.bilans) {
        std::move(bilan.anomalies.begin(), bilan.anomalies.end(),
                  std::back_inserter(controls.anomalies));
        schedules.push_back(std::move(bilan.schedule));
    }
    for (Anomaly& overlap : overlap_anomalies(schedules))
        controls.anomalies.push_back(std::move(overlap));
    sort_anomalies(controls.anomalies);
    return controls;
}

} // namespace bilan::ops
