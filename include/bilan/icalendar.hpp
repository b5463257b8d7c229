// iCalendar (RFC 5545) as bilan writes it: the counsellor's agenda (`bilan agenda`) and the
// session a convocation carries (`bilan message convocation`). Pure text: CRLF line ends, lines
// folded at 75 octets (never inside a UTF-8 sequence), TEXT values escaped, times in the
// Europe/Paris or Europe/Brussels zone with its VTIMEZONE. Nothing comes from the clock: the
// same events give the same bytes.
#pragma once

#include "bilan/values.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace bilan::ics {

// The zones bilan's sessions are in: a French bilan's, a Belgian one's. Both follow the
// European rule since 1996 (UTC+1, UTC+2 from the last Sunday of March at 01:00 UTC to the
// last Sunday of October at 01:00 UTC).
enum class Zone { paris, brussels };
std::string_view zone_id(Zone zone); // "Europe/Paris"
// The offset from UTC, in minutes (60 or 120), of a local date and time in those zones; the hour
// repeated in October is taken as summer time.
int utc_offset_minutes(const Date& date, const TimeOfDay& time);

// A TEXT value escaped (RFC 5545 3.3.11): `\` `;` `,` and line breaks (CRLF, CR or LF: `\n`).
std::string escape_text(std::string_view text);
// One content line, folded at 75 octets (a CRLF and a space before each continuation), never
// inside a UTF-8 sequence, and ended by CRLF.
std::string content_line(std::string_view line);

struct Event {
    std::string uid;
    Date date;
    // Both or neither: neither makes an all-day event on `date`.
    std::optional<TimeOfDay> from, to;
    Zone zone = Zone::paris;
    Date stamp; // DTSTAMP, at 00:00 UTC: a date of the data, never the clock
    int sequence = 0;
    std::string status; // CONFIRMED, TENTATIVE, CANCELLED, or empty
    std::string summary, description, location, url;
    bool transparent = false;            // takes no time (a deadline)
    std::string organizer;               // an e-mail address, or empty
    std::string attendee, attendee_name; // an e-mail address and the name it is for
};

struct Calendar {
    std::string method; // REQUEST for an invitation, empty for a feed
    std::string name;   // X-WR-CALNAME, or empty
    std::vector<Event> events;
};

// The whole VCALENDAR: a VTIMEZONE for each zone a timed event uses, then the events in order.
std::string calendar_text(const Calendar& calendar);

} // namespace bilan::ics
