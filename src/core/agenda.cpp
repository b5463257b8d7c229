#include "bilan/agenda.hpp"

#include "bilan/values.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <map>
#include <tuple>

namespace bilan {
namespace {

// A first letter in capitals: ASCII, and the Latin-1 letters (é -> É) that French names use.
std::string capital(char32_t c) {
    if (c >= 'a' && c <= 'z') c -= 0x20;
    if (c >= 0xE0 && c <= 0xFE && c != 0xF7) c -= 0x20;
    std::string out;
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
    return out;
}

bool letter_or_digit(char32_t c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0xC0;
}

// The initial of one part of a name ("Anne", "Sophie"): its first letter, or nothing.
std::string initial(std::string_view part) {
    for (std::size_t at = 0; at < part.size();) {
        const auto decoded = decode_utf8(part.substr(at));
        if (!decoded) return "";
        if (letter_or_digit(decoded->first)) return capital(decoded->first) + ".";
        at += decoded->second;
    }
    return "";
}

// The initials of a word, its hyphenated parts kept apart: "Anne-Sophie" -> "A.-S.".
std::string word_initials(std::string_view word) {
    std::string out;
    std::size_t start = 0;
    while (start <= word.size()) {
        const std::size_t dash = std::min(word.find('-', start), word.size());
        const std::string part = initial(word.substr(start, dash - start));
        if (!part.empty()) out += (out.empty() ? "" : "-") + part;
        start = dash + 1;
    }
    return out;
}

const char* status_of(const Session& s) {
    if (s.state == "prevue") return "TENTATIVE";
    if (s.state == "annulee") return "CANCELLED";
    return "CONFIRMED";
}

// What a calendar says of a session beside its title: kind, mode, duration; the motif of a
// cancellation. Never its note.
std::string session_description(const Session& s) {
    std::string text = std::string(term_label(session_kinds(), s.kind)) + ", " +
                       std::string(term_label(session_modes(), s.mode)) + ", " +
                       format_minutes(s.minutes);
    if (s.state == "annulee")
        text +=
            s.motif.empty()
                ? std::string("\nannulée")
                : "\nannulée (" + std::string(term_label(cancellation_reasons(), s.motif)) + ")";
    else if (s.state == "prevue")
        text += "\nprévue";
    return text;
}

std::string who(const AgendaBilan& bilan, const AgendaOptions& options) {
    return options.names ? bilan.beneficiary : initials(bilan.beneficiary);
}

bool in_range(const Date& date, const AgendaOptions& options) {
    return (!options.from || !(date < *options.from)) &&
           (!options.until || !(*options.until < date));
}

void add_bilan(const AgendaBilan& bilan, const AgendaOptions& options,
               std::vector<ics::Event>& events) {
    const std::string title = "Bilan — " + who(bilan, options) + " — ";
    std::vector<const Session*> sessions;
    for (const Session& s : bilan.sessions)
        sessions.push_back(&s);
    std::stable_sort(sessions.begin(), sessions.end(), [](const Session* a, const Session* b) {
        return std::tie(a->date, a->from, a->id) < std::tie(b->date, b->from, b->id);
    });
    for (const Session* s : sessions)
        if (in_range(s->date, options))
            events.push_back(session_event(bilan, *s, title + s->phase));
    std::map<std::string, int> seen; // a second deadline of a kind gets a UID of its own
    for (const Deadline& d : bilan.deadlines) {
        const int n = ++seen[d.what];
        if (!in_range(d.date, options)) continue;
        ics::Event e;
        // The record's id when there is one, so that re-importing updates that event after an
        // earlier action is done or another session planned; else the kind (and its rank).
        e.uid = event_uid(bilan.name, !d.record.empty() ? d.what + "-" + d.record
                                      : n > 1           ? d.what + "-" + std::to_string(n)
                                                        : d.what);
        e.date = d.date;
        e.stamp = d.date;
        e.zone = bilan.belgian ? ics::Zone::brussels : ics::Zone::paris;
        e.summary = title + std::string(term_label(deadline_kinds(), d.what));
        // An action's text is the beneficiary's plan: only with the names.
        if (d.what != "action" || options.names) e.description = d.detail;
        e.transparent = true;
        events.push_back(std::move(e));
    }
}

} // namespace

std::string initials(std::string_view name) {
    std::string out;
    std::size_t start = 0;
    while (start < name.size()) {
        const std::size_t end = std::min(name.find_first_of(" \t\r\n", start), name.size());
        const std::string word = word_initials(name.substr(start, end - start));
        if (!word.empty()) out += (out.empty() ? "" : " ") + word;
        start = end + 1;
    }
    return out;
}

std::string event_uid(std::string_view name, std::string_view part) {
    std::string out;
    for (const char c : name) {
        const auto u = static_cast<unsigned char>(c);
        if (std::isalnum(u) && u < 0x80)
            out += c;
        else if (c == '.' || c == '_' || c == '-')
            out += c;
        else {
            char hex[4];
            std::snprintf(hex, sizeof hex, "%%%02X", u);
            out += hex;
        }
    }
    return out + "-" + std::string(part) + "@bilan";
}

ics::Event session_event(const AgendaBilan& bilan, const Session& session, std::string summary) {
    ics::Event e;
    e.uid = event_uid(bilan.name, session.id);
    e.date = session.date;
    e.from = session.from;
    e.to = session.to;
    e.zone = bilan.belgian ? ics::Zone::brussels : ics::Zone::paris;
    e.stamp = session.date;
    e.sequence = session.state == "prevue" ? 0 : session.state == "tenue" ? 1 : 2;
    e.status = status_of(session);
    e.summary = std::move(summary);
    e.description = session_description(session);
    e.location = session.place.empty() ? session.link : session.place;
    e.url = session.link;
    return e;
}

std::string agenda_calendar(const std::vector<AgendaBilan>& bilans, const AgendaOptions& options) {
    std::vector<ics::Event> events;
    for (const AgendaBilan& bilan : bilans)
        add_bilan(bilan, options, events);
    std::stable_sort(events.begin(), events.end(),
                     [](const ics::Event& a, const ics::Event& b) { return a.date < b.date; });
    return ics::calendar_text({"", "Bilans", std::move(events)});
}

} // namespace bilan
