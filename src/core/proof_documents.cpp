// What the attendance sheet and the certificate share: French typography for hours and dates,
// the sessions each one counts, and the provider's identity at their head.
#include "bilan/proof_documents.hpp"

#include "bilan/calendar.hpp"
#include "bilan/markdown.hpp"
#include "bilan/typography.hpp"

#include <algorithm>
#include <array>

namespace bilan {

namespace {

bool all_digits(std::string_view text) {
    return !text.empty() &&
           std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

} // namespace

// French typography (Imprimerie nationale), as every document writes it (typography.hpp).
std::string french_hours(int minutes) {
    return typo::hours(minutes);
}

std::string french_time(const TimeOfDay& time) {
    return typo::time_of_day(time.hour, time.minute);
}

std::string french_long_date(const Date& date) {
    static constexpr std::array<std::string_view, 7> weekdays{
        "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"};
    return std::string(weekdays.at(static_cast<std::size_t>(iso_weekday(date) - 1))) + " " +
           date.french();
}

std::string grouped_siret(std::string_view siret) {
    if (siret.size() != 14 || !all_digits(siret)) return std::string(siret);
    return std::string(siret.substr(0, 3)) + " " + std::string(siret.substr(3, 3)) + " " +
           std::string(siret.substr(6, 3)) + " " + std::string(siret.substr(9));
}

std::string grouped_nda(std::string_view nda) {
    if (nda.size() != 11 || !all_digits(nda)) return std::string(nda);
    return std::string(nda.substr(0, 2)) + " " + std::string(nda.substr(2, 2)) + " " +
           std::string(nda.substr(4, 5)) + " " + std::string(nda.substr(9));
}

bool held_with_counsellor(const Session& session) {
    return is_accompaniment(session.kind); // one rule with the floor and the evidence checks
}

namespace {

// Date, then start time (a session without one first), then id: two sessions of one day
// appear as they were held.
bool held_before(const Session* a, const Session* b) {
    if (a->date != b->date) return a->date < b->date;
    if (a->from != b->from) return a->from < b->from;
    return a->id < b->id;
}

} // namespace

std::vector<const Session*> attendance_sessions(const Folder& folder) {
    std::vector<const Session*> sessions;
    for (const Session& s : folder.sessions)
        if (held_with_counsellor(s)) sessions.push_back(&s);
    std::stable_sort(sessions.begin(), sessions.end(), held_before);
    return sessions;
}

std::vector<const Session*> counted_sessions(const Framework& framework, const Folder& folder) {
    std::vector<const Session*> sessions;
    for (const Session& s : folder.sessions)
        if (framework.counts(s.phase)) sessions.push_back(&s);
    std::stable_sort(sessions.begin(), sessions.end(), held_before);
    return sessions;
}

std::string provider_block(const Practice& provider) {
    std::vector<std::string> lines;
    if (!md::blank(provider.name)) lines.push_back("**" + md::line(provider.name) + "**");
    if (!md::blank(provider.address)) lines.push_back(md::line(provider.address));
    std::vector<std::string> ids;
    if (!md::blank(provider.siret))
        ids.push_back("SIRET : " + md::line(grouped_siret(provider.siret)));
    if (!md::blank(provider.nda)) ids.push_back("NDA : " + md::line(grouped_nda(provider.nda)));
    if (!md::blank(provider.bce)) ids.push_back("Numéro d'entreprise : " + md::line(provider.bce));
    if (!ids.empty()) lines.push_back(ids.size() == 2 ? ids[0] + " — " + ids[1] : ids[0]);
    std::string block;
    for (const std::string& l : lines)
        block += (block.empty() ? "" : "\\\n") + l;
    return block;
}

bool certificate_is_attestation(const Framework& framework) {
    return framework.name == "be";
}

} // namespace bilan
