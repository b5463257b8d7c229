// `bilan message convocation|rappel ID`, `bilan message evaluation-froid`: an e-mail draft from
// the folder (messages.hpp). Reading only: nothing is sent, nothing written but the draft.
#pragma once

#include "bilan/layers.hpp"
#if BILAN_LAYER < BILAN_LAYER_OPS
#error "the core and the store may not include the operations"
#endif

#include "bilan/messages.hpp"
#include "bilan/store.hpp"

#include <string>

namespace bilan::ops {

// The draft of `kind` for the bilan of `store` (and the session named by `session`, an id or
// a unique prefix, for a convocation or a reminder), as RFC 5322 text. RefusedError (with its
// problem) when the beneficiary has no e-mail address, when the session is cancelled, when the
// evaluation à froid has no date yet (no end); a broken practice.toml stops it too. For a
// session, RefusedError too when the folder is of a format this version cannot write: its
// draft is recorded there (note_session_draft).
std::string draft_message(const store::Store& store, MessageKind kind, const std::string& session);

} // namespace bilan::ops
