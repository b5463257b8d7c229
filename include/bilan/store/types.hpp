// The folder on disk, its types: records as the fields bilan writes, their kinds, formats and
// diagnostics. The only layer that knows file names, TOML and POSIX I/O is src/store.
//
// Layout (see man/bilan.1, FILES):
//   bilan.toml            the bilan's record (beneficiary, dates, funding, demand…)
//   framework.toml        a provider's own framework, when `framework` names it
//   project.toml          the professional project
//   edof.toml             the CPF file as declared on the platform (EDOF)
//   convention.toml       the tripartite convention (R6313-8), when there is one
//   financing.toml        the price and each payer's part
//   sessions/ID.toml      one file per record, so that two git clones' additions merge
//   skills/ID.toml  experiences/ID.toml  traits/ID.toml  tests/ID.toml
//   pistes/ID.toml  actions/ID.toml  consents/ID.toml  evaluations/ID.toml
//   synthese-remise.md    the synthesis as handed over, written by `set handover`, its SHA-256
//                         in bilan.toml (handover_sha256, format 4); `render` prints it
//   synthese.md           the synthesis as handed over, kept by `purge` (format 3)
//   destruction.toml      what `purge` destroyed and when: categories and counts (format 3)
//   .lock                 present only while a writer runs
//   .gitignore            keeps .lock and temp files out of git
#pragma once

#include "bilan/layers.hpp"
#if BILAN_LAYER < BILAN_LAYER_STORE
#error "the core may not include the store"
#endif

#include "bilan/framework.hpp"
#include "bilan/model.hpp"
#include "bilan/practice.hpp"
#include "bilan/rules.hpp"
#include "bilan/values.hpp"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <variant>
#include <vector>

// Every kind of record kept one file per record in a folder of its own, in the order a folder
// is loaded and checked; each has its file src/store/kinds/NAME.cpp defining record_kind<Type>.
#define BILAN_RECORD_KINDS(X)                                                                      \
    X(Session)                                                                                     \
    X(Skill) X(Experience) X(Trait) X(TestResult) X(Piste) X(Action) X(Consent) X(Evaluation)
// Every record kept in one file of its own, in the order they are read; each has its file
// src/store/kinds/NAME.cpp defining file_kind<Type>.
#define BILAN_FILE_KINDS(X)                                                                        \
    X(BilanRecord) X(Project) X(EdofFile) X(Convention) X(Financing) X(Practice)

namespace bilan::store {

// A kind of record kept one file per record in a folder of its own (sessions/ID.toml): its
// folder and its noun. Each kind is described once, in its file of src/store/kinds/ (its keys,
// its order, the format it needs, its member of Folder), and named in code by its type:
// collection_of<Session>(). What `purge` does with a record (R6313-7): content (the
// substance) is destroyed at the end of the bilan unless the beneficiary agreed in writing to
// keep it; administrative data (sessions, consents, evaluations…) is kept as proof of service.
enum class RecordClass { content, administrative };

struct Collection {
    std::string_view folder;  // "sessions"
    std::string_view noun;    // "séance", for messages
    std::string_view removed; // "Séance supprimée", said by `rm`
    RecordClass record_class = RecordClass::administrative;
    bool operator==(const Collection& other) const { return folder == other.folder; }
};

// Defined for each kind of record (Session, Skill, … Consent) by src/store/codec.cpp.
template <typename Record> Collection collection_of();
template <typename Record> std::vector<Record>& records_of(Folder& folder);
// Every kind, in the order a folder is loaded and checked.
std::vector<Collection> record_collections();
// The same kinds as types, for a loop over them in code (std::apply).
#define BILAN_TUPLE_OF(Record)                                                                     \
    , std::tuple<Record> {}
using RecordKinds = decltype(std::tuple_cat(std::tuple<> {} BILAN_RECORD_KINDS(BILAN_TUPLE_OF)));
#undef BILAN_TUPLE_OF

// A record kept one file per record (it has an id: sessions/ID.toml), rather than in a file
// of its own at the folder's top (project.toml, convention.toml…, bilan.toml).
template <typename Record>
concept KeptInFolder = requires(const Record& record) {
    record.id;
};
// What Store::load gives: the list of a kind kept one file per record, or the one record.
template <typename Record>
using LoadedAs = std::conditional_t<KeptInFolder<Record>, std::vector<Record>, Record>;

// The files of one record each at a bilan's top level besides bilan.toml (project.toml,
// convention.toml…): what `check` knows and `-o` never replaces.
std::span<const std::string_view> single_record_files();

// How a loader reacts to a bad file: commands stop at the first problem (exit 1), `check`
// collects them all and skips the bad records.
class Diagnostics {
public:
    explicit Diagnostics(bool collect = false) : collect_(collect) {}
    void report(const SourcePos& where, const std::string& message);
    void report(const Problem& problem);
    const std::vector<Problem>& problems() const { return problems_; }
    bool collecting() const { return collect_; }
    // In a folder of a newer format, keys this version does not know are its keys, not typos.
    void ignore_unknown_keys() { ignore_unknown_keys_ = true; }
    bool ignores_unknown_keys() const { return ignore_unknown_keys_; }

private:
    bool collect_;
    bool ignore_unknown_keys_ = false;
    std::vector<Problem> problems_;
};
// The format of a bilan folder this version reads and writes: `format` in bilan.toml, 1 when
// absent. A newer folder is read for what this version knows, and never written. A new folder
// is of the first format, and stays so until a write needs more: format 2 brings a session's
// [[evidence]] tables and the session kind `atelier`, which a bilan of format 1 cannot read,
// edof.toml, convention.toml and financing.toml, which it would call unknown files; the write that
// brings them raises `format` in the same transaction. A folder that never uses them stays format
// 1, byte for byte, and open to older versions. Format 3 brings the keys of bilan.toml on the end
// of a bilan (handover, handover_mode, abandoned, abandon_reason). The evaluations/ folder needs
// none: a version that does not know it leaves it alone (check reports no unknown folder
// there) and reads everything else. A retention agreement's keys and a purged folder
// (destruction.toml, synthese.md) are format 3 too: an older version must not take a purged
// folder for a full one and write to it. Format 4 brings the copy of the synthesis handed over
// (synthese-remise.md) and its hash in bilan.toml (handover_sha256), which a format-3 bilan would
// call an unknown key, and whose copy it would not keep in step with the handover date; and the
// payment terms of the financing (financing.toml's `payment`), and a session's state (planned,
// cancelled) with its motif.
// Every format number is here; each kind's descriptor (src/store/kinds/) says which its
// records need, and the typed writes raise the folder's format to it.
constexpr int first_format = 1;
constexpr int current_format = 5;
constexpr int evidence_format = 2;       // a session's [[evidence]], the session kind atelier
constexpr int edof_format = 2;           // edof.toml
constexpr int funding_format = 2;        // convention.toml and financing.toml
constexpr int end_format = 3;            // handover, handover_mode, abandoned, abandon_reason
constexpr int retention_format = 3;      // retention_agreed, retention_scope, retention_until
constexpr int purge_format = 3;          // destruction.toml and synthese.md
constexpr int handover_copy_format = 4;  // synthese-remise.md and handover_sha256
constexpr int terms_format = 4;          // financing.toml's payment terms
constexpr int states_format = 4;         // a session's state (prevue, annulee) and motif
constexpr int stakeholders_format = 5;   // an evaluation by a funder or an employer (`by`)
constexpr int public_format = 5;         // the beneficiary's public, the BPF's line F-1
constexpr int months_format = 5;         // an experience dated to the month ("2008-09")
constexpr int contacts_format = 5;       // bilan.toml's email and telephone
constexpr int place_format = 5;          // a session's lieu and lien
constexpr int email_evidence_format = 5; // evidence `email`, its headers and preuves/
constexpr int drafts_format = 5;         // a session's convocation and rappel (drafted on)
// A basis to keep the synthesis (synthesis_agreed, _motif, _until, _ref), retention_ref; and a
// purge of the synthesis: destruction.toml's synthesis_destroyed, *_basis, file counts.
constexpr int bases_format = 5;
constexpr int consent_ref_format = 5; // a consent's ref (where the written consent is kept)
// A value to write; the store turns it into TOML.
using Value =
    std::variant<std::string, std::int64_t, bool, Date, TimeOfDay, std::vector<std::string>>;
struct Field {
    std::string key;
    std::optional<Value> value; // nullopt: remove the key
};
using Fields = std::vector<Field>;

// Each record as the fields bilan writes, in their canonical order (its kind's descriptor in
// src/store/kinds/ defines it for every record: BilanRecord, Project, each kind above, a
// piste's Survey without which a piste is written, a consent's earlier ConsentPeriod, a
// session's Evidence). A record's [[sub-tables]] are written apart, each entry a table of its
// own, oldest first: a session's evidence (kind, ref; evidence_tables), a consent's earlier
// grants (date, sections, then revoked = true and revoked_on, or replaced_on; history_tables),
// a piste's surveys.
template <typename Record> Fields fields_of(const Record& record);
template <> Fields fields_of(const Survey& survey);
template <> Fields fields_of(const Evidence& evidence);
template <> Fields fields_of(const ConsentPeriod& period);
template <> Fields fields_of(const Destruction& destruction);
std::vector<Fields> history_tables(const Consent& consent);
std::vector<Fields> evidence_tables(const Session& session);
// The folder format a record needs (its descriptor says; first_format for most): a session
// with evidence or of kind atelier, edof.toml, a bilan that ended or keeps its documents…
template <typename Record> int format_needed(const Record& record);
// The categories a purge counts, in the order destruction.toml lists them: each content kind
// of record (its folder: "skills"), then "project", "session_notes", "bilan_fields".
std::vector<std::string> destruction_categories();

// The keys whose value differs from `before` to `after` (two fields_of lists of one record),
// with nullopt for a key `after` no longer has: only those are spliced into the file, so that
// whatever else a person wrote there stays byte for byte.
Fields changed_fields(const Fields& before, const Fields& after);

// What `set` accepts and how each field is typed.
struct BilanField {
    std::string_view key;
    enum class Kind { text, date, funding, framework, term, email, telephone } kind;
    bool required;
    // A term's values and what they are, for the message that refuses another.
    std::span<const Term> (*terms)() = nullptr;
    std::string_view what = {};
};
std::span<const BilanField> bilan_fields();

// The copy of the synthesis as handed over, as Store::handover_copy finds it: `text` nullopt
// when the file is absent; `shown` its name for messages (root/name).
inline constexpr std::string_view handover_copy_file = "synthese-remise.md";
// The evidence records point at (a reply by e-mail): administrative, kept like the sessions.
inline constexpr std::string_view proof_folder = "preuves";
struct HandoverCopy {
    std::optional<std::string> text;
    std::string shown;
};
const BilanField* find_bilan_field(std::string_view key);

} // namespace bilan::store
