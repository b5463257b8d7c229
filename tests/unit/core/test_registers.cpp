// The practice's registers in core (src/core/registers.cpp): their figures for `report`
// (Qualiopi 31, 32) and their deadlines for `due`.
#include "bilan/deadlines.hpp"
#include "bilan/registers.hpp"

#include <doctest/doctest.h>

using namespace bilan;

namespace {

Complaint complaint(Date date, std::optional<Date> closed = std::nullopt) {
    Complaint c;
    c.date = date;
    c.closed = closed;
    return c;
}

Improvement improvement(std::string id, std::optional<Date> due, std::optional<Date> done = {}) {
    Improvement i;
    i.id = std::move(id);
    i.date = {2026, 3, 1};
    i.action = "action " + i.id;
    i.due = due;
    i.done = done;
    return i;
}

} // namespace

TEST_CASE("complaints: received, closed, open, and the days to close them") {
    const std::vector<Complaint> complaints{complaint({2026, 3, 1}, Date{2026, 3, 8}),
                                            complaint({2026, 3, 2}, Date{2026, 3, 4}),
                                            complaint({2026, 3, 5})};
    const RegisterFigures f = register_figures(complaints, {}, {2026, 3, 10});
    CHECK(f.complaints_received == 3);
    CHECK(f.complaints_closed == 2);
    CHECK(f.complaints_open == 1);
    CHECK(f.days_to_close_mean == 4); // (7 + 2) / 2, rounded down
    CHECK(f.days_to_close_max == 7);
}

TEST_CASE("no complaint closed: no delay, rather than zero days") {
    const std::vector<Complaint> complaints{complaint({2026, 3, 1})};
    const RegisterFigures f = register_figures(complaints, {}, {2026, 3, 10});
    CHECK_FALSE(f.days_to_close_mean.has_value());
    CHECK_FALSE(f.days_to_close_max.has_value());
}

TEST_CASE("improvements: overdue is open and due before today, not on it") {
    const std::vector<Improvement> improvements{
        improvement("a", Date{2026, 3, 9}), improvement("b", Date{2026, 3, 10}),
        improvement("c", Date{2026, 3, 1}, Date{2026, 3, 2}), improvement("d", std::nullopt)};
    const RegisterFigures f = register_figures({}, improvements, {2026, 3, 10});
    CHECK(f.improvements_opened == 4);
    CHECK(f.improvements_done == 1);
    CHECK(f.improvements_open == 3);
    CHECK(f.improvements_overdue == 1);
}

TEST_CASE("due: each open improvement with an échéance, in date order, done ones left out") {
    const std::vector<Improvement> improvements{
        improvement("late", Date{2026, 4, 1}), improvement("early", Date{2026, 3, 9}),
        improvement("done", Date{2026, 3, 1}, Date{2026, 3, 2}), improvement("none", std::nullopt)};
    const std::vector<Deadline> deadlines = register_deadlines(improvements);
    REQUIRE(deadlines.size() == 2);
    CHECK(deadlines[0].record == "early");
    CHECK(deadlines[0].what == "amelioration");
    CHECK(deadlines[0].detail == "action early");
    CHECK(deadlines[1].record == "late");
    CHECK(term_label(deadline_kinds(), "amelioration") == "action d'amélioration");
}

TEST_CASE("the closed vocabularies the commands take") {
    CHECK(complaint_channels().size() == 5);
    CHECK(improvement_sources().front() == "reclamation");
}
