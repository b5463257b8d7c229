#include "bilan/messages.hpp"

#include "bilan/errors.hpp"
#include "bilan/icalendar.hpp"
#include "bilan/proof_documents.hpp"
#include "bilan/sha256.hpp"

#include <array>

namespace bilan {
namespace {

using Placeheld = std::vector<std::pair<std::string, std::string>>;

constexpr std::array<std::pair<std::string_view, std::string_view>, 16> placeholders{{
    {"beneficiaire", "le nom du ou de la bénéficiaire"},
    {"date", "le jour de la séance (« vendredi 27 mars 2026 »)"},
    {"debut", "son heure de début, quand elle en a"},
    {"fin", "son heure de fin"},
    {"duree", "sa durée (« 2 h 30 »)"},
    {"phase", "sa phase, comme le cadre la nomme"},
    {"lieu", "son lieu (session add --lieu)"},
    {"lien", "son lien de visioconférence (--lien)"},
    {"fin_bilan", "la fin du bilan"},
    {"conseiller", "le ou la conseillère (counsellor)"},
    {"cabinet", "le nom du cabinet (practice.toml)"},
    {"adresse_cabinet", "son adresse"},
    {"telephone_cabinet", "son téléphone"},
    {"email_cabinet", "son e-mail"},
    {"attestation", "ce que la personne confirme d'une séance à distance (message emargement)"},
    {"code", "le code que sa réponse cite (message emargement)"},
}};

constexpr std::string_view signature = "\n{conseiller}\n{cabinet}\n{adresse_cabinet}\n"
                                       "{telephone_cabinet}\n{email_cabinet}\n";

constexpr std::string_view session_lines = "  Date : {date}\n"
                                           "  Horaire : de {debut} à {fin}\n"
                                           "  Durée : {duree}\n"
                                           "  Lieu : {lieu}\n"
                                           "  Visioconférence : {lien}\n";

std::string convocation_body() {
    return "Bonjour {beneficiaire},\n\n"
           "Je vous confirme notre prochaine séance de bilan de compétences ({phase}) :\n\n" +
           std::string(session_lines) +
           "\nVous trouverez la séance en pièce jointe, à ajouter à votre agenda.\n"
           "En cas d'empêchement, merci de me prévenir dès que possible.\n\n"
           "Bien cordialement,\n" +
           std::string(signature);
}

std::string reminder_body() {
    return "Bonjour {beneficiaire},\n\n"
           "Je vous rappelle notre séance de bilan de compétences de demain ({phase}) :\n\n" +
           std::string(session_lines) +
           "\nEn cas d'empêchement, merci de me prévenir dès que possible.\n\n"
           "À demain,\n" +
           std::string(signature);
}

std::string evaluation_body() {
    return "Bonjour {beneficiaire},\n\n"
           "Votre bilan de compétences s'est achevé le {fin_bilan}. Quelques mois plus tard,\n"
           "votre avis nous est précieux : où en est votre projet, quelles démarches avez-vous\n"
           "engagées, et que vous a apporté le bilan avec le recul ?\n\n"
           "Vous pouvez me répondre en quelques lignes, ou me proposer un moment pour en "
           "parler.\n\n"
           "Bien cordialement,\n" +
           std::string(signature);
}

std::string acknowledgement_body() {
    return "Bonjour {beneficiaire},\n\n"
           "Pour la feuille d'émargement de notre séance à distance, merci de me confirmer votre\n"
           "présence en répondant à ce message, sans en effacer le texte ci-dessous, avec la\n"
           "mention « Je confirme ma présence » :\n\n"
           "{attestation}\n"
           "Code de confirmation : {code}\n\n"
           "Bien cordialement,\n" +
           std::string(signature);
}

std::string one_line(std::string text) {
    for (char& c : text)
        if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    return text;
}

// "Phase d'investigation" inside a sentence: "phase d'investigation".
std::string lower_first(std::string text) {
    if (!text.empty() && text[0] >= 'A' && text[0] <= 'Z')
        text[0] = static_cast<char>(text[0] + 32);
    return text;
}

Placeheld values_of(const MessageData& d) {
    const Practice practice = d.practice.value_or(Practice{});
    Placeheld v{{"beneficiaire", one_line(d.bilan.beneficiary)},
                {"fin_bilan", d.bilan.end ? d.bilan.end->french() : ""},
                {"conseiller", one_line(d.bilan.counsellor)},
                {"cabinet", one_line(practice.name)},
                {"adresse_cabinet", one_line(practice.address)},
                {"telephone_cabinet", practice.telephone},
                {"email_cabinet", practice.email}};
    const Session s = d.session.value_or(Session{});
    const bool timed = d.session && s.from && s.to;
    v.insert(v.end(), {{"date", d.session ? french_long_date(s.date) : ""},
                       {"debut", timed ? french_time(*s.from) : ""},
                       {"fin", timed ? french_time(*s.to) : ""},
                       {"duree", d.session ? french_hours(s.minutes) : ""},
                       {"phase", lower_first(one_line(d.phase_label))},
                       {"lieu", one_line(s.place)},
                       {"lien", s.link}});
    const std::string statement =
        d.kind == MessageKind::emargement ? attendance_statement(d) : std::string();
    v.insert(v.end(), {{"attestation", statement},
                       {"code", statement.empty() ? "" : acknowledgement_code(statement)}});
    return v;
}

const std::string* value_of(const Placeheld& values, std::string_view name) {
    for (const auto& [key, value] : values)
        if (key == name) return &value;
    return nullptr;
}

// A line of a template filled in, or nullopt when it had placeholders, all empty.
std::optional<std::string> filled_line(std::string_view line, const Placeheld& values) {
    std::string out;
    bool any = false, all_empty = true;
    std::size_t at = 0;
    while (at < line.size()) {
        const std::size_t open = line.find('{', at);
        const std::size_t close = open == std::string_view::npos ? open : line.find('}', open);
        if (close == std::string_view::npos) {
            out += line.substr(at);
            break;
        }
        out += line.substr(at, open - at);
        const std::string_view name = line.substr(open + 1, close - open - 1);
        const std::string* value = value_of(values, name);
        if (!value)
            throw UsageError("modèle de message : le champ {" + std::string(name) +
                             "} n'existe pas");
        any = true;
        if (!value->empty()) all_empty = false;
        out += *value;
        at = close + 1;
    }
    if (any && all_empty) return std::nullopt;
    return out;
}

std::string subject_of(const MessageData& d) {
    const std::string day = d.session ? french_long_date(d.session->date) : "";
    switch (d.kind) {
    case MessageKind::convocation:
        return "Convocation : séance de bilan de compétences du " + day;
    case MessageKind::rappel:
        return "Rappel : séance de bilan de compétences demain, " + day;
    case MessageKind::emargement:
        return "Émargement : votre séance de bilan de compétences du " + day;
    case MessageKind::evaluation_froid:
        break;
    }
    return "Votre bilan de compétences, quelques mois après : votre avis";
}

constexpr std::array<std::string_view, 8> template_keys{
    "convocation",      "convocation-objet",      "rappel",     "rappel-objet",
    "evaluation-froid", "evaluation-froid-objet", "emargement", "emargement-objet"};

// The practice's own text for `key`, when it has one.
const std::string* practice_template(const MessageData& d, std::string_view key) {
    if (!d.practice) return nullptr;
    for (const auto& [name, text] : d.practice->message_templates)
        if (name == key) return &text;
    return nullptr;
}

std::string_view key_of(MessageKind kind) {
    switch (kind) {
    case MessageKind::convocation:
        return "convocation";
    case MessageKind::rappel:
        return "rappel";
    case MessageKind::emargement:
        return "emargement";
    case MessageKind::evaluation_froid:
        break;
    }
    return "evaluation-froid";
}

// The day and time the message is meant to go.
Date sending_day(const MessageData& d) {
    const auto before = [](const Date& date, int days) {
        return Date::from_days(date.days_since_epoch() - days);
    };
    switch (d.kind) {
    case MessageKind::convocation:
        return before(d.session->date, 7);
    case MessageKind::rappel:
        return before(d.session->date, 1);
    case MessageKind::emargement: // once it took place: never evidence dated before the end
        return before(d.session->date, -1);
    case MessageKind::evaluation_froid:
        break;
    }
    return d.froid_due.value_or(Date{});
}

mail::Attachment invitation(const MessageData& d) {
    const AgendaBilan bilan{d.folder_name, d.bilan.beneficiary, d.belgian, {}, {}};
    ics::Event event =
        session_event(bilan, *d.session, "Bilan de compétences — " + one_line(d.phase_label));
    event.description.clear();  // the kind and mode are the counsellor's words, not hers
    event.status = "CONFIRMED"; // to her, a convocation is no tentative event
    event.sequence = 0;
    if (d.practice) event.organizer = d.practice->email;
    event.attendee = d.bilan.email;
    event.attendee_name = one_line(d.bilan.beneficiary);
    return {"seance.ics", "text/calendar; charset=UTF-8; method=REQUEST",
            ics::calendar_text({"REQUEST", "", {event}})};
}

} // namespace

std::string attendance_statement(const MessageData& d) {
    const Session& s = *d.session;
    const Practice practice = d.practice.value_or(Practice{});
    std::string times = french_hours(s.minutes);
    if (s.from && s.to)
        times = "de " + french_time(*s.from) + " à " + french_time(*s.to) + " (" + times + ")";
    return "  Prestataire : " + one_line(practice.name) + "\n" +
           "  Conseiller ou conseillère : " + one_line(d.bilan.counsellor) + "\n" +
           "  Bénéficiaire : " + one_line(d.bilan.beneficiary) + "\n" +
           "  Séance : " + french_long_date(s.date) + ", " + times + "\n" + "  " +
           one_line(d.phase_label) + "\n" +
           "  Modalité : " + (s.mode == "distance" ? "à distance" : s.mode) + "\n";
}

std::string acknowledgement_code(std::string_view statement) {
    std::string code = sha256_hex(statement).substr(0, 8);
    for (char& c : code)
        if (c >= 'a' && c <= 'f') c = static_cast<char>(c - 'a' + 'A');
    return code.substr(0, 4) + "-" + code.substr(4);
}

std::span<const std::pair<std::string_view, std::string_view>> message_placeholders() {
    return placeholders;
}

std::span<const std::string_view> message_template_keys() {
    return template_keys;
}

void check_message_template(std::string_view text) {
    Placeheld every;
    for (const auto& [name, meaning] : placeholders)
        every.emplace_back(std::string(name), "x");
    fill_template(text, every);
}

std::string fill_template(std::string_view text, const Placeheld& values) {
    std::string out;
    std::size_t at = 0;
    while (at < text.size()) {
        const std::size_t end = std::min(text.find('\n', at), text.size());
        if (auto line = filled_line(text.substr(at, end - at), values))
            out += *line + (end < text.size() ? "\n" : "");
        at = end + 1;
    }
    return out;
}

mail::Draft message_draft(const MessageData& d) {
    const std::string key(key_of(d.kind));
    const std::string* own_body = practice_template(d, key);
    const std::string* own_subject = practice_template(d, key + "-objet");
    const std::string body = own_body                             ? *own_body
                             : d.kind == MessageKind::convocation ? convocation_body()
                             : d.kind == MessageKind::rappel      ? reminder_body()
                             : d.kind == MessageKind::emargement  ? acknowledgement_body()
                                                                  : evaluation_body();
    const Date day = sending_day(d);
    const TimeOfDay nine{9, 0};
    const std::string part =
        std::string(key_of(d.kind)) + (d.session ? "-" + d.session->id : std::string());
    mail::Draft draft;
    draft.date = mail::date_header(day, nine, ics::utc_offset_minutes(day, nine));
    draft.message_id = event_uid(d.folder_name, part);
    if (d.practice && !d.practice->email.empty()) {
        draft.from_name = d.practice->name;
        draft.from_address = d.practice->email;
    }
    draft.to_name = d.bilan.beneficiary;
    draft.to_address = d.bilan.email;
    const Placeheld values = values_of(d);
    draft.subject = own_subject ? one_line(fill_template(*own_subject, values)) : subject_of(d);
    draft.body = fill_template(body, values);
    if (d.kind == MessageKind::convocation) draft.attachment = invitation(d);
    return draft;
}

} // namespace bilan
