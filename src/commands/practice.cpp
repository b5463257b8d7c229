// bilan practice init|set|show: the practice folder, whose practice.toml holds the provider's
// identity for the bilans below it. The rules and the file are the operations'
// (src/ops/practice.cpp); here, the options parsed, the operation called, its result printed.
#include "bilan/ops/practice.hpp"

#include "bilan/json.hpp"
#include "bilan/values.hpp"
#include "bilan/views.hpp"
#include "cli/command.hpp"
#include "cli/context.hpp"
#include "cli/problems.hpp"
#include "cli/records.hpp"

namespace bilan::cli {
namespace {

struct InitOptions {
    std::string dir;
    Practice practice;
};

// Digits in the groups people read them in: "999 123 456 00017", "11 75 99999 75".
std::string grouped(const std::string& digits, std::initializer_list<std::size_t> groups) {
    std::size_t total = 0;
    for (const std::size_t size : groups)
        total += size;
    if (digits.size() != total) return digits;
    std::string out;
    std::size_t at = 0;
    for (const std::size_t size : groups) {
        out += (out.empty() ? "" : " ") + digits.substr(at, size);
        at += size;
    }
    return out;
}

std::string practice_text(const ops::FoundPractice& found) {
    const Practice& p = found.practice;
    const auto line = [](std::string_view label, const std::string& value) {
        return pad_right(label, 16) + (value.empty() ? "—" : visible_line(value)) + "\n";
    };
    return line("Raison sociale", p.name) + line("SIRET", grouped(p.siret, {3, 3, 3, 5})) +
           line("NDA", grouped(p.nda, {2, 2, 5, 2})) + line("Qualiopi", p.qualiopi) +
           line("Adresse", p.address) + line("Ville", p.city) + line("Signataire", p.signatory) +
           (p.holidays.empty() ? "" : line("Jours fériés", p.holidays)) +
           (p.email.empty() ? "" : line("E-mail", p.email)) +
           (p.telephone.empty() ? "" : line("Téléphone", p.telephone)) +
           line("Fichier", found.file);
}

std::string practice_json(const Practice& p) {
    JsonWriter json;
    json.begin_object()
        .field("schema", 1)
        .text_or_null("name", p.name)
        .text_or_null("siret", p.siret)
        .text_or_null("nda", p.nda)
        .text_or_null("qualiopi", p.qualiopi)
        .text_or_null("address", p.address)
        .text_or_null("city", p.city)
        .text_or_null("signatory", p.signatory);
    // Only when chosen: the contract's keys stay as they were for a practice that does not.
    if (!p.holidays.empty()) json.field("holidays", p.holidays);
    if (!p.email.empty()) json.field("email", p.email);
    if (!p.telephone.empty()) json.field("telephone", p.telephone);
    json.end_object();
    return json.str();
}

} // namespace

void declare_practice(Declarations& declarations, Context& context) {
    declarations.group("practice",
                       "Cabinet : l'identité du prestataire (practice.toml), partagée par les "
                       "bilans rangés en dessous");

    auto init = std::make_shared<InitOptions>();
    Practice& p = init->practice;
    declarations.add(
        {"practice init",
         "Créer un cabinet : DIR (0700) et son practice.toml (0600)",
         "bilan practice init ~/bilans --name \"Cabinet Horizons\" --siret \"999 123 456 00017\" "
         "--nda 11759999975",
         {{"DIR", "Dossier du cabinet (créé s'il n'existe pas)", &init->dir, true},
          {"--name", "Raison sociale du prestataire", &p.name, true},
          {"--siret", "SIRET : 14 chiffres, clé de contrôle comprise", &p.siret},
          {"--nda", "Numéro de déclaration d'activité : 11 chiffres", &p.nda},
          {"--qualiopi", "Certification Qualiopi (numéro, organisme…)", &p.qualiopi},
          {"--address", "Adresse, sur une ligne", &p.address},
          {"--city", "Ville (lieu de signature des attestations)", &p.city},
          {"--signatory", "Signataire des attestations (nom, qualité)", &p.signatory},
          {"--holidays", "Jours fériés des échéances : metropole (défaut) ou alsace-moselle",
           &p.holidays}},
         [init] {
             ops::open_practice(init->dir, init->practice);
             return 0;
         }});

    struct SetOptions {
        std::string key, value;
    };
    auto set = std::make_shared<SetOptions>();
    declarations.add(
        {"practice set",
         "Modifier un champ du cabinet (" + ops::practice_field_names() + ") ; VALUE vide l'efface",
         "bilan practice set signatory \"Hélène Moreau, gérante\"",
         {{"FIELD", "Champ à modifier", &set->key, true, nullptr,
           fixed_values(ops::practice_field_keys())},
          {"VALUE", "Nouvelle valeur", &set->value, true}},
         [&context, set] {
             print_notices(ops::set_practice_field(context.start_dir(), set->key, set->value));
             return 0;
         }});

    auto json = std::make_shared<bool>(false);
    declarations.add({"practice show",
                      "Afficher le cabinet du dossier (BILAN_PRACTICE, sinon practice.toml "
                      "dans le dossier ou au-dessus)",
                      "bilan -C claire practice show --json",
                      {{"--json", "Sortie JSON", json.get()}},
                      [&context, json] {
                          const ops::FoundPractice found = ops::show_practice(context.start_dir());
                          print_out(*json ? practice_json(found.practice) : practice_text(found));
                          return 0;
                      }});
}

} // namespace bilan::cli
