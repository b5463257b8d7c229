// The practice's registers: their closed vocabularies and their figures (indicators 31, 32).
#include "bilan/registers.hpp"

#include "bilan/deadlines.hpp"

#include <algorithm>

namespace bilan {

std::span<const std::string_view> complaint_channels() {
    static constexpr std::string_view channels[] = {"courrier", "email", "telephone", "oral",
                                                    "autre"};
    return channels;
}

std::span<const std::string_view> improvement_sources() {
    static constexpr std::string_view sources[] = {"reclamation", "evaluation", "audit", "autre"};
    return sources;
}

RegisterFigures register_figures(std::span<const Complaint> complaints,
                                 std::span<const Improvement> improvements, const Date& today) {
    RegisterFigures f;
    long total_days = 0;
    for (const Complaint& c : complaints) {
        ++f.complaints_received;
        if (!c.closed) {
            ++f.complaints_open;
            continue;
        }
        ++f.complaints_closed;
        const int days = c.closed->days_since_epoch() - c.date.days_since_epoch();
        total_days += days;
        f.days_to_close_max = std::max(f.days_to_close_max.value_or(0), days);
    }
    if (f.complaints_closed > 0)
        f.days_to_close_mean = static_cast<int>(total_days / f.complaints_closed);
    for (const Improvement& i : improvements) {
        ++f.improvements_opened;
        if (i.done) {
            ++f.improvements_done;
            continue;
        }
        ++f.improvements_open;
        if (i.due && *i.due < today) ++f.improvements_overdue;
    }
    return f;
}

std::vector<Deadline> register_deadlines(std::span<const Improvement> improvements) {
    std::vector<Deadline> out;
    for (const Improvement& i : improvements)
        if (i.due && !i.done)
            out.push_back(Deadline{.what = "amelioration",
                                   .date = *i.due,
                                   .detail = i.action,
                                   .remedy = std::nullopt,
                                   .record = i.id});
    std::ranges::stable_sort(out, {}, &Deadline::date);
    return out;
}

} // namespace bilan
