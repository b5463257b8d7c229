// bilan reclamation add|close|list: the practice's register of complaints (Qualiopi 31), kept
// in the practice folder (reclamations/). The rules are the operations' (src/ops/registers.cpp).
#include "bilan/json.hpp"
#include "bilan/ops/registers.hpp"
#include "bilan/values.hpp"
#include "bilan/views.hpp"
#include "cli/command.hpp"
#include "cli/context.hpp"
#include "cli/problems.hpp"
#include "cli/records.hpp"

namespace bilan::cli {
namespace {

struct AddOptions {
    std::string subject, date, from, channel, bilan;
};
struct CloseOptions {
    std::string id, date, answer;
};
struct ListOptions {
    bool json = false, open = false;
};

std::string complaints_json(const std::vector<Complaint>& list) {
    JsonWriter json;
    json.begin_object().field("schema", 1).key("reclamations").begin_array();
    for (const Complaint& c : list) {
        json.begin_object()
            .field("id", c.id)
            .field("date", c.date)
            .field("from", c.from)
            .field("channel", c.channel)
            .field("subject", c.subject)
            .text_or_null("bilan", c.bilan)
            .text_or_null("answer", c.answer)
            .field("closed", c.closed)
            .end_object();
    }
    json.end_array().end_object();
    return json.str();
}

std::string complaints_text(const std::vector<Complaint>& list) {
    std::string out;
    for (const Complaint& c : list)
        out += c.id + "  " + c.date.iso() + "  " + pad_right(c.channel, 9) + " " +
               (c.closed ? "close le " + c.closed->iso() : std::string("ouverte           ")) +
               "  " + visible_line(c.from) + " : " + visible_line(c.subject) + "\n";
    return out;
}

} // namespace

void declare_reclamation(Declarations& declarations, Context& context) {
    declarations.group("reclamation",
                       "Registre des réclamations du cabinet (Qualiopi 31), dans le dossier du "
                       "cabinet");
    std::vector<std::string> channels(complaint_channels().begin(), complaint_channels().end());
    auto add = std::make_shared<AddOptions>();
    declarations.add(
        {"reclamation add",
         "Enregistrer une réclamation reçue (affiche son identifiant)",
         "bilan reclamation add \"Délai de remise de la synthèse\" --date 2026-03-02 --de "
         "\"M. Martin\" --canal email",
         {{"TEXT", "Objet de la réclamation", &add->subject, true},
          {"--date", "Date de réception", &add->date, true},
          {"--de", "Auteur de la réclamation", &add->from, true},
          {"--canal", "courrier, email, telephone, oral ou autre", &add->channel, true, nullptr,
           fixed_values(channels)},
          {"--bilan", "Dossier du bilan concerné, s'il y en a un", &add->bilan}},
         [&context, add] {
             Complaint c;
             c.subject = required_text(add->subject, "TEXT");
             c.date = context.parse_date(add->date);
             c.from = required_text(add->from, "--de");
             c.channel = add->channel;
             c.bilan = checked_text(add->bilan, "--bilan");
             print_out(ops::add_complaint(context.start_dir(), c, context.today()) + "\n");
             return 0;
         }});

    auto close = std::make_shared<CloseOptions>();
    declarations.add(
        {"reclamation close",
         "Clore une réclamation : la réponse apportée et sa date",
         "bilan reclamation close 3f9a --date 2026-03-10 --reponse \"Synthèse remise, excuses\"",
         {{"ID", "Identifiant (ou son début, 3 caractères au moins)", &close->id, true},
          {"--date", "Date de la réponse (pas après aujourd'hui)", &close->date, true},
          {"--reponse", "Réponse apportée", &close->answer, true}},
         [&context, close] {
             const std::string id = id_argument(close->id);
             const Date date = context.parse_date(close->date);
             ops::close_complaint(context.start_dir(), id, date,
                                  required_text(close->answer, "--reponse"), context.today());
             return 0;
         }});

    auto list = std::make_shared<ListOptions>();
    declarations.add({"reclamation list",
                      "Lister les réclamations, par date",
                      "bilan reclamation list --ouvertes",
                      {{"--json", "Sortie JSON", &list->json},
                       {"--ouvertes", "Seulement celles qui ne sont pas closes", &list->open}},
                      [&context, list] {
                          std::vector<Complaint> all = ops::list_complaints(context.start_dir());
                          if (list->open)
                              std::erase_if(
                                  all, [](const Complaint& c) { return c.closed.has_value(); });
                          print_out(list->json ? complaints_json(all) : complaints_text(all));
                          return 0;
                      }});
}

} // namespace bilan::cli
