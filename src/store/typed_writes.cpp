// The typed writes of a Transaction, and the shared read lock of read commands: what lets the
// operations and commands above the store write records without naming a TOML key.
#include "bilan/rules.hpp"
#include "bilan/store.hpp"
#include "lock.hpp"
#include "toml_text.hpp"

#include <algorithm>

namespace bilan::store {

Fields changed_fields(const Fields& before, const Fields& after) {
    Fields edits;
    for (const Field& field : after) {
        const auto same = std::find_if(before.begin(), before.end(), [&](const Field& old) {
            return old.key == field.key && old.value == field.value;
        });
        if (same == before.end()) edits.push_back(field);
    }
    for (const Field& old : before) {
        const bool kept = std::any_of(after.begin(), after.end(),
                                      [&](const Field& field) { return field.key == old.key; });
        if (!kept) edits.push_back({old.key, std::nullopt});
    }
    return edits;
}

namespace {

// A personal field of bilan.toml given a new value (content, practice.md §8); clearing one is not.
bool brings_personal_fields(const BilanRecord& before, const BilanRecord& after) {
    for (const auto field : personal_fields)
        if (!(after.*field).empty() && after.*field != before.*field) return true;
    return false;
}

} // namespace

// Content written into a half-purged folder would be destroyed by the resume uncounted, or
// kept uncovered when an agreement came since: the purge is finished first.
void Transaction::refuse_content_while_purging() const {
    Diagnostics lenient(true); // a destruction.toml at fault is check's to report
    const std::optional<Destruction> destruction = store_.load_destruction(lenient);
    if (destruction && !destruction->done)
        throw RefusedError("purge inachevée (" + store_.display("destruction.toml") +
                           " : en-cours) : relancez bilan purge pour la finir ; rien n'a été "
                           "modifié");
}

std::string Transaction::add(const Session& session) {
    if (!session.note.empty()) refuse_content_while_purging();
    std::string id;
    in_format(format_needed(session),
              [&] { id = add_record(collection_of<Session>(), fields_of(session)); });
    return id;
}

void Transaction::update(const Session& before, const Session& after) {
    // Evidence of attendance is what a funder checks: an update that would drop or change a
    // piece of it is a bug.
    if (after.evidence.size() < before.evidence.size() ||
        !std::equal(before.evidence.begin(), before.evidence.end(), after.evidence.begin()))
        throw RefusedError("les preuves de présence d'une séance ne s'effacent pas : on en ajoute");
    if (!after.note.empty() && after.note != before.note) refuse_content_while_purging();
    // Composed and checked first: a session file that cannot take the change raises nothing.
    const PreparedEdit edit = prepare_record_tables(
        collection_of<Session>(), before.id, changed_fields(fields_of(before), fields_of(after)),
        "evidence", evidence_tables(after));
    if (!edit.changed) return;
    in_format(format_needed(after), [&] { write_file_atomically(edit.path, edit.text); });
}

void Transaction::update(const Piste& before, const Piste& after) {
    refuse_content_while_purging();
    const std::size_t kept = before.surveys.size();
    if (after.surveys.size() < kept ||
        !std::equal(before.surveys.begin(), before.surveys.end(), after.surveys.begin()))
        throw RefusedError("les enquêtes d'une piste ne s'effacent pas : on en ajoute");
    update_record(collection_of<Piste>(), before.id,
                  changed_fields(fields_of(before), fields_of(after)));
    for (std::size_t i = kept; i < after.surveys.size(); ++i)
        append_table(collection_of<Piste>(), before.id, "surveys", fields_of(after.surveys[i]));
}

void Transaction::update(const BilanRecord& before, const BilanRecord& after) {
    if (brings_personal_fields(before, after)) refuse_content_while_purging();
    const Fields edits = changed_fields(fields_of(before), fields_of(after));
    require_storable(edits); // before the format is raised
    in_format(format_needed(after), [&] { update_bilan(edits); });
}

void Transaction::update(const Project& before, const Project& after) {
    if (!after.empty()) refuse_content_while_purging();
    update_project(changed_fields(fields_of(before), fields_of(after)));
}

void Transaction::update(const EdofFile& before, const EdofFile& after) {
    const Fields edits = changed_fields(fields_of(before), fields_of(after));
    const bool writes = std::any_of(edits.begin(), edits.end(),
                                    [](const Field& field) { return field.value.has_value(); });
    if (edits.empty() || (before.empty() && !writes)) return; // no file to write
    // A version of format 1 would call edof.toml an unknown file: raised first, in this write.
    in_format(edof_format, [&] { update_edof(edits); });
}

namespace {
// convention.toml and financing.toml came with format 2: a bilan of format 1 knows neither.
constexpr int funding_format = 2;
} // namespace

void Transaction::update(const Convention& before, const Convention& after) {
    update_single_file("convention.toml",
                       "# Convention tripartite (R6313-8) : « bilan convention set » ou à la "
                       "main.\n",
                       changed_fields(fields_of(before), fields_of(after)), funding_format);
}

void Transaction::update(const Financing& before, const Financing& after) {
    update_single_file("financing.toml",
                       "# Financement, montants en centimes : « bilan financing set » ou à la "
                       "main.\n",
                       changed_fields(fields_of(before), fields_of(after)), funding_format);
}

void Transaction::update(const Consent& before, const Consent& after) {
    // The earlier grants are evidence: an update that would drop or change one is a bug.
    if (after.history.size() < before.history.size() ||
        !std::equal(before.history.begin(), before.history.end(), after.history.begin()))
        throw RefusedError("l'historique d'un consentement ne s'efface pas : on y ajoute");
    update_record_tables(collection_of<Consent>(), before.id,
                         changed_fields(fields_of(before), fields_of(after)), "history",
                         history_tables(after));
}

ConsistentRead::ConsistentRead(const Store& store)
    : gate_(std::make_unique<FolderGate>(store.root(), FolderGate::Mode::shared)) {}

ConsistentRead::~ConsistentRead() = default;

} // namespace bilan::store
