// bilan purge [--dry-run] [--date DATE]: at the end of the bilan, destroys the documents made
// for it, the synthesis included, but what a basis keeps (R6313-7). The rules are the operation's
// (src/ops/retention.cpp); here, the options parsed, the operation called, its result printed.
#include "bilan/ops/retention.hpp"
#include "cli/command.hpp"
#include "cli/context.hpp"
#include "cli/problems.hpp"

namespace bilan::cli {
namespace {

struct PurgeOptions {
    std::string date;
    bool dry_run = false;
    std::vector<std::string> also;
    bool all = false;
};

// "skills" → the words a person reads.
std::string category_label(const std::string& category) {
    static const std::pair<const char*, const char*> labels[] = {
        {"skills", "compétences"},
        {"experiences", "expériences"},
        {"traits", "valeurs, motivations et intérêts"},
        {"tests", "tests"},
        {"pistes", "pistes"},
        {"actions", "actions"},
        {"project", "projet professionnel"},
        {"session_notes", "notes de séance"},
        {"bilan_fields", "champs personnels de bilan.toml"},
        {"synthesis_files", "synthèse (synthese.md, copie remise)"},
        {"rendered_files", "documents rendus par bilan"},
        {"other_files", "autres fichiers (--aussi, --tout)"}};
    for (const auto& [key, label] : labels)
        if (category == key) return label;
    return category;
}

std::string report_text(const ops::PurgeReport& r, bool dry_run) {
    if (r.nothing_to_do) return "Rien à détruire : purge faite le " + r.record.date.iso() + "\n";
    std::string out =
        dry_run ? "Serait détruit (rien n'est écrit) :\n"
                : (r.resumed ? "Purge reprise et terminée : détruit le " : "Détruit le ") +
                      r.record.date.iso() + " :\n";
    int total = 0;
    for (const auto& [category, n] : r.record.destroyed) {
        if (n == 0) continue;
        out += "  " + category_label(category) + " : " + std::to_string(n) + "\n";
        total += n;
    }
    if (total == 0) out += "  rien\n";
    if (!r.files.empty()) {
        out += dry_run ? "Fichiers à détruire :\n" : "Fichiers détruits :\n";
        for (const std::string& file : r.files)
            out += "  " + file + "\n";
    }
    if (!r.unclassified.empty()) {
        out += "Fichiers que bilan ne sait pas classer (purge refusée sans --aussi FICHIER… ou "
               "--tout) :\n";
        for (const std::string& file : r.unclassified)
            out += "  " + file + "\n";
    }
    out += "Conservé : données administratives (identité, dates, financement, séances sans "
           "notes, consentements, preuves)";
    const auto basis = [](const std::string& motif) {
        return motif == "cep" ? std::string("transmise à l'opérateur du CEP")
                              : std::string("accord écrit");
    };
    if (r.record.synthesis_kept_until || !r.record.synthesis_basis.empty()) {
        out += ", synthèse (synthese.md";
        if (!r.record.synthesis_basis.empty()) out += ", " + basis(r.record.synthesis_basis);
        if (r.record.synthesis_kept_until)
            out += ", jusqu'au " + r.record.synthesis_kept_until->iso();
        out += ")";
    }
    if (r.record.documents_kept_until)
        out += ", documents de travail (accord écrit, jusqu'au " +
               r.record.documents_kept_until->iso() + ")";
    if (r.record.synthesis_destroyed)
        out += dry_run ? "\nSynthèse à détruire : aucune base ne la garde (" + r.source + ")"
                       : "\nSynthèse détruite le " + r.record.synthesis_destroyed->iso() +
                             " (aucune base ne la garde : " + r.source + ")";
    return out + "\n";
}

int run_purge(const Context& context, const PurgeOptions& o) {
    ops::PurgeOptions options;
    options.date = o.date.empty() ? context.today() : context.parse_date(o.date);
    options.today = context.today();
    options.dry_run = o.dry_run;
    options.also = o.also;
    options.all = o.all;
    const ops::PurgeReport report = ops::purge(context.store(), options);
    print_notices(report.notes);
    try {
        print_out(report_text(report, o.dry_run));
    } catch (const EnvironmentError& e) {
        if (o.dry_run || report.nothing_to_do) throw; // nothing was done: the failure is all
        // The destruction is done and recorded: a script must not take it for a failure.
        print_note("purge faite (destruction.toml), mais son compte rendu n'a pas pu être écrit "
                   "(" +
                   std::string(e.what()) + ") : bilan purge --dry-run le redit");
    }
    return 0;
}

} // namespace

void declare_purge(Declarations& declarations, Context& context) {
    auto o = std::make_shared<PurgeOptions>();
    declarations.add({"purge",
                      "Fin du bilan : détruire la synthèse et les documents de travail, sauf ce "
                      "qu'une base garde (R6313-7)",
                      "bilan purge --dry-run",
                      {{"--dry-run", "Dire ce qui serait détruit, sans rien écrire", &o->dry_run},
                       {"--date", "Date de la destruction (défaut : aujourd'hui)", &o->date},
                       {"--aussi",
                        "Détruire aussi ce fichier (ou dossier) que bilan ne sait pas classer "
                        "(répétable)",
                        &o->also},
                       {"--tout", "Détruire aussi tout ce que bilan ne sait pas classer", &o->all}},
                      [&context, o] { return run_purge(context, *o); }});
}

} // namespace bilan::cli
