#include "bilan/ops/bilan.hpp"

#include "bilan/contacts.hpp"
#include "bilan/rules.hpp"
#include "bilan/sha256.hpp"
#include "bilan/spelling.hpp"
#include "bilan/synthesis.hpp"
#include "bilan/typography.hpp"
#include "bilan/values.hpp"
#include "bilan/views.hpp"

#include <algorithm>
#include <stdexcept>

namespace bilan::ops {

// ---- init ---------------------------------------------------------------------------------

void open_bilan(const NewBilan& request) {
    BilanRecord bilan = request.bilan;
    std::optional<std::filesystem::path> framework_file;
    Framework framework;
    if (is_builtin_framework(request.framework)) {
        bilan.framework = request.framework;
        framework = store::load_builtin_framework(request.framework);
    } else {
        framework = store::load_framework_file(request.framework); // refuses one it cannot use
        framework_file = request.framework;
        bilan.framework = "framework.toml";
    }
    // The framework names the fundings: a provider's own are as good as the built-in ones.
    if (!request.funding.empty()) bilan.funding = framework.resolve_funding(request.funding);
    if (!request.organisation_given) {
        // Inside a practice folder, the provider is the practice; a broken practice.toml
        // stops the init (exit 1) rather than open a bilan without it.
        store::Diagnostics strict;
        if (const auto practice = store::find_practice(store::Store(request.dir), strict))
            bilan.organisation = practice->name;
    }
    store::create_bilan(request.dir, store::fields_of(bilan), framework_file);
}

// ---- set ----------------------------------------------------------------------------------

std::vector<std::string> bilan_field_keys() {
    std::vector<std::string> keys;
    for (const auto& field : store::bilan_fields())
        keys.emplace_back(field.key);
    return keys;
}

std::string bilan_field_names() {
    std::string list;
    for (const std::string& key : bilan_field_keys())
        list += (list.empty() ? "" : ", ") + key;
    return list;
}

namespace {

using Kind = store::BilanField::Kind;

// Where each field of `set` lives in the record: the store's table names the keys, this one
// the members, so that the write is a typed update(before, after).
struct FieldSlot {
    std::string_view key;
    std::string BilanRecord::*text = nullptr;
    std::optional<Date> BilanRecord::*date = nullptr;
};
constexpr FieldSlot slots[] = {
    {"beneficiary", &BilanRecord::beneficiary},
    {"start", nullptr, &BilanRecord::start},
    {"end", nullptr, &BilanRecord::end},
    {"funding", &BilanRecord::funding},
    {"counsellor", &BilanRecord::counsellor},
    {"organisation", &BilanRecord::organisation},
    {"demand", &BilanRecord::demand},
    {"expectations", &BilanRecord::expectations},
    {"situation", &BilanRecord::situation},
    {"circumstances", &BilanRecord::circumstances},
    {"framework", &BilanRecord::framework},
    {"handover", nullptr, &BilanRecord::handover},
    {"handover-mode", &BilanRecord::handover_mode},
    {"abandoned", nullptr, &BilanRecord::abandoned},
    {"abandon-reason", &BilanRecord::abandon_reason},
    {"public", &BilanRecord::public_line},
    {"email", &BilanRecord::email},
    {"telephone", &BilanRecord::telephone},
};

const FieldSlot& slot_of(const store::BilanField& field) {
    for (const FieldSlot& slot : slots)
        if (slot.key == field.key) return slot;
    throw std::logic_error("set: no member for " + std::string(field.key));
}

// A framework named by `set framework`: fr, be or a file of the folder, that knows the funding
// the bilan already has (else the folder would no longer load).
void check_new_framework(const store::Store& store, const std::string& raw) {
    const Framework framework = is_builtin_framework(raw)
                                    ? store::load_builtin_framework(raw)
                                    : store::load_framework_file(store.root() / raw);
    if (raw.find('/') != std::string::npos)
        throw UsageError("cadre : fr, be, ou le nom d'un fichier du dossier");
    store::Diagnostics strict;
    if (const std::string funding = store.load_bilan(strict).funding; !funding.empty()) {
        try {
            framework.resolve_funding(funding);
        } catch (const UsageError&) {
            throw RefusedError(Problem{.code = "framework.funding-unknown",
                                       .values = {{"funding", funding}, {"framework", raw}},
                                       .remedy = Remedy{"bilan.set", {{"funding", ""}}}});
        }
    }
}

// The new value of `field` in `bilan`, checked by its kind; read under the lock.
void assign(BilanRecord& bilan, const store::Store& store, const store::BilanField& field,
            const std::string& raw, const DateParser& parse_date) {
    const FieldSlot& slot = slot_of(field);
    if (raw.empty()) {
        if (field.required)
            throw UsageError("« " + std::string(field.key) + " » ne peut pas être vide");
        if (slot.date) bilan.*slot.date = std::nullopt;
        if (slot.text) (bilan.*slot.text).clear();
        return;
    }
    switch (field.kind) {
    case Kind::date:
        bilan.*slot.date = parse_date(raw);
        return;
    case Kind::funding: {
        // The folder's framework names the fundings; the current one may be the mistake being
        // corrected, so it is not held against this edit.
        store::Diagnostics lenient(true);
        bilan.*slot.text =
            store.load_framework(store.load_bilan(lenient), lenient).resolve_funding(raw);
        return;
    }
    case Kind::framework:
        check_new_framework(store, raw);
        bilan.*slot.text = raw;
        return;
    case Kind::term:
        bilan.*slot.text = std::string(resolve_term(field.terms(), raw, field.what));
        return;
    case Kind::email:
        bilan.*slot.text = parse_email(raw);
        return;
    case Kind::telephone: { // a national number is the framework's country's
        store::Diagnostics lenient(true);
        const bool belgian = store.load_bilan(lenient).framework == "be";
        bilan.*slot.text = parse_phone(raw, belgian ? PhoneCountry::belgium : PhoneCountry::france);
        return;
    }
    case Kind::text:
        break;
    }
    require_typed_text(raw, std::string(field.key));
    bilan.*slot.text = raw;
}

} // namespace

namespace {

// The synthesis handed over on `changed.handover`, rendered now from the folder with the new
// date; nullopt when the handover is removed. The hash goes into `changed`.
std::optional<std::string> handover_copy_for(const store::Transaction& transaction,
                                             BilanRecord& changed) {
    changed.handover_sha256.clear();
    if (!changed.handover) return std::nullopt;
    store::Diagnostics strict;
    if (const auto destruction = transaction.store().load_destruction(strict))
        throw RefusedError(Problem{.code = "handover.purged",
                                   .values = {{"date", destruction->date.iso()}},
                                   .source = "R6313-7",
                                   .remedy = Remedy{"render", {}}});
    Loaded loaded = load_folder(transaction); // a file at fault stops it: exit 1, FILE:LINE
    loaded.folder.bilan = changed;
    std::string copy = render_synthesis(loaded.framework, loaded.folder);
    changed.handover_sha256 = sha256_hex(copy);
    return copy;
}

} // namespace

Notes set_bilan_field(const store::Store& store, std::string_view key, const std::string& raw,
                      const DateParser& parse_date) {
    const store::BilanField* field = store::find_bilan_field(fold_term(key));
    if (!field)
        throw UsageError("champ inconnu « " + std::string(key) + " »" +
                         expected_one_of(key, bilan_field_keys()));
    store.require_bilan();
    // Everything read (the framework file, the dates the new one is checked against) is read
    // under the lock: what it decides stays true until the write.
    store::Transaction transaction(store);
    const store::Store& folder = transaction.store();
    BilanRecord after;
    assign(after, folder, *field, raw, parse_date); // its checks come before the file's

    store::Diagnostics strict;
    const BilanRecord before = folder.load_bilan(strict); // refuses to edit a file it cannot read
    if (field->kind != Kind::funding && field->kind != Kind::framework)
        folder.load_framework(before, strict); // nor one whose funding its framework lacks
    const FieldSlot& slot = slot_of(*field);
    BilanRecord changed = before;
    if (slot.date) changed.*slot.date = after.*slot.date;
    if (slot.text) changed.*slot.text = after.*slot.text;
    if ((field->key == "start" || field->key == "end") && changed.start && changed.end &&
        *changed.end < *changed.start)
        throw RefusedError("la fin (" + changed.end->iso() + ") précéderait le début (" +
                           changed.start->iso() + ") : rien n'a été modifié");
    for (const auto& [date, what] : {std::pair{changed.handover, "la remise de la synthèse"},
                                     std::pair{changed.abandoned, "l'abandon"}})
        if (changed.start && date && *date < *changed.start)
            throw RefusedError(std::string(what) + " (" + date->iso() + ") précéderait le début (" +
                               changed.start->iso() + ") : rien n'a été modifié");
    Notes notes;
    if (field->key == "handover") {
        const std::optional<std::string> copy = handover_copy_for(transaction, changed);
        const store::HandoverCopy kept = folder.handover_copy();
        if (copy && kept.text && *kept.text != *copy)
            notes.push_back({.code = "handover.copy-replaced",
                             .severity = Severity::notice,
                             .where = SourcePos{kept.shown, 0, 0},
                             .values = {{"date", changed.handover->iso()}}});
        // The copy first, then its hash: a failure of either leaves both as they were.
        transaction.write_handover_copy(copy);
    }
    transaction.update(before, changed); // raises the format the keys need (3, 4 for the hash)
    return notes;
}

// ---- sessions -----------------------------------------------------------------------------

namespace {

// A year before the start leaves room for an entretien préalable held long before; more is a
// mistyped year, which would sit in the bilan's hours and documents unseen.
void refuse_a_slip_of_the_year(const BilanRecord& bilan, const Date& date) {
    if (!bilan.start) return;
    const Date year_before{bilan.start->year - 1, bilan.start->month, bilan.start->day};
    if (date < year_before)
        throw RefusedError("séance du " + date.iso() + " : plus d'un an avant le début du bilan (" +
                           bilan.start->iso() + "), une faute de frappe ? " +
                           "(--force pour l'enregistrer quand même)");
}

} // namespace

Notes add_session(const store::Store& store, Session session, const OnAdded& on_added, bool force) {
    store.require_bilan();
    // The framework decides the phase, and the folder the warnings: read under the lock.
    store::Transaction transaction(store);
    const store::Store& folder = transaction.store();
    store::Diagnostics strict;
    const BilanRecord bilan = folder.load_bilan(strict);
    const Framework framework = folder.load_framework(bilan, strict);
    session.phase = framework.resolve_phase(session.phase);
    if (!force) refuse_a_slip_of_the_year(bilan, session.date);
    // The other sessions only count toward the cap: a bad file among them is check's business,
    // not a reason to refuse this one.
    store::Diagnostics skip(true);
    std::vector<Session> others = framework.cap_minutes && framework.counts(session.phase)
                                      ? folder.load_sessions(framework, skip)
                                      : std::vector<Session>{};
    std::erase_if(others, [](const Session& s) { return !s.held(); }); // the cap counts held
    session.id = add_told(transaction, session, on_added);
    if (!session.held()) // a planned session counts once held: say so, and how
        return {{.code = "session.planned",
                 .severity = Severity::notice,
                 .record = session.id,
                 .values = {{"date", session.date.iso()}},
                 .remedy = Remedy{"session.tenue", {{"session", session.id}}}}};
    return new_session_warnings(framework, bilan, others, session);
}

namespace {

// A session as an operation found it under the lock, before and after its edit, with what the
// notes on the result need: the bilan, its framework, the other sessions held.
struct SessionEdit {
    Session before, after;
    BilanRecord bilan;
    Framework framework;
    std::vector<Session> others_held;
};

// Edits the session named by `session` (an id or a unique prefix) under the lock with `edit`,
// which may refuse, and writes it (raising the format its state or evidence needs).
SessionEdit edit_session(const store::Store& store, const std::string& session,
                         const std::function<void(Session&)>& edit) {
    store.require_bilan();
    store::Transaction transaction(store); // the file as it is now decides the write
    const store::Store& folder = transaction.store();
    const std::string id = folder.resolve_id(store::collection_of<Session>(), session);
    store::Diagnostics strict; // never rewrite a file we cannot read
    SessionEdit result;
    result.bilan = folder.load_bilan(strict);
    result.framework = folder.load_framework(result.bilan, strict);
    std::vector<Session> sessions = folder.load_sessions(result.framework, strict);
    const auto found = std::find_if(sessions.begin(), sessions.end(),
                                    [&](const Session& s) { return s.id == id; });
    if (found == sessions.end())
        throw RefusedError(folder.display("sessions/" + id + ".toml") + " n'existe plus");
    result.before = *found;
    sessions.erase(found);
    std::erase_if(sessions, [](const Session& s) { return !s.held(); }); // the cap counts held
    result.others_held = std::move(sessions);
    result.after = result.before;
    edit(result.after);
    transaction.update(result.before, result.after);
    return result;
}

// What is said of a session whose times or state changed: its duration, the cap passed.
Notes duration_and_cap_notes(const SessionEdit& e) {
    Notes notes;
    if (e.after.minutes != e.before.minutes)
        notes.push_back({.code = "session.duration-changed",
                         .severity = Severity::notice,
                         .record = e.after.id,
                         .values = {{"before", std::to_string(e.before.minutes)},
                                    {"after", std::to_string(e.after.minutes)}}});
    if (e.after.held())
        for (Problem& warning : new_session_warnings(e.framework, e.bilan, e.others_held, e.after))
            if (warning.code == "session.over-cap") notes.push_back(std::move(warning));
    return notes;
}

void require_order(const SessionTimes& times) {
    if (times.to <= times.from)
        throw UsageError("--from (" + times.from.text() + ") doit précéder --to (" +
                         times.to.text() + ")");
}

void set_times(Session& session, const SessionTimes& times) {
    session.from = times.from;
    session.to = times.to;
    session.minutes = times.to.minutes() - times.from.minutes();
}

} // namespace

Notes attest_session(const store::Store& store, const std::string& session,
                     const Evidence& evidence, const Date& today) {
    const Session after =
        edit_session(store, session, [&](Session& s) {
            if (s.state == "annulee") // it did not take place: nothing proves it
                throw RefusedError(Problem{.code = "attendance.cancelled",
                                           .record = s.id,
                                           .values = {{"session", s.id}, {"date", s.date.iso()}}});
            s.evidence.push_back(evidence);
        }).after;
    return attendance_notes(after, today);
}

Notes attendance_notes(const Session& after, const Date& today) {
    Notes notes;
    if (today < after.date)
        notes.push_back({.code = "attendance.future",
                         .severity = Severity::notice,
                         .record = after.id,
                         .values = {{"date", after.date.iso()}}});
    if (!evidence_gaps({after}, today).remote_on_paper.empty())
        notes.push_back(
            {.code = "attendance.paper-for-remote",
             .severity = Severity::warning,
             .record = after.id,
             .remedy = Remedy{"session.attest",
                              {{"session", after.id}, {"evidence", "signature-electronique"}}}});
    return notes;
}

Notes set_session_times(const store::Store& store, const std::string& session,
                        const SessionTimes& times) {
    require_order(times);
    return duration_and_cap_notes(
        edit_session(store, session, [&](Session& s) { set_times(s, times); }));
}

Notes hold_session(const store::Store& store, const std::string& session,
                   const std::optional<SessionTimes>& times, const Date& today) {
    if (times) require_order(*times);
    const SessionEdit e = edit_session(store, session, [&](Session& s) {
        s.state = "tenue";
        s.motif.clear();
        if (times) set_times(s, *times);
    });
    Notes notes;
    if (today < e.after.date) // held in the future: a slip of the date?
        notes.push_back({.code = "session.held-ahead",
                         .severity = Severity::notice,
                         .record = e.after.id,
                         .values = {{"date", e.after.date.iso()}}});
    for (Problem& note : duration_and_cap_notes(e))
        notes.push_back(std::move(note));
    return notes;
}

void note_session_draft(const store::Store& store, const std::string& session, bool reminder,
                        const Date& on) {
    edit_session(store, session,
                 [&](Session& s) { (reminder ? s.reminder_drafted : s.convocation_drafted) = on; });
}

Notes cancel_session(const store::Store& store, const std::string& session,
                     const std::string& motif) {
    return duration_and_cap_notes(edit_session(store, session, [&](Session& s) {
        // Evidence says the session took place: cancelling it would contradict the file.
        if (!s.evidence.empty())
            throw RefusedError(Problem{.code = "session.cancel-with-evidence",
                                       .record = s.id,
                                       .values = {{"session", s.id}, {"date", s.date.iso()}}});
        s.state = "annulee";
        s.motif = motif;
    }));
}

namespace {

SessionPlace checked_place(const SessionPlace& where) {
    if (!where.place.empty() && !where.link.empty())
        throw UsageError("--lieu et --lien s'excluent : une salle ou une adresse, ou un lien de "
                         "visioconférence");
    require_typed_text(where.place, "--lieu");
    if (where.place.find_first_of("\r\n\t") != std::string::npos)
        throw UsageError("--lieu : une seule ligne, sans tabulation");
    return {where.place, where.link.empty() ? "" : parse_link(where.link)};
}

} // namespace

void place_session(Session& session, const SessionPlace& where, bool mode_given) {
    const SessionPlace checked = checked_place(where);
    if (!checked.link.empty() && mode_given && session.mode != "distance")
        throw UsageError("--lien fait une séance à distance : --mode " + session.mode +
                         " le contredit");
    session.place = checked.place;
    session.link = checked.link;
    if (!session.link.empty()) session.mode = "distance";
}

Notes set_session_place(const store::Store& store, const std::string& session,
                        const SessionPlace& where) {
    const SessionPlace checked = checked_place(where); // before the lock
    const SessionEdit e = edit_session(store, session, [&](Session& s) {
        s.place = checked.place;
        s.link = checked.link;
        if (!s.link.empty()) s.mode = "distance";
    });
    Notes notes;
    if (e.after.mode != e.before.mode)
        notes.push_back({.code = "session.now-remote",
                         .severity = Severity::notice,
                         .record = e.after.id,
                         .values = {{"date", e.after.date.iso()}}});
    return notes;
}

SessionList list_sessions(const store::Store& store, const std::string& phase) {
    const store::ConsistentRead still(store);
    store::Diagnostics strict;
    SessionList list;
    list.framework = store.load_framework(store.load_bilan(strict), strict);
    list.phase = phase.empty() ? "" : list.framework.resolve_phase(phase);
    list.sessions = store.load_sessions(list.framework, strict);
    std::erase_if(list.sessions,
                  [&](const Session& s) { return !list.phase.empty() && s.phase != list.phase; });
    return list;
}

// ---- status, check, render -----------------------------------------------------------------

Loaded read_status(const store::Store& store) {
    return load_folder(store);
}

namespace {

// The consent that lets the synthesis go to `recipient`: the latest one not revoked.
const Consent& consent_for(const Folder& folder, const std::string& recipient) {
    require_typed_text(recipient, "--for");
    if (consent_id(recipient).empty())
        throw UsageError("--for « " + recipient + " » : il faut au moins une lettre ou un chiffre");
    const Consent* chosen = nullptr;
    const Consent* revoked = nullptr;
    for (const Consent* c : consents_for(folder.consents, recipient)) {
        if (c->revoked)
            revoked = c;
        else if (!chosen || chosen->date < c->date)
            chosen = c;
    }
    const std::string who = folder.bilan.beneficiary;
    if (!chosen && revoked)
        throw RefusedError("le consentement " + typo::elided("de", who) + who + " pour « " +
                           revoked->recipient + " » a été retiré" +
                           (revoked->revoked_on ? " le " + revoked->revoked_on->iso() : "") +
                           " : rien n'est communiqué");
    if (!chosen)
        throw RefusedError(
            Problem{.code = "consent.none-to-share",
                    .values = {{"beneficiary", who}, {"recipient", recipient}},
                    .remedy = Remedy{"consent.grant", {{"recipient", recipient}, {"date", {}}}}});
    return *chosen;
}

} // namespace

std::optional<Problem> handover_copy_problem(const BilanRecord& bilan,
                                             const store::HandoverCopy& copy) {
    const SourcePos where{copy.shown, 0, 0};
    const std::string date = bilan.handover ? bilan.handover->iso() : std::string();
    if (bilan.handover_sha256.empty()) {
        if (!copy.text) return std::nullopt;
        return Problem{.code = "handover.copy-without-hash",
                       .where = where,
                       .remedy = Remedy{"bilan.set", {{"handover", {}}}}};
    }
    const char* code = !copy.text                                        ? "handover.copy-missing"
                       : sha256_hex(*copy.text) != bilan.handover_sha256 ? "handover.copy-altered"
                                                                         : nullptr;
    if (!code) return std::nullopt;
    return Problem{.code = code,
                   .where = where,
                   .values = {{"date", date}},
                   .remedy = Remedy{"render.current", {}}};
}

std::string render_for(const store::Store& store, const std::optional<std::string>& recipient,
                       bool current) {
    store.require_bilan();
    const store::ConsistentRead still(store); // a purge is seen done or not begun
    // A purged folder no longer holds what the synthesis was made of: the one kept is printed,
    // byte for byte; a version for someone else cannot be made again.
    store::Diagnostics strict;
    if (const auto destruction = store.load_destruction(strict)) {
        if (recipient)
            throw RefusedError(
                Problem{.code = "render.purged",
                        .values = {{"date", destruction->date.iso()}, {"recipient", *recipient}},
                        .source = "R6313-7",
                        .remedy = Remedy{"render", {}}});
        const auto& kept = destruction->kept;
        if (std::find(kept.begin(), kept.end(), "synthese") == kept.end())
            throw RefusedError(Problem{
                .code = "render.synthesis-destroyed",
                .values = {{"date",
                            destruction->synthesis_destroyed.value_or(destruction->date).iso()}},
                .source = "R6313-7"});
        return store.kept_synthesis();
    }
    // Handed over: the copy of that day, whatever the folder holds since; only bilan.toml is
    // read, so that a file added or broken since changes nothing in it.
    if (!recipient && !current) {
        const BilanRecord bilan = store.load_bilan(strict);
        const store::HandoverCopy copy = store.handover_copy();
        if (auto problem = handover_copy_problem(bilan, copy))
            throw RefusedError(std::move(*problem));
        if (copy.text) return *copy.text;
    }
    // A file at fault stops the render: exit 1, FILE:LINE:COLUMN.
    const Loaded loaded = load_folder(store);
    const Consent* consent = recipient ? &consent_for(loaded.folder, *recipient) : nullptr;
    return render_synthesis(loaded.framework, loaded.folder, consent);
}

} // namespace bilan::ops
