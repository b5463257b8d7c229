// The operations on the bilan itself and its sessions: init, set, session add|attest|list|rm,
// status, check, render. Each takes values already parsed by the command line, does its reads and
// its write under the folder's lock (a Transaction) or its reads under the shared lock
// (ConsistentRead), and returns what the command prints.
#pragma once

#include "bilan/layers.hpp"
#if BILAN_LAYER < BILAN_LAYER_OPS
#error "the core and the store may not include the operations"
#endif

#include "bilan/ops/common.hpp"

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace bilan::ops {

// ---- init ---------------------------------------------------------------------------------

// A bilan to open: `bilan` holds what the person typed (beneficiary, start, the texts);
// `framework` is fr, be or a framework file to copy in; `funding`, as typed, is resolved with
// that framework. Unless `organisation_given` (--organisation, even empty), a bilan opened
// inside a practice folder takes the practice's name as its organisation.
struct NewBilan {
    std::filesystem::path dir;
    BilanRecord bilan;
    std::string framework = "fr";
    std::string funding;
    bool organisation_given = false;
};
void open_bilan(const NewBilan& request);

// ---- set ----------------------------------------------------------------------------------

// "beneficiary, start, end, …": the fields `set` accepts, for its help and its messages.
std::string bilan_field_names();
// The same keys one by one: for shell completion and "vouliez-vous dire".
std::vector<std::string> bilan_field_keys();

// Turns the text of a date into a date (the command line's: it knows what "today" is).
using DateParser = std::function<Date(std::string_view)>;

// Changes one field of bilan.toml; an empty `raw` removes an optional field. `key` is folded
// (Start, START); the value is checked by the field's kind: a date, a funding of the folder's
// framework, a framework (fr, be or a file of the folder) that names the current funding, or a
// text; the start never follows the end. Everything is read under the lock.
// `handover` keeps the synthesis as handed over: rendered that moment, it is written beside
// bilan.toml (the store's synthese-remise.md) with its SHA-256 in bilan.toml, in the same
// transaction (the folder must load: a synthesis is made of all of it); a new date renders and
// replaces it (a notice says so); an empty one removes both. Returns the notices.
Notes set_bilan_field(const store::Store& store, std::string_view key, const std::string& raw,
                      const DateParser& parse_date);

// ---- sessions -----------------------------------------------------------------------------

// Adds `session` (its phase as typed, resolved with the folder's framework) and announces its
// id; returns the warnings (cap, dates outside the bilan), without the "attention : ".
// A session dated more than a year before the bilan's start is a slip of the year (1999 for
// 2026), refused unless `force`.
Notes add_session(const store::Store& store, Session session, const OnAdded& on_added,
                  bool force = false);

// Appends `evidence` (its kind resolved, its ref checked by the command) to the session named
// by `session` (an id or a unique prefix), raising the folder's format when it is older;
// returns the notes: a session still to come, a remote one proved by a paper sheet alone.
Notes attest_session(const store::Store& store, const std::string& session,
                     const Evidence& evidence, const Date& today);
// Those notes, of a session that just gained evidence (attest_session, a reply by e-mail).
Notes attendance_notes(const Session& session, const Date& today);

// The times a session was held at, --from before --to.
struct SessionTimes {
    TimeOfDay from, to;
};

// Sets the times of the session named by `session` (an id or a unique prefix): those it was
// held at, for the attendance sheet and the proof, when it was logged with a duration alone.
// The times make its duration; returns a notice when that changes, and the cap's warning.
Notes set_session_times(const store::Store& store, const std::string& session,
                        const SessionTimes& times);

// Confirms the session named by `session` as held (a planned one, or a cancelled one after
// all), at `times` when given; the same notes as set_session_times, and one when its date is
// after `today` (held in the future: a slip of the date?).
Notes hold_session(const store::Store& store, const std::string& session,
                   const std::optional<SessionTimes>& times, const Date& today);
// Records, under the lock, that the session named by `session` had its convocation (or, with
// `reminder`, its reminder) drafted on `on`: `due` reads it. A later draft replaces the date.
void note_session_draft(const store::Store& store, const std::string& session, bool reminder,
                        const Date& on);
// Cancels the session named by `session` with `motif` (a key of cancellation_reasons());
// RefusedError when it has evidence of attendance. A cancelled session counts nowhere.
Notes cancel_session(const store::Store& store, const std::string& session,
                     const std::string& motif);

// Where the session named by `session` takes place: `place` (a room, an address) or `link` (a
// video link, checked by parse_link, which makes the session remote), the other removed; both
// empty remove both. UsageError when both are given.
struct SessionPlace {
    std::string place, link;
};
Notes set_session_place(const store::Store& store, const std::string& session,
                        const SessionPlace& where);
// The place of a session about to be added: `where` checked, its link making it remote.
// UsageError when both are given, or a link with the mode presentiel asked for.
void place_session(Session& session, const SessionPlace& where, bool mode_given);

// The sessions by date, those of `phase` only when it is given (resolved with the framework).
struct SessionList {
    Framework framework;
    std::string phase; // resolved, or empty
    std::vector<Session> sessions;
};
SessionList list_sessions(const store::Store& store, const std::string& phase);

// ---- status, check, render -----------------------------------------------------------------

// Everything `status` shows: the whole folder, read at once.
Loaded read_status(const store::Store& store);

// Every problem of the folder (`bilan check`), read at once, and those of its practice's
// practice.toml. `notes` gets what is not a problem of the files but should be looked at: a
// CPF or France Travail bilan in a practice without Qualiopi (L6316-1), the sessions held
// (dated `today` or before) with no evidence of attendance.
std::vector<Problem> check(const store::Store& store, const Date& today, Notes& notes);

// The document de synthèse: once handed over (`set handover`), the copy kept that day, byte for
// byte (RefusedError when it is gone, no longer matches its hash, or is there without one:
// nothing else is printed in its place); with `current`, or before a handover, as the folder makes
// it today. With a recipient, the version communicated to them, made today from the sections the
// latest consent to them not revoked allows (RefusedError otherwise, saying why): the copy handed
// over is the beneficiary's own, never cut.
std::string render_for(const store::Store& store, const std::optional<std::string>& recipient,
                       bool current = false);

// What is wrong with the copy of the synthesis handed over, as `check` reports it and `render`
// refuses it: gone while bilan.toml holds its hash (handover.copy-missing), altered since
// (handover.copy-altered), or there without a hash (handover.copy-without-hash); nullopt
// when it is whole, or when there is neither.
std::optional<Problem> handover_copy_problem(const BilanRecord& bilan,
                                             const store::HandoverCopy& copy);

} // namespace bilan::ops
