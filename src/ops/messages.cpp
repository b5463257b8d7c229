#include "bilan/ops/messages.hpp"

#include "bilan/evaluations.hpp"
#include "bilan/mail_reply.hpp"
#include "bilan/ops/bilan.hpp"
#include "bilan/ops/common.hpp"
#include "bilan/sha256.hpp"
#include "bilan/store/output.hpp"

#include <algorithm>

namespace bilan::ops {
namespace {

// The folder's own name, whatever path named it ("." included).
std::string folder_name(const store::Store& store) {
    const std::filesystem::path absolute =
        std::filesystem::absolute(store.root()).lexically_normal();
    return (absolute.has_filename() ? absolute : absolute.parent_path()).filename().string();
}

Session find_session(const store::Store& store, const Folder& folder, const std::string& prefix) {
    const std::string id = store.resolve_id(store::collection_of<Session>(), prefix);
    for (const auto* list : {&folder.sessions, &folder.unheld_sessions})
        for (const Session& s : *list)
            if (s.id == id) return s;
    throw RefusedError(store.display("sessions/" + id + ".toml") + " n'existe plus");
}

// Her confirmation is evidence of attendance: of a session held, at a distance (one in the room
// is signed on the sheet).
void require_held_remote(const Session& s) {
    Problem p{.record = s.id, .values = {{"session", s.id}, {"date", s.date.iso()}}};
    if (!s.held())
        p.code = "message.session-not-held";
    else if (s.mode != "distance")
        p.code = "message.session-not-remote";
    if (!p.code.empty()) throw RefusedError(p);
}

// What a message about `session` (or the bilan, without one) is made of.
MessageData message_data(const store::Store& store, const Loaded& loaded, MessageKind kind,
                         const std::optional<Session>& session) {
    MessageData data;
    data.kind = kind;
    data.folder_name = folder_name(store);
    data.bilan = loaded.folder.bilan;
    data.belgian = loaded.framework.name == "be";
    store::Diagnostics strict; // a practice.toml at fault is said, never skipped
    data.practice = store::find_practice(store, strict);
    data.session = session;
    if (session) {
        const Phase* phase = loaded.framework.find_phase(session->phase);
        data.phase_label = phase ? phase->label : session->phase;
    }
    return data;
}

// A reply bigger than this is no reply: the message is read whole, kept whole.
constexpr std::size_t largest_reply = 1024 * 1024;

// True when `text` holds `part`, ASCII letters in any case (an address's case does not matter).
bool contains_folded(std::string_view text, std::string_view part) {
    const auto lower = [](std::string_view s) {
        std::string out(s);
        for (char& c : out)
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
        return out;
    };
    return lower(text).find(lower(part)) != std::string::npos;
}

} // namespace

std::string draft_message(const store::Store& store, MessageKind kind, const std::string& session) {
    store.require_bilan();
    // A session's draft is recorded in its file (note_session_draft): a folder this version
    // cannot write is refused before anything is drafted.
    if (kind == MessageKind::convocation || kind == MessageKind::rappel)
        store.require_writable_format();
    const Loaded loaded = load_folder(store); // under the folder's shared lock
    std::optional<Session> found;
    if (kind != MessageKind::evaluation_froid) found = find_session(store, loaded.folder, session);
    MessageData data = message_data(store, loaded, kind, found);
    if (data.bilan.email.empty())
        throw RefusedError(Problem{.code = "message.no-email",
                                   .values = {{"beneficiary", data.bilan.beneficiary}}});
    if (kind == MessageKind::evaluation_froid) {
        data.froid_due = evaluation_froid_due(loaded.framework, data.bilan);
        if (!data.froid_due) throw RefusedError(Problem{.code = "message.no-end"});
    } else if (data.session->state == "annulee") {
        throw RefusedError(
            Problem{.code = "message.session-cancelled",
                    .record = data.session->id,
                    .values = {{"session", data.session->id}, {"date", data.session->date.iso()}}});
    } else if (kind == MessageKind::emargement) {
        require_held_remote(*data.session);
    }
    return mail::draft_text(message_draft(data));
}

Notes attest_by_email(const store::Store& store, const std::string& session,
                      const std::filesystem::path& reply, const Date& today) {
    store.require_bilan();
    const std::string raw = store::read_given_file(reply, largest_reply); // before the lock
    const std::optional<ReplyHeaders> headers = reply_headers(raw);
    if (!headers)
        throw RefusedError(Problem{.code = "attendance.email-not-a-message",
                                   .values = {{"file", reply.string()}}});
    // bilan's own draft quotes the code too: it is the question, never the answer.
    if (headers->unsent || headers->message_id.ends_with("@bilan>"))
        throw RefusedError(
            Problem{.code = "attendance.email-own-draft", .values = {{"file", reply.string()}}});
    store::Transaction transaction(store);
    const store::Store& folder = transaction.store();
    const Loaded loaded = load_folder(transaction);
    const Session before = find_session(folder, loaded.folder, session);
    require_held_remote(before);
    const MessageData data = message_data(folder, loaded, MessageKind::emargement, before);
    const std::string code = acknowledgement_code(attendance_statement(data));
    const Values about{{"file", reply.string()},
                       {"session", before.id},
                       {"date", before.date.iso()},
                       {"code", code}};
    if (!quotes_code(raw, code))
        throw RefusedError(
            Problem{.code = "attendance.email-without-code",
                    .record = before.id,
                    .values = about,
                    .remedy = Remedy{"message.emargement", {{"session", before.id}}}});
    const std::string sha256 = sha256_hex(raw);
    for (const Evidence& e : before.evidence)
        if (e.kind == "email" && e.sha256 == sha256)
            throw RefusedError(
                Problem{.code = "attendance.email-already", .record = before.id, .values = about});
    const std::string name = before.id + "-" + sha256.substr(0, 16) + ".eml";
    transaction.keep_proof(name, raw);
    Session after = before;
    after.evidence.push_back({.kind = "email",
                              .ref = std::string(store::proof_folder) + "/" + name,
                              .from = headers->from,
                              .sent = headers->date,
                              .message_id = headers->message_id,
                              .dkim = headers->dkim,
                              .received = headers->received,
                              .sha256 = sha256});
    transaction.update(before, after);
    Notes notes = attendance_notes(after, today);
    // From another address than hers: kept all the same (a second mailbox), but said.
    if (!data.bilan.email.empty() && !contains_folded(headers->from, data.bilan.email))
        notes.push_back({.code = "attendance.email-other-sender",
                         .severity = Severity::warning,
                         .record = after.id,
                         .values = {{"from", headers->from}, {"value", data.bilan.email}}});
    return notes;
}

} // namespace bilan::ops
