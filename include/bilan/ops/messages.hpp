// `bilan message convocation|rappel ID`, `bilan message evaluation-froid`: an e-mail draft from
// the folder (messages.hpp). Reading only: nothing is sent, nothing written but the draft.
#pragma once

#include "bilan/layers.hpp"
#if BILAN_LAYER < BILAN_LAYER_OPS
#error "the core and the store may not include the operations"
#endif

#include "bilan/messages.hpp"
#include "bilan/ops/common.hpp"
#include "bilan/store.hpp"

#include <filesystem>
#include <string>

namespace bilan::ops {

// The draft of `kind` for the bilan of `store` (and the session named by `session`, an id or
// a unique prefix, for a convocation or a reminder), as RFC 5322 text. RefusedError (with its
// problem) when the beneficiary has no e-mail address, when the session is cancelled, when the
// evaluation à froid has no date yet (no end); a broken practice.toml stops it too. For a
// session, RefusedError too when the folder is of a format this version cannot write: its
// draft is recorded there (note_session_draft).
std::string draft_message(const store::Store& store, MessageKind kind, const std::string& session);

// `session attest ID --evidence email --eml FILE`: the beneficiary's reply to `message
// emargement` for the session named by `session` (held, remote), read from `reply`, becomes its
// evidence: its From, Date, Message-ID, DKIM signer and Received headers and the SHA-256 of the
// raw message, the message itself kept in preuves/ (0600). RefusedError when the file is no
// message, does not quote the session's code (attendance_statement), or was imported already.
Notes attest_by_email(const store::Store& store, const std::string& session,
                      const std::filesystem::path& reply, const Date& today);

} // namespace bilan::ops
