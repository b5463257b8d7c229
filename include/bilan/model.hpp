// The records of one bilan, as plain data. Nothing here knows about files or the command line;
// `origin` only remembers where a record came from so that rules can point at it.
#pragma once

#include "bilan/calendar.hpp"
#include "bilan/edof.hpp"
#include "bilan/errors.hpp"
#include "bilan/funding.hpp"
#include "bilan/values.hpp"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace bilan {

// The bilan's own record (bilan.toml). Optional text fields are empty when absent.
struct BilanRecord {
    std::string beneficiary;
    std::string framework = "fr"; // "fr", "be", or a file name inside the folder
    std::optional<Date> start;
    std::optional<Date> end;
    std::string funding; // a funding of the framework (as written: aliases too), or empty
    std::string counsellor;
    std::string organisation;
    std::string demand;        // la demande initiale
    std::string expectations;  // les attentes
    std::string situation;     // la situation professionnelle au départ
    std::string circumstances; // le contexte et le déroulement
    // The end of the bilan beyond `end` (format 3): the day the synthesis was handed over and
    // how (remise-en-main-propre, courrier, email, autre); an abandonment, which stops every
    // deadline falling on or after it (follow-up, evaluations).
    std::optional<Date> handover;
    std::string handover_mode;
    // The beneficiary's public (beneficiary_publics()): the BPF's line F-1; empty, unknown.
    std::string public_line;
    // The SHA-256 (64 hex digits) of the synthesis as handed over, kept beside bilan.toml
    // (format 4): `set handover` writes both, `render` prints that copy, `check` compares them.
    std::string handover_sha256;
    std::optional<Date> abandoned;
    std::string abandon_reason;
    // The beneficiary's written agreement to keep the working documents for the follow-up
    // (R6313-7, `retention grant`): when they agreed, what (`documents`), until when.
    std::optional<Date> retention_agreed;
    std::string retention_scope;
    std::optional<Date> retention_until;
    // How to reach the beneficiary (format 5, contacts.hpp): personal data that only the e-mail
    // drafts print (`message`), never a document nor a third party's version.
    std::string email;
    std::string telephone;     // +33 6 12 34 56 78
    std::string retention_ref; // where the written agreement is kept (format 5)
    // A basis to keep the synthesis after the end (R6313-7, format 5): the day of the written
    // agreement (motif `accord`) or of its sending to the CEP operator at the beneficiary's
    // request (`cep`, L6313-4), until when, and where the proof is kept.
    std::optional<Date> synthesis_agreed;
    std::string synthesis_motif;
    std::optional<Date> synthesis_until;
    std::string synthesis_ref;
    // bilan.toml could not be read (its error is a problem already): the fields are unknown,
    // not empty, so no rule may call them missing.
    bool unreadable = false;
    SourcePos origin;
    SourcePos framework_origin; // where `framework` is written, for "framework not found"
    SourcePos funding_origin;   // where `funding` is written, for a funding the framework lacks
};

// How a session's attendance is proved: `kind` is emargement, signature-electronique,
// journal-visio or autre; `ref` what identifies the piece (a scan's name, a platform's id).
struct Evidence {
    std::string kind;
    std::string ref;
    // A reply by e-mail (kind `email`, format 5): its headers as received and the SHA-256 of the
    // raw message, kept beside it in preuves/ (ref).
    std::string from{}, sent{}, message_id{}, dkim{}, received{}, sha256{};
    bool operator==(const Evidence&) const = default;
};

struct Session {
    std::string id;
    Date date;
    std::string phase;
    int minutes = 0;
    std::string kind = "entretien";
    std::string mode = "presentiel";
    std::optional<TimeOfDay> from;
    std::optional<TimeOfDay> to;
    std::string note;
    std::vector<Evidence> evidence; // oldest first; added by `session attest`, never removed
    // tenue (held: the only state that counts anywhere), prevue (planned), annulee (cancelled,
    // with its motif of cancellation_reasons(), or none). A folder older than the states: tenue.
    std::string state = "tenue";
    std::string motif;
    // Where it takes place (format 5): a room or an address (`lieu`), or a video link (`lien`,
    // http:// or https://, which makes the session remote); for the calendar and the drafts.
    std::string place;
    std::string link;
    // The days `message convocation` and `message rappel` drafted its e-mails (format 5): what
    // `due` reads to remind the counsellor of a session nobody was told about.
    std::optional<Date> convocation_drafted, reminder_drafted;
    SourcePos origin;
    bool held() const { return state == "tenue"; }
};

struct Skill {
    std::string id;
    std::string text;
    std::string type; // savoir, savoir-faire, savoir-etre
    std::string domain;
    std::string source;     // free text
    std::string experience; // id of the experience it comes from, or empty
    std::string evidence;
    bool transferable = false;
    SourcePos origin;
    SourcePos experience_pos; // where the reference is written, for check
};

struct Experience {
    std::string id;
    std::string title;
    std::string kind; // poste, stage, formation, benevolat
    std::string org;
    std::optional<Date> from;
    std::optional<Date> to;
    std::string note;
    SourcePos origin;
    // Known to the month only ("09/2008"): the date is the month's first day, shown as
    // "septembre 2008" and written "2008-09".
    bool from_month = false, to_month = false;
};

struct Trait {
    std::string id;
    std::string text;
    std::string kind; // valeur, motivation, interet, critere, concession, personnalite
    std::string note;
    SourcePos origin;
};

struct TestResult {
    std::string id;
    std::string instrument;
    Date date;
    std::string result;
    std::string note;
    SourcePos origin;
};

struct Survey { // une enquête métier
    Date date;
    std::string with;
    std::string note;
    bool operator==(const Survey&) const = default;
};

struct Piste {
    std::string id;
    std::string title;
    std::optional<int> desire;             // 1 to 5
    std::optional<int> feasibility;        // 1 to 5
    std::vector<std::string> favourable;   // --for
    std::vector<std::string> unfavourable; // --against
    std::vector<Survey> surveys;
    std::string decision; // retained, backup, dropped, or empty while open
    std::string why;
    SourcePos origin;
};

struct Project {
    std::string title;
    std::string training;
    std::vector<std::string> strengths;
    std::vector<std::string> watch; // points de vigilance
    SourcePos origin;
    bool empty() const {
        return title.empty() && training.empty() && strengths.empty() && watch.empty();
    }
};

struct Action {
    std::string id;
    std::string text;
    std::string horizon; // court, moyen, long
    std::optional<Date> due;
    bool done = false;
    SourcePos origin;
};

// An earlier grant of a consent, revoked or replaced by a later grant: kept as evidence of
// what was shared with the recipient, and when.
struct ConsentPeriod {
    Date date;                         // granted on
    std::vector<std::string> sections; // the section keys it shared
    std::optional<Date> revoked_on;    // absent when the revocation was recorded without a date
    std::optional<Date> replaced_on;   // set when a new grant replaced it, never revoked
    std::string ref{};                 // where its written consent is kept (format 5)
    bool operator==(const ConsentPeriod&) const = default;
};

struct Consent {
    std::string id; // derived from the recipient: the file's name
    std::string recipient;
    Date date;
    std::vector<std::string> sections;
    bool revoked = false;
    std::optional<Date> revoked_on;
    std::vector<ConsentPeriod> history; // oldest first
    // Where the beneficiary's written consent is kept (a scan, a signed form; format 5): the
    // third party's version then says a written consent exists; `check` warns without it.
    std::string ref;
    SourcePos origin;
};

// What `purge` destroyed and when (destruction.toml): categories and counts, never content.
// `done` is false while a purge is under way: a rerun finishes it.
struct Destruction {
    bool done = false;
    Date date;
    std::vector<std::pair<std::string, int>> destroyed; // category key ("skills") and count
    std::vector<std::string> kept;                      // "administratif", "synthese", …
    std::optional<Date> synthesis_kept_until;
    std::optional<Date> documents_kept_until; // an agreement keeps the working documents
    // The basis each is kept on (format 5): accord, cep; empty in an older record.
    std::string synthesis_basis;
    std::string documents_basis;
    // The day the synthesis (synthese.md, the copy handed over) was destroyed (format 5).
    std::optional<Date> synthesis_destroyed;
    SourcePos origin;
};

// One answer of an evaluation: a question's key (attentes, situation…) and the value given.
struct Answer {
    std::string key;
    std::string value;
    bool operator==(const Answer&) const = default;
};

// An evaluation of the service (Qualiopi ind. 11 and 30): à chaud at the last conclusion
// session, à froid at the follow-up. Administrative data: never in the synthesis.
struct Evaluation {
    std::string id;
    std::string kind; // chaud, froid
    Date date;
    int satisfaction = 0;        // 1 to 5
    std::vector<Answer> answers; // in the order given
    std::string comment;         // about the service, never the substance
    SourcePos origin;
    // Whose view it is (Qualiopi indicator 30 asks every stakeholder's): empty for the
    // beneficiary's, else `financeur` or `employeur` (evaluation_parties()).
    std::string by = {};
};

// Everything a folder holds, loaded on demand by the store.
struct Folder {
    BilanRecord bilan;
    // The sessions held, in date order, then id: what every figure, rule and document counts.
    // The planned and cancelled ones are apart (unheld_sessions), so that nothing counts them
    // by mistake; what must see every session file (list, purge) reads both.
    std::vector<Session> sessions;
    std::vector<Session> unheld_sessions; // planned and cancelled, in date order, then id
    std::vector<Skill> skills;            // in id order
    std::vector<Experience> experiences;  // by start date, then id
    std::vector<Trait> traits;
    std::vector<TestResult> tests;
    std::vector<Piste> pistes;
    Project project;
    std::vector<Action> actions;
    std::vector<Consent> consents;
    std::vector<Evaluation> evaluations; // by date, then kind, then id
    EdofFile edof;                       // edof.toml: the CPF file, empty when absent
    // Not the folder's but its practice's (practice.toml `holidays`): the public holidays its
    // deadlines in business days skip. Set by the store when it loads the whole folder.
    HolidayCalendar holidays = HolidayCalendar::metropole;
    // Its practice's too (practice.toml `external`): the bilan's counsellor is external to the
    // provider (a sub-contractor, the BPF's frame E), not one of its own staff.
    bool counsellor_external = false;
    Convention convention; // convention.toml
    Financing financing;   // financing.toml
    // Content records a reading for deadlines and figures counted without parsing them
    // (store::Reading::figures): enough to know the folder still holds content.
    int unparsed_content_records = 0;
};

// Moves the planned and cancelled sessions of `sessions` to unheld_sessions, both keeping
// their order: what the store does once it has read a folder.
inline void set_apart_unheld(Folder& folder) {
    std::vector<Session> held;
    for (Session& s : folder.sessions)
        (s.held() ? held : folder.unheld_sessions).push_back(std::move(s));
    folder.sessions = std::move(held);
}

} // namespace bilan
