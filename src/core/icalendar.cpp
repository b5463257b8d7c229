#include "bilan/icalendar.hpp"

#include <algorithm>
#include <cstdio>
#include <set>

namespace bilan::ics {
namespace {

constexpr std::size_t fold_at = 75; // octets of a line, CRLF not counted (RFC 5545 3.1)

std::string two(int n) {
    char buffer[8];
    std::snprintf(buffer, sizeof buffer, "%02d", n);
    return buffer;
}

std::string date_value(const Date& d) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d%02d%02d", d.year, d.month, d.day);
    return buffer;
}

std::string local_time(const Date& d, const TimeOfDay& t) {
    return date_value(d) + "T" + two(t.hour) + two(t.minute) + "00";
}

// The last Sunday of `month` in `year` (1970-01-01 was a Thursday).
Date last_sunday(int year, int month) {
    const Date first_next = month == 12 ? Date{year + 1, 1, 1} : Date{year, month + 1, 1};
    const int last = first_next.days_since_epoch() - 1;
    const int weekday = ((last % 7) + 7 + 4) % 7; // 0: Sunday
    return Date::from_days(last - weekday);
}

// The same zone rules for both: their names alone differ.
std::string vtimezone(Zone zone) {
    std::string out = content_line("BEGIN:VTIMEZONE");
    out += content_line("TZID:" + std::string(zone_id(zone)));
    for (const char* line :
         {"BEGIN:DAYLIGHT", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200", "TZNAME:CEST",
          "DTSTART:19700329T020000", "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "END:DAYLIGHT",
          "BEGIN:STANDARD", "TZOFFSETFROM:+0200", "TZOFFSETTO:+0100", "TZNAME:CET",
          "DTSTART:19701025T030000", "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "END:STANDARD",
          "END:VTIMEZONE"})
        out += content_line(line);
    return out;
}

// A parameter value (a name in CN=…) quoted, without what a quoted value cannot hold.
std::string quoted_parameter(std::string_view text) {
    std::string out = "\"";
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '"' || u < 0x20 || u == 0x7f)
            out += ' ';
        else
            out += c;
    }
    return out + "\"";
}

void add(std::string& out, std::string_view name, std::string_view text) {
    if (!text.empty()) out += content_line(std::string(name) + ":" + escape_text(text));
}

std::string event_text(const Event& e) {
    std::string out = content_line("BEGIN:VEVENT");
    out += content_line("UID:" + escape_text(e.uid));
    out += content_line("DTSTAMP:" + date_value(e.stamp) + "T000000Z");
    if (e.from && e.to) {
        const std::string zone = ";TZID=" + std::string(zone_id(e.zone)) + ":";
        out += content_line("DTSTART" + zone + local_time(e.date, *e.from));
        out += content_line("DTEND" + zone + local_time(e.date, *e.to));
    } else {
        out += content_line("DTSTART;VALUE=DATE:" + date_value(e.date));
        out += content_line("DTEND;VALUE=DATE:" +
                            date_value(Date::from_days(e.date.days_since_epoch() + 1)));
    }
    if (e.sequence) out += content_line("SEQUENCE:" + std::to_string(e.sequence));
    add(out, "SUMMARY", e.summary);
    add(out, "DESCRIPTION", e.description);
    add(out, "LOCATION", e.location);
    if (!e.url.empty()) out += content_line("URL:" + e.url); // a checked URI, no escaping
    if (!e.status.empty()) out += content_line("STATUS:" + e.status);
    if (e.transparent) out += content_line("TRANSP:TRANSPARENT");
    if (!e.organizer.empty()) out += content_line("ORGANIZER:mailto:" + e.organizer);
    if (!e.attendee.empty())
        out += content_line(
            "ATTENDEE;CN=" + quoted_parameter(e.attendee_name) +
            ";ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:" + e.attendee);
    return out + content_line("END:VEVENT");
}

} // namespace

std::string_view zone_id(Zone zone) {
    return zone == Zone::brussels ? "Europe/Brussels" : "Europe/Paris";
}

int utc_offset_minutes(const Date& date, const TimeOfDay& time) {
    const Date spring = last_sunday(date.year, 3);
    const Date autumn = last_sunday(date.year, 10);
    const bool after_spring = spring < date || (date == spring && time.hour >= 2);
    const bool before_autumn = date < autumn || (date == autumn && time.hour < 3);
    return after_spring && before_autumn ? 120 : 60;
}

std::string escape_text(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '\\' || c == ';' || c == ',') {
            out += '\\';
            out += c;
        } else if (c == '\r' || c == '\n') {
            out += "\\n";
            if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
        } else if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
            out += ' '; // no other control character is allowed in a value
        } else {
            out += c;
        }
    }
    return out;
}

std::string content_line(std::string_view line) {
    std::string out;
    std::size_t room = fold_at;
    std::size_t at = 0;
    while (line.size() - at > room) {
        std::size_t cut = at + room;
        // Back to the start of a UTF-8 sequence: a continuation byte is 10xxxxxx.
        while (cut > at && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80)
            --cut;
        out.append(line.substr(at, cut - at));
        out += "\r\n ";
        at = cut;
        room = fold_at - 1; // the space that starts a continuation is one of its octets
    }
    out.append(line.substr(at));
    return out + "\r\n";
}

std::string calendar_text(const Calendar& calendar) {
    std::string out = content_line("BEGIN:VCALENDAR");
    out += content_line("VERSION:2.0");
    out += content_line("PRODID:-//bilan//agenda//FR");
    out += content_line("CALSCALE:GREGORIAN");
    if (!calendar.method.empty()) out += content_line("METHOD:" + calendar.method);
    add(out, "X-WR-CALNAME", calendar.name);
    std::set<Zone> zones;
    for (const Event& e : calendar.events)
        if (e.from && e.to) zones.insert(e.zone);
    for (const Zone zone : zones)
        out += vtimezone(zone);
    for (const Event& e : calendar.events)
        out += event_text(e);
    return out + content_line("END:VCALENDAR");
}

} // namespace bilan::ics
