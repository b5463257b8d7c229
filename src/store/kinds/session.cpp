// A session (sessions/ID.toml): its date, phase and hours, with its evidence of attendance as
// [[evidence]] tables (format 2).
#include "bilan/contacts.hpp"
#include "bilan/record_order.hpp"
#include "bilan/views.hpp"
#include "store/kinds/kind.hpp"

#include <algorithm>
#include <stdexcept>

namespace bilan::store {
namespace {

Session read_session(RecordReader& r, const Framework& framework) {
    Session s;
    s.date = r.date("date", true).value_or(Date{});
    const std::string phase = r.text("phase", true);
    if (!phase.empty()) {
        if (framework.find_phase(phase))
            s.phase = phase;
        else {
            try {
                s.phase = framework.resolve_phase(phase);
            } catch (const UsageError& e) {
                r.fail(r.pos("phase"), std::string(e.what()) + " (cadre " + framework.name + ")");
            }
        }
    }
    s.from = r.time("from");
    s.to = r.time("to");
    const auto minutes = r.integer("minutes", 1, max_session_minutes);
    if (s.from.has_value() != s.to.has_value())
        r.fail(r.pos(s.from ? "from" : "to"), "« from » et « to » vont ensemble");
    if (s.from && s.to) {
        if (*s.to <= *s.from)
            r.fail(r.pos("to"),
                   "« to » (" + s.to->text() + ") doit suivre « from » (" + s.from->text() + ")");
        s.minutes = s.to->minutes() - s.from->minutes();
        if (minutes && *minutes != s.minutes)
            r.fail(r.pos("minutes"), "« minutes » vaut " + std::to_string(*minutes) + " mais de " +
                                         s.from->text() + " à " + s.to->text() + " font " +
                                         std::to_string(s.minutes));
    } else if (minutes) {
        s.minutes = static_cast<int>(*minutes);
    } else if (!s.from && !s.to && !r.has("minutes")) {
        r.fail({r.file().file, 1, 1}, "clé « minutes » manquante (ou « from » et « to »)");
    }
    s.kind = r.term("kind", session_kinds(), "type de séance", false, "entretien");
    s.mode = r.term("mode", session_modes(), "modalité", false, "presentiel");
    s.note = r.text("note");
    // [[evidence]] tables (format 2), oldest first: how the attendance is proved.
    if (r.has("state")) s.state = r.term("state", session_states(), "état de séance", true);
    s.motif = r.term("motif", cancellation_reasons(), "motif d'annulation", false);
    s.place = r.text("lieu");
    s.link = r.text("lien");
    s.convocation_drafted = r.date("convocation");
    s.reminder_drafted = r.date("rappel");
    try {
        if (!s.link.empty()) parse_link(s.link);
    } catch (const UsageError& e) {
        r.fail(r.pos("lien"), e.what());
    }
    if (!s.motif.empty() && s.state != "annulee")
        r.fail(r.pos("motif"), "« motif » ne va qu'avec state = \"annulee\"");
    for (const toml::table* table : r.tables("evidence")) {
        RecordReader e(*table, position_of(*table, r.file().file), r.diagnostics());
        Evidence evidence;
        evidence.kind = e.term("kind", evidence_kinds(), "type de preuve", true);
        evidence.ref = e.text("ref");
        evidence.from = e.text("from");
        evidence.sent = e.text("date");
        evidence.message_id = e.text("message_id");
        evidence.dkim = e.text("dkim");
        evidence.received = e.text("received");
        evidence.sha256 = e.text("sha256");
        // What a reply by e-mail keeps is said of that reply only.
        if (evidence.kind != "email")
            for (const char* key : {"from", "date", "message_id", "dkim", "received", "sha256"})
                if (e.has(key))
                    e.fail(e.pos(key),
                           "« " + std::string(key) + " » ne va qu'avec kind = \"email\"");
        if (!e.finish()) r.fail(e.file(), "preuve de présence invalide dans « evidence »");
        s.evidence.push_back(std::move(evidence));
    }
    s.origin = r.file();
    return s;
}

Fields write_fields(const Session& s) {
    const bool timed = s.from && s.to;
    return {{"date", s.date},
            {"phase", s.phase},
            {"from", timed ? std::optional<Value>(*s.from) : std::nullopt},
            {"to", timed ? std::optional<Value>(*s.to) : std::nullopt},
            {"minutes", timed ? std::nullopt : std::optional<Value>(std::int64_t{s.minutes})},
            {"kind", s.kind},
            {"mode", s.mode},
            {"note", text_or_none(s.note)},
            // A held session writes no state: the file reads as every older binary wrote it.
            {"state", s.held() ? std::nullopt : std::optional<Value>(s.state)},
            {"motif", text_or_none(s.motif)},
            {"lieu", text_or_none(s.place)},
            {"lien", text_or_none(s.link)},
            {"convocation", date_or_none(s.convocation_drafted)},
            {"rappel", date_or_none(s.reminder_drafted)}};
}

std::vector<Fields> evidence_tables_of(const Session& s) {
    return evidence_tables(s);
}

// Evidence of attendance and the kind `atelier` came with format 2, a session planned or
// cancelled with format 4, its place and its drafts with format 5.
int format_needed_by(const Session& s) {
    if (s.convocation_drafted || s.reminder_drafted) return drafts_format;
    if (std::any_of(s.evidence.begin(), s.evidence.end(),
                    [](const Evidence& e) { return e.kind == "email"; }))
        return email_evidence_format;
    if (!s.place.empty() || !s.link.empty()) return place_format;
    if (!s.held()) return states_format;
    return !s.evidence.empty() || s.kind == "atelier" ? evidence_format : first_format;
}

} // namespace

template <> Fields fields_of(const Evidence& e) {
    return {{"kind", e.kind},
            {"ref", text_or_none(e.ref)},
            {"from", text_or_none(e.from)},
            {"date", text_or_none(e.sent)},
            {"message_id", text_or_none(e.message_id)},
            {"dkim", text_or_none(e.dkim)},
            {"received", text_or_none(e.received)},
            {"sha256", text_or_none(e.sha256)}};
}

std::vector<Fields> evidence_tables(const Session& s) {
    std::vector<Fields> tables;
    for (const Evidence& e : s.evidence)
        tables.push_back(fields_of(e));
    return tables;
}

template <> const RecordKind<Session>& record_kind() {
    static const RecordKind<Session> kind{
        .folder = "sessions",
        .noun = "séance",
        .removed = "Séance supprimée",
        .record_class = RecordClass::administrative,
        .list = &Folder::sessions,
        .read =
            [](RecordReader& r, const Framework* f) {
                if (f == nullptr) throw std::logic_error("une séance se lit avec son cadre");
                return read_session(r, *f);
            },
        .fields = write_fields,
        .before = listed_before,
        .listed = [](const std::vector<Session>& r,
                     const Framework& f) { return sessions_table(r, f); },
        .format = format_needed_by,
        // Evidence of attendance is what a funder checks: an update that would drop or change
        // a piece of it is a bug.
        .sub_tables = {"evidence", evidence_tables_of,
                       [](const Session& before, const Session& after) {
                           return starts_with(after.evidence, before.evidence);
                       },
                       "les preuves de présence d'une séance ne s'effacent pas : on en ajoute"},
        // The note is the substance (a session itself is proof of service).
        .brings_content =
            [](const Session* before, const Session& after) {
                return !after.note.empty() && (!before || after.note != before->note);
            },
    };
    return kind;
}

} // namespace bilan::store
