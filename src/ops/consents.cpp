#include "bilan/ops/consents.hpp"

#include "bilan/errors.hpp"
#include "bilan/synthesis.hpp"
#include "bilan/values.hpp"

#include <algorithm>

namespace bilan::ops {
namespace {

std::string trimmed(const std::string& text) {
    const auto b = text.find_first_not_of(" \t");
    const auto e = text.find_last_not_of(" \t");
    return b == std::string::npos ? std::string() : text.substr(b, e - b + 1);
}

// The recipient's consent to edit: the file named after them, else one written by hand under
// another name for the same recipient; nullptr when there is none yet.
const Consent* existing_consent(const std::vector<Consent>& consents, const std::string& id,
                                const std::string& recipient) {
    const std::vector<const Consent*> found = consents_for(consents, recipient);
    for (const Consent* c : found)
        if (c->id == id) return c;
    return found.empty() ? nullptr : found.front();
}

// `id`, or when another recipient's consent has that name, the first of id-2, id-3… that none
// has: two recipients never share a file.
std::string free_id(const std::vector<Consent>& consents, const std::string& id) {
    const auto taken = [&](const std::string& name) {
        return std::any_of(consents.begin(), consents.end(),
                           [&](const Consent& c) { return c.id == name; });
    };
    std::string name = id;
    for (int n = 2; taken(name); ++n)
        name = id + "-" + std::to_string(n);
    return name;
}

} // namespace

std::string recipient_id(const std::string& recipient) {
    require_typed_text(recipient, "destinataire");
    if (recipient.find_first_of("\n\r\t") != std::string::npos)
        throw UsageError("le destinataire tient sur une ligne");
    const std::string id = consent_id(recipient);
    if (id.empty())
        throw UsageError("destinataire « " + recipient +
                         " » : il faut au moins une lettre ou un chiffre");
    if (id.size() > 100) throw UsageError("nom de destinataire trop long (100 caractères au plus)");
    return id;
}

Notes grant_consent(const store::Store& store, const std::string& recipient, const Date& date,
                    std::optional<std::vector<std::string>> sections, const std::string& ref) {
    if (!ref.empty()) require_typed_text(ref, "référence de l'accord écrit");
    store.require_bilan();
    const std::string id = recipient_id(recipient);
    std::vector<std::string> shared = sections ? std::move(*sections) : default_shared_sections();
    store::Transaction transaction(store); // read under the lock: what we edit is current
    const store::Store& current_store = transaction.store();
    store::Diagnostics strict;
    // No agreement to share results predates the bilan that produced them: such a date is a
    // typing mistake that would stand as false evidence.
    if (const BilanRecord bilan = current_store.load_bilan(strict);
        bilan.start && date < *bilan.start)
        throw RefusedError("accord du " + date.iso() + " refusé : le bilan n'a commencé que le " +
                           bilan.start->iso());
    const std::vector<Consent> consents = current_store.load<Consent>(strict);
    if (const Consent* current = existing_consent(consents, id, recipient)) {
        // Granting again edits the record in place: the recipient keeps its first spelling, a
        // revocation moves to the history, and the person's comments stay.
        Consent next = grant_again(*current, date, std::move(shared));
        const bool new_grant = current->revoked || next.history.size() != current->history.size();
        if (!ref.empty() || new_grant) next.ref = ref;
        transaction.update(*current, next);
        return {};
    }
    Consent c;
    c.id = free_id(consents, id);
    c.recipient = trimmed(recipient);
    c.date = date;
    c.sections = std::move(shared);
    c.ref = trimmed(ref);
    transaction.create(c);
    if (c.id == id) return {};
    const auto owner = std::find_if(consents.begin(), consents.end(),
                                    [&](const Consent& other) { return other.id == id; });
    return {Problem{.code = "consent.name-taken",
                    .severity = Severity::notice,
                    .values = {{"taken", id},
                               {"owner", owner->recipient},
                               {"recipient", c.recipient},
                               {"written", c.id}}}};
}

Notes revoke_consent(const store::Store& store, const std::string& recipient,
                     const std::optional<Date>& on) {
    store.require_bilan();
    recipient_id(recipient);
    store::Transaction transaction(store); // read under the lock: what we edit is current
    store::Diagnostics strict;
    const std::vector<Consent> consents = transaction.store().load<Consent>(strict);
    const std::vector<const Consent*> found = consents_for(consents, recipient);
    if (found.empty())
        throw RefusedError(Problem{.code = "consent.none-to-revoke",
                                   .values = {{"recipient", recipient}},
                                   .remedy = Remedy{"consent.list", {}}});
    // Every consent is checked before any file is written: a refusal leaves them all as they were.
    std::vector<std::pair<const Consent*, Consent>> edits;
    for (const Consent* c : found)
        if (!c->revoked) // the first revocation stays as it was recorded
            edits.emplace_back(c, bilan::revoke_consent(*c, on));
    Notes notes;
    if (edits.empty())
        notes.push_back({.code = "consent.already-revoked",
                         .severity = Severity::notice,
                         .values = {{"recipient", recipient}}});
    for (const auto& [before, after] : edits)
        transaction.update(*before, after);
    return notes;
}

std::vector<Consent> list_consents(const store::Store& store) {
    store.require_bilan();
    return read_still(store, [](const store::Store& still) {
        store::Diagnostics strict;
        return still.load<Consent>(strict);
    });
}

} // namespace bilan::ops
