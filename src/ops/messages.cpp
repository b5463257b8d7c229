#include "bilan/ops/messages.hpp"

#include "bilan/evaluations.hpp"
#include "bilan/ops/common.hpp"

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

} // namespace

std::string draft_message(const store::Store& store, MessageKind kind, const std::string& session) {
    store.require_bilan();
    // A session's draft is recorded in its file (note_session_draft): a folder this version
    // cannot write is refused before anything is drafted.
    if (kind == MessageKind::convocation || kind == MessageKind::rappel)
        store.require_writable_format();
    const Loaded loaded = load_folder(store); // under the folder's shared lock
    const Folder& folder = loaded.folder;
    MessageData data;
    data.kind = kind;
    data.folder_name = folder_name(store);
    data.bilan = folder.bilan;
    data.belgian = loaded.framework.name == "be";
    store::Diagnostics strict; // a practice.toml at fault is said, never skipped
    data.practice = store::find_practice(store, strict);
    if (data.bilan.email.empty())
        throw RefusedError(Problem{.code = "message.no-email",
                                   .values = {{"beneficiary", data.bilan.beneficiary}}});
    if (kind == MessageKind::evaluation_froid) {
        data.froid_due = evaluation_froid_due(loaded.framework, data.bilan);
        if (!data.froid_due) throw RefusedError(Problem{.code = "message.no-end"});
    } else {
        data.session = find_session(store, folder, session);
        if (data.session->state == "annulee")
            throw RefusedError(Problem{
                .code = "message.session-cancelled",
                .record = data.session->id,
                .values = {{"session", data.session->id}, {"date", data.session->date.iso()}}});
        // Her confirmation is evidence of attendance: of a session held, at a distance (one in
        // the room is signed on the sheet).
        const Problem about{
            .record = data.session->id,
            .values = {{"session", data.session->id}, {"date", data.session->date.iso()}}};
        if (kind == MessageKind::emargement && !data.session->held()) {
            Problem p = about;
            p.code = "message.session-not-held";
            throw RefusedError(p);
        }
        if (kind == MessageKind::emargement && data.session->mode != "distance") {
            Problem p = about;
            p.code = "message.session-not-remote";
            throw RefusedError(p);
        }
        const Phase* phase = loaded.framework.find_phase(data.session->phase);
        data.phase_label = phase ? phase->label : data.session->phase;
    }
    return mail::draft_text(message_draft(data));
}

} // namespace bilan::ops
