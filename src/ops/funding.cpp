// convention set|show|render and financing set|show: see include/bilan/ops/funding.hpp.
#include "bilan/ops/funding.hpp"

#include "bilan/funding_views.hpp"
#include "bilan/rules.hpp"

namespace bilan::ops {

namespace {

template <typename T> void apply(T& field, const std::optional<T>& edit) {
    if (edit) field = *edit;
}

// The problems as notes, without their place: the file is the one just written.
Notes messages(std::vector<Problem> problems) {
    for (Problem& p : problems)
        p.where.reset();
    return problems;
}

} // namespace

bool ConventionEdit::empty() const {
    return !employer && !employer_siret && !employer_address && !employer_signatory && !title &&
           !objective && !content && !means && !conduct && !payment && !duration_minutes &&
           !start && !end && !sent && !signed_employee && !signed_employer && !signed_provider;
}

Notes set_convention(const store::Store& store, const ConventionEdit& edit, const Date& today) {
    store.require_bilan();
    store::Transaction transaction(store);
    Loaded loaded = load_folder(transaction); // read under the lock; a bad file stops it
    const Convention before = loaded.folder.convention;
    Convention after = before;
    apply(after.employer, edit.employer);
    apply(after.employer_siret, edit.employer_siret);
    apply(after.employer_address, edit.employer_address);
    apply(after.employer_signatory, edit.employer_signatory);
    apply(after.title, edit.title);
    apply(after.objective, edit.objective);
    apply(after.content, edit.content);
    apply(after.means, edit.means);
    apply(after.conduct, edit.conduct);
    apply(after.payment, edit.payment);
    apply(after.duration_minutes, edit.duration_minutes);
    apply(after.start, edit.start);
    apply(after.end, edit.end);
    apply(after.sent, edit.sent);
    apply(after.signed_employee, edit.signed_employee);
    apply(after.signed_employer, edit.signed_employer);
    apply(after.signed_provider, edit.signed_provider);
    if (after.start && after.end && *after.end < *after.start)
        throw RefusedError("la fin de la période (" + after.end->iso() + ") précède son début (" +
                           after.start->iso() + ") ; rien n'a été écrit");
    // The employee accepts a convention the employer sent: a signature before is a typo.
    if (after.sent && after.signed_employee && *after.signed_employee < *after.sent)
        throw RefusedError("signature du ou de la salarié(e) (" + after.signed_employee->iso() +
                           ") avant l'envoi de la convention (" + after.sent->iso() +
                           ") ; rien n'a été écrit");
    transaction.update(before, after);
    after.exists = true;
    loaded.folder.convention = after;
    std::vector<Problem> found = convention_problems(loaded.framework, loaded.folder, today);
    for (Problem& warning : convention_warnings(loaded.framework, loaded.folder, today))
        found.push_back(std::move(warning));
    return messages(std::move(found));
}

Convention show_convention(const store::Store& store) {
    return read_strictly(
        store, [](const store::Store& s, store::Diagnostics& d) { return s.load<Convention>(d); });
}

std::string render_convention(const store::Store& store) {
    const Loaded loaded = load_folder(store); // a file at fault stops it: exit 1
    if (!loaded.folder.convention.exists)
        throw RefusedError(Problem{.code = "convention.none-to-render",
                                   .remedy = Remedy{"convention.set", {{"employer", {}}}}});
    store::Diagnostics strict;
    const std::optional<Practice> provider = store::find_practice(store, strict);
    return bilan::render_convention(loaded.framework, loaded.folder, provider);
}

Notes set_financing(const store::Store& store, const FinancingEdit& edit) {
    store.require_bilan();
    store::Transaction transaction(store);
    Loaded loaded = load_folder(transaction);
    const Financing before = loaded.folder.financing;
    Financing after = before;
    apply(after.price_cents, edit.price_cents);
    apply(after.jobseeker, edit.jobseeker);
    apply(after.payment, edit.payment);
    for (const auto& part : edit.parts) {
        const auto& [payer, cents] = part;
        // Named through `part`: clang 14 (the fuzz build) cannot capture a structured binding.
        std::erase_if(after.parts, [&](const FundingPart& p) { return p.payer == part.first; });
        if (cents) after.parts.push_back({payer, *cents});
    }
    // One order, the payers' table's, whatever order the parts were given in.
    std::vector<FundingPart> ordered;
    for (const Term& payer : funding_payers())
        if (const auto cents = after.part(payer.key))
            ordered.push_back({std::string(payer.key), *cents});
    after.parts = std::move(ordered);
    transaction.update(before, after);
    after.exists = true;
    loaded.folder.financing = after;
    return messages(financing_problems(loaded.framework, loaded.folder));
}

Financing show_financing(const store::Store& store) {
    return read_strictly(
        store, [](const store::Store& s, store::Diagnostics& d) { return s.load<Financing>(d); });
}

} // namespace bilan::ops
