// bilan retention grant|show: the beneficiary's written agreement to keep the working
// documents for the follow-up (R6313-7). The rules are the operation's (src/ops/retention.cpp).
#include "bilan/ops/retention.hpp"

#include "cli/command.hpp"
#include "cli/context.hpp"
#include "cli/problems.hpp"
#include "cli/records.hpp"

namespace bilan::cli {
namespace {

struct GrantOptions {
    std::string date, scope, until;
};

int run_grant(const Context& context, const GrantOptions& o) {
    const Date date = context.parse_date(o.date);
    const std::optional<Date> until =
        o.until.empty() ? std::nullopt : std::optional<Date>(context.parse_date(o.until));
    print_notices(ops::grant_retention(context.store(), date, o.scope, until));
    return 0;
}

int run_show(const Context& context) {
    const ops::RetentionState state = ops::retention_state(context.store());
    const BilanRecord& b = state.bilan;
    std::string out;
    if (b.retention_agreed)
        out += "Accord écrit du " + b.retention_agreed->iso() + " : " + b.retention_scope +
               " conservés" +
               (b.retention_until ? " jusqu'au " + b.retention_until->iso() : std::string()) + "\n";
    else
        out += "Aucun accord de conservation : les documents de travail se détruisent à la fin "
               "du bilan (bilan purge)\n";
    if (state.limit) out += "Limite légale : " + state.limit->iso() + " (fin + 3 ans)\n";
    if (const auto& d = state.destruction) {
        out += std::string(d->done ? "Destruction faite le " : "Destruction en cours depuis le ") +
               d->date.iso() + "\n";
        if (d->synthesis_kept_until)
            out += "Synthèse conservée jusqu'au " + d->synthesis_kept_until->iso() + "\n";
    }
    print_out(out);
    return 0;
}

} // namespace

void declare_retention(Declarations& declarations, Context& context) {
    declarations.group("retention",
                       "Conservation des documents de travail après le bilan (R6313-7)");
    auto grant = std::make_shared<GrantOptions>();
    declarations.add(
        {"retention grant",
         "Enregistrer l'accord écrit du bénéficiaire pour conserver les documents de travail",
         "bilan retention grant --date 2026-07-01 --scope documents --until 2027-07-01",
         {{"--date", "Date de l'accord écrit (AAAA-MM-JJ, JJ/MM/AAAA, today)", &grant->date, true},
          {"--scope", "Ce qui est conservé : documents", &grant->scope, true, nullptr,
           fixed_values({"documents"})},
          {"--until", "Conservés jusqu'à cette date (défaut et maximum : fin + 3 ans)",
           &grant->until}},
         [&context, grant] { return run_grant(context, *grant); }});
    declarations.add({"retention show",
                      "Dire l'accord de conservation et la destruction",
                      "bilan retention show",
                      {},
                      [&context] { return run_show(context); }});
}

} // namespace bilan::cli
