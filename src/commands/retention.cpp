// bilan retention grant|show: a basis to keep after the end (R6313-7): the beneficiary's written
// agreement to keep the synthesis or the working documents for the follow-up, or the synthesis
// sent to the CEP operator at her request. The rules are the operation's (src/ops/retention.cpp).
#include "bilan/ops/retention.hpp"

#include "cli/command.hpp"
#include "cli/context.hpp"
#include "cli/problems.hpp"
#include "cli/records.hpp"

namespace bilan::cli {
namespace {

struct GrantOptions {
    std::string date, scope, until, ref, motif = "accord";
};

int run_grant(const Context& context, const GrantOptions& o) {
    ops::RetentionGrant grant;
    grant.scope = o.scope;
    grant.date = context.parse_date(o.date);
    if (!o.until.empty()) grant.until = context.parse_date(o.until);
    grant.ref = o.ref;
    grant.motif = o.motif;
    print_notices(ops::grant_retention(context.store(), grant));
    return 0;
}

std::string basis_line(const char* what, const std::string& motif, const Date& date,
                       const std::optional<Date>& until, const std::string& ref) {
    std::string line =
        std::string(what) + " : " +
        (motif == "cep" ? "transmise à l'opérateur du CEP le " : "accord écrit du ") + date.iso();
    if (until) line += ", conservée jusqu'au " + until->iso();
    if (!ref.empty()) line += " (pièce : " + ref + ")";
    return line + "\n";
}

int run_show(const Context& context) {
    const ops::RetentionState state = ops::retention_state(context.store());
    const BilanRecord& b = state.bilan;
    std::string out;
    if (b.retention_agreed)
        out += "Accord écrit du " + b.retention_agreed->iso() + " : " + b.retention_scope +
               " conservés" +
               (b.retention_until ? " jusqu'au " + b.retention_until->iso() : std::string()) +
               (b.retention_ref.empty() ? std::string() : " (pièce : " + b.retention_ref + ")") +
               "\n";
    if (b.synthesis_agreed)
        out += basis_line("Synthèse", b.synthesis_motif, *b.synthesis_agreed, b.synthesis_until,
                          b.synthesis_ref);
    if (!b.retention_agreed && !b.synthesis_agreed)
        out += "Aucune base de conservation : la synthèse et les documents de travail se "
               "détruisent à la fin du bilan (bilan purge)\n";
    if (state.limit) out += "Limite légale : " + state.limit->iso() + " (fin + 3 ans)\n";
    if (const auto& d = state.destruction) {
        out += std::string(d->done ? "Destruction faite le " : "Destruction en cours depuis le ") +
               d->date.iso() + "\n";
        if (d->synthesis_kept_until)
            out += "Synthèse conservée jusqu'au " + d->synthesis_kept_until->iso() + "\n";
        if (d->synthesis_destroyed)
            out += "Synthèse détruite le " + d->synthesis_destroyed->iso() + "\n";
    }
    print_out(out);
    return 0;
}

} // namespace

void declare_retention(Declarations& declarations, Context& context) {
    declarations.group("retention",
                       "Conservation de la synthèse ou des documents après le bilan (R6313-7)");
    auto grant = std::make_shared<GrantOptions>();
    declarations.add(
        {"retention grant",
         "Enregistrer une base pour conserver la synthèse ou les documents de travail après la fin",
         "bilan retention grant --scope synthese --motif cep --date 2026-07-01",
         {{"--scope", "Ce qui est conservé : synthese ou documents", &grant->scope, true, nullptr,
           fixed_values({"synthese", "documents"})},
          {"--date", "Date de l'accord écrit ou de la transmission (AAAA-MM-JJ, JJ/MM/AAAA, today)",
           &grant->date, true},
          {"--until", "Conservé jusqu'à cette date (défaut et maximum : fin + 3 ans)",
           &grant->until},
          {"--ref", "Où est gardée la preuve (scan de l'accord signé, courriel de transmission)",
           &grant->ref},
          {"--motif",
           "accord (accord écrit du bénéficiaire, défaut) ou cep (synthèse transmise à "
           "l'opérateur du CEP à sa demande)",
           &grant->motif, false, nullptr, fixed_values({"accord", "cep"})}},
         [&context, grant] { return run_grant(context, *grant); }});
    declarations.add({"retention show",
                      "Dire l'accord de conservation et la destruction",
                      "bilan retention show",
                      {},
                      [&context] { return run_show(context); }});
}

} // namespace bilan::cli
