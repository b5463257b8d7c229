// `bilan message`: the e-mails a counsellor sends around a bilan — the convocation to a session
// (with the session as a calendar invitation), the reminder the day before, the request for
// the evaluation à froid — as drafts (mail.hpp) from built-in French templates. Only what the
// message needs: the beneficiary's name and e-mail, the session's day, times and place, the
// practice's name and contacts; never the substance of the bilan.
#pragma once

#include "bilan/agenda.hpp"
#include "bilan/mail.hpp"
#include "bilan/model.hpp"
#include "bilan/practice.hpp"

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace bilan {

enum class MessageKind { convocation, rappel, evaluation_froid, emargement };

// What a message is made of, read from the folder by the operation.
struct MessageData {
    MessageKind kind = MessageKind::convocation;
    std::string folder_name; // the folder's own name: the Message-ID's and the invitation's UID
    BilanRecord bilan;
    std::optional<Practice> practice;
    bool belgian = false;
    std::optional<Session> session; // convocation, rappel
    std::string phase_label;        // the session's phase, as its framework names it
    std::optional<Date> froid_due;  // evaluation-froid: the day it is due
};

// The placeholders of the templates, each with what it stands for (man bilan, `message`).
std::span<const std::pair<std::string_view, std::string_view>> message_placeholders();

// The keys of practice.toml's [messages] table: each message's text ("convocation", "rappel",
// "evaluation-froid") and its subject (the same with "-objet").
std::span<const std::string_view> message_template_keys();
// UsageError naming the first placeholder of `text` that message_placeholders() lacks.
void check_message_template(std::string_view text);

// `text` with each {name} replaced by its value; a line whose placeholders are all empty is left
// out (no "Lieu :" without a place). UsageError naming a placeholder `values` lacks.
std::string fill_template(std::string_view text,
                          const std::vector<std::pair<std::string, std::string>>& values);

// What the beneficiary is asked to confirm of a remote session she attended (`message
// emargement`): the provider, the counsellor, her name, the session's day, times, duration,
// phase and mode, one per line; the same session gives the same text.
std::string attendance_statement(const MessageData& data);
// The short code her reply quotes: the first 8 hexadecimal digits of the statement's SHA-256, in
// capitals, as two groups ("3F9A-0B12"), so that a reply to another text does not match.
std::string acknowledgement_code(std::string_view statement);

// The draft of `data`'s message: Date the day it is meant to go (a week before the session for
// the convocation, the day before for the reminder, the day the evaluation à froid is due, the
// day after the session for the acknowledgement of a remote one), at
// 09:00 in the bilan's zone; the convocation with the session as an invitation
// (METHOD:REQUEST, seance.ics).
mail::Draft message_draft(const MessageData& data);

} // namespace bilan
