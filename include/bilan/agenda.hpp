// `bilan agenda`: the counsellor's calendar from the bilans' own data — one event per session
// planned, held or cancelled, one all-day event per deadline `due` knows — as iCalendar
// (icalendar.hpp). Private by default: a beneficiary appears by initials unless names are asked
// for, and no note, skill or other content of the bilan goes into it.
#pragma once

#include "bilan/deadlines.hpp"
#include "bilan/icalendar.hpp"
#include "bilan/model.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace bilan {

// One bilan as the agenda needs it.
struct AgendaBilan {
    std::string name; // the folder's own name ("claire-martin"): the events' UIDs start with it
    std::string beneficiary;
    bool belgian = false;            // its times are Europe/Brussels'
    std::vector<Session> sessions;   // held, planned and cancelled
    std::vector<Deadline> deadlines; // deadlines_of()
};

struct AgendaOptions {
    std::optional<Date> from, until; // the events dated from, until (both included)
    bool names = false;              // the beneficiary's full name rather than initials
};

// "Anne-Sophie de la Roux" -> "A.-S. D. L. R.": each word's first letter, capitalised.
std::string initials(std::string_view name);
// The UID of an event of the folder `name`: "claire-martin-3f9a0b12@bilan", the name's bytes
// outside [A-Za-z0-9._-] percent-encoded.
std::string event_uid(std::string_view name, std::string_view part);
// A session as an event: times in the bilan's zone (all day without times), its state as
// STATUS, its place as LOCATION (and a link as URL), DTSTAMP its date. `summary` is the title.
ics::Event session_event(const AgendaBilan& bilan, const Session& session, std::string summary);

// The VCALENDAR of the bilans' sessions and deadlines, in date order (within a day, the
// bilans' order, a bilan's sessions before its deadlines).
std::string agenda_calendar(const std::vector<AgendaBilan>& bilans, const AgendaOptions& options);

} // namespace bilan
