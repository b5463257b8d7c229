#include "problems.hpp"

#include "bilan/edof.hpp"
#include "bilan/evaluations.hpp"
#include "bilan/framework.hpp"
#include "bilan/funding.hpp"
#include "bilan/rules.hpp"
#include "bilan/typography.hpp"
#include "context.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <stdexcept>

namespace bilan::cli {
namespace {

// ---- remedies: an operation as a command line --------------------------------------------

// How an operation is typed: its words after "bilan", the arguments given bare (in the order
// the remedy lists them) or, for `set`, as NAME VALUE pairs; the others are options (--NAME
// VALUE). `placeholders` names what the user has to type when the remedy leaves it to them.
struct Placeholder {
    std::string_view argument;
    std::string_view shown;
};
struct OperationWords {
    std::string_view operation;
    std::string_view words;
    std::array<std::string_view, 2> positional{};
    bool pairs = false;  // `bilan set demand TEXTE`
    bool quoted = false; // positional values between double quotes (a recipient's name)
    std::array<Placeholder, 5> placeholders{};
    std::string_view flag{}; // an option without a value (`--blank`)
};

constexpr std::string_view any_evidence = "emargement|signature-electronique|journal-visio|autre";

constexpr std::array operations{
    OperationWords{"session.attest",
                   "session attest",
                   {"session"},
                   false,
                   false,
                   {{{"session", "ID"}, {"evidence", any_evidence}}}},
    OperationWords{"financing.set",
                   "financing set",
                   {},
                   false,
                   false,
                   {{{"reglement", "\"à réception de facture\""}}}},
    OperationWords{
        "session.tenue", "session tenue", {"session"}, false, false, {{{"session", "ID"}}}},
    OperationWords{"session.annule",
                   "session annule",
                   {"session"},
                   false,
                   false,
                   {{{"session", "ID"}, {"motif", "absence|report|annulation"}}}},
    OperationWords{"session.horaires",
                   "session horaires",
                   {"session"},
                   false,
                   false,
                   {{{"session", "ID"}, {"from", "HH:MM"}, {"to", "HH:MM"}}}},
    OperationWords{
        "convention.set", "convention set", {}, false, false, {{{"employer", "…"}, {"sent", "…"}}}},
    OperationWords{
        "bilan.set",
        "set",
        {},
        true,
        false,
        {{{"demand", "TEXTE"}, {"end", "DATE"}, {"counsellor", "NOM"}, {"handover", "DATE"}}}},
    OperationWords{"practice.set",
                   "practice set",
                   {},
                   true,
                   false,
                   {{{"qualiopi", "TEXTE"},
                     {"siret", "SIRET"},
                     {"nda", "NDA"},
                     {"signatory", "NOM"},
                     {"bce", "0123.456.749"}}}},
    OperationWords{"practice.init",
                   "practice init",
                   {"folder"},
                   false,
                   false,
                   {{{"folder", "DOSSIER"}, {"name", "NOM"}, {"siret", "SIRET"}, {"nda", "NDA"}}}},
    OperationWords{"skill.add", "skill add", {"text"}, false, false, {{{"text", "TEXTE"}}}},
    OperationWords{
        "piste.decide", "piste decide", {"piste", "decision"}, false, false, {{{"piste", "ID"}}}},
    OperationWords{"project.set", "project set", {}, false, false, {{{"title", "TEXTE"}}}},
    OperationWords{"action.add", "action add", {"text"}, false, false, {{{"text", "TEXTE"}}}},
    OperationWords{"evaluation.add",
                   "evaluation add",
                   {"kind"},
                   false,
                   false,
                   {{{"date", "DATE"}, {"satisfaction", "1-5"}}}},
    OperationWords{
        "message.rappel", "message rappel", {"session"}, false, false, {{{"session", "ID"}}}},
    OperationWords{"message.emargement",
                   "message emargement",
                   {"session"},
                   false,
                   false,
                   {{{"session", "ID"}}}},
    OperationWords{"purge", "purge"},
    OperationWords{"check", "check"},
    OperationWords{"render", "render"},
    OperationWords{"render.current", "render --actuel"},
    OperationWords{"init", "init", {"folder"}, false, false, {{{"folder", "DOSSIER"}}}},
    OperationWords{"session.add", "session add"},
    OperationWords{"consent.list", "consent list"},
    OperationWords{"skill.rm", "skill rm", {"skill"}, false, false, {{{"skill", "ID"}}}},
    OperationWords{"emargement", "emargement", {}, false, false, {}, "blank"},
    OperationWords{
        "consent.grant", "consent grant", {"recipient"}, false, true, {{{"date", "DATE"}}}},
    OperationWords{"edof.set",
                   "edof set",
                   {},
                   false,
                   false,
                   {{{"entry-declared", "DATE"}, {"exit-declared", "DATE"}}}},
};

const OperationWords& words_of(std::string_view operation) {
    for (const OperationWords& words : operations)
        if (words.operation == operation) return words;
    throw std::logic_error("opération sans commande : " + std::string(operation));
}

std::string argument_text(const OperationWords& words, const Argument& argument) {
    if (!argument.value) {
        for (const Placeholder& p : words.placeholders)
            if (p.argument == argument.name) return std::string(p.shown);
        return "…";
    }
    if (argument.value->empty()) return "\"\"";
    return *argument.value;
}

// ---- sentences ---------------------------------------------------------------------------

int number(const std::string& text) {
    return text.empty() ? 0 : std::stoi(text);
}

Date iso_date(const std::string& text) {
    Date date;
    std::sscanf(text.c_str(), "%d-%d-%d", &date.year, &date.month, &date.day);
    return date;
}

std::vector<std::string> split(const std::string& keys) {
    std::vector<std::string> out;
    for (std::size_t start = 0; start < keys.size();) {
        const std::size_t comma = std::min(keys.find(',', start), keys.size());
        out.push_back(keys.substr(start, comma - start));
        start = comma + 1;
    }
    return out;
}

// "le ou la salarié(e), l'employeur et le prestataire" from "employee,employer,provider".
std::string parties_text(const std::string& keys) {
    const std::vector<std::string> parties = split(keys);
    std::string text;
    for (std::size_t i = 0; i < parties.size(); ++i) {
        const std::string& p = parties[i];
        text += (i == 0                    ? ""
                 : i + 1 == parties.size() ? " et "
                                           : ", ") +
                std::string(p == "employee"   ? "le ou la salarié(e)"
                            : p == "employer" ? "l'employeur"
                                              : "le prestataire");
    }
    return text;
}

std::string kinds_text(const std::string& keys) {
    Framework framework;
    framework.floor_kinds = split(keys);
    return floor_kinds_text(framework);
}

// A value shown through its format: {name:hours} minutes as "2h30", {name:french} an ISO date
// as "2 mars 2026", {name:amount} cents as "103,20 €"…
std::string formatted(const std::string& text, std::string_view format) {
    if (format == "hours") return format_minutes(number(text));
    if (format == "french") return iso_date(text).french();
    if (format == "amount") return amount_text(std::stoll(text));
    if (format == "de") return typo::elided("de", text) + text; // "d'Amélie", "de Claire"
    if (format == "parties") return parties_text(text);
    if (format == "kinds") return kinds_text(text);
    if (format == "funding") return text.empty() ? "non renseigné" : "« " + text + " »";
    if (format == "document") return text == "sheet" ? "la feuille" : "le certificat";
    if (format == "skill-type") return text == "savoir-etre" ? "savoir-être" : text;
    if (format == "edof-label") return std::string(edof_rule(text).label);
    if (format == "evaluation-kind") return std::string(term_label(evaluation_kinds(), text));
    if (format == "to-come") // certificate.sessions-to-come
        return text == "1" ? "1 séance comptée est" : text + " séances comptées sont";
    if (format == "other-names") // purge.other-names
        return text == "1" ? "a un autre nom (lien physique)"
                           : "a " + text + " autres noms (liens physiques)";
    if (format == "naming")
        return text == "recipient"
                   ? "le destinataire tel que bilan le nomme (minuscules, chiffres, tirets), puis "
                     ".toml"
                   : "huit chiffres hexadécimaux en minuscules, puis .toml";
    throw std::logic_error("format inconnu : " + std::string(format));
}

// "3f9a0b12 du 2026-03-02, … …": the first sessions of a long list (session1, date1…).
std::string first_sessions(const Problem& p) {
    std::string text;
    for (int i = 1; !p.value("session" + std::to_string(i)).empty(); ++i)
        text += (i > 1 ? ", " : "") + p.value("session" + std::to_string(i)) + " du " +
                p.value("date" + std::to_string(i));
    return text + "…";
}

std::string shell_quoted(const std::string& word) {
    if (!word.empty() && word.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVW"
                                                "XYZ0123456789_./-+=:,@") == std::string::npos)
        return word;
    std::string quoted = "'";
    for (const char c : word)
        quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return quoted + "'";
}

// "ce dossier et 3 fichiers ou dossiers qu'il contient sont ouverts", or "2 fichiers ou
// dossiers (dont …) sont ouverts".
std::string open_entries(const Problem& p) {
    const int inside = number(p.value("inside"));
    const std::string entries =
        std::to_string(inside) + (inside == 1 ? " fichier ou dossier" : " fichiers ou dossiers");
    if (!p.value("root_open").empty())
        return inside == 0 ? "ce dossier est ouvert"
                           : "ce dossier et " + entries + " qu'il contient sont ouverts";
    return entries + " (dont " + p.value("first") + ") " +
           (inside == 1 ? "est ouvert" : "sont ouverts");
}

// What an answer of an evaluation should have been (evaluation.out-of-domain).
std::string expected_domain(const Problem& p) {
    const std::string& domain = p.value("domain");
    if (domain == "scale") return "un entier de " + p.value("low") + " à " + p.value("high");
    if (domain == "integer") return "un entier positif ou nul";
    if (domain == "choice") return p.value("choices");
    return "un texte";
}

// The tokens that are not a value: the remedy, the rule's source and its forms.
std::string special(const Problem& p, std::string_view token) {
    if (token == "remedy") return p.remedy ? remedy_text(*p.remedy) : std::string();
    if (token == "source") return p.source;
    if (token == "cited") // "(R6313-8 du Code du travail, à vérifier)"
        return "(" + p.source + (p.value("to_verify").empty() ? ")" : ", à vérifier)");
    if (token == "paren-source") return p.source.empty() ? "" : " (" + p.source + ")";
    if (token == "first-sessions") return first_sessions(p);
    if (token == "cited-skills") { // "a, b, c, …"
        std::string ids = p.value("skills");
        for (std::size_t comma = ids.find(','); comma != std::string::npos;
             comma = ids.find(',', comma + 2))
            ids.replace(comma, 1, ", ");
        return ids + (p.value("more").empty() ? "" : ", …");
    }
    if (token == "open-entries") return open_entries(p);
    if (token == "expected-domain") return expected_domain(p);
    if (token == "cause") return p.causes.empty() ? std::string() : problem_line(p.causes.front());
    if (token == "shell-dir") return shell_quoted(p.value("dir"));
    if (token == "edof-citation")
        return edof_rule_citation(edof_rule(p.value("rule")), iso_date(p.value("clock_start")),
                                  p.value("clock") == "abandon");
    throw std::logic_error("jeton inconnu : " + std::string(token));
}

// {name}, {name:format}, {name|shown when empty}, or a special token ({remedy}, {source}…).
std::string token_text(const Problem& p, std::string_view token) {
    const std::size_t bar = token.find('|');
    const std::size_t colon = token.find(':');
    const std::string name(token.substr(0, std::min(bar, colon)));
    const bool named = std::any_of(p.values.begin(), p.values.end(),
                                   [&](const NamedValue& v) { return v.name == name; });
    if (!named && bar == std::string_view::npos) return special(p, token);
    const std::string& text = p.value(name);
    if (bar != std::string_view::npos)
        return text.empty() ? std::string(token.substr(bar + 1)) : text;
    return colon == std::string_view::npos ? text : formatted(text, token.substr(colon + 1));
}

std::string filled(std::string_view pattern, const Problem& p) {
    std::string out;
    for (std::size_t i = 0; i < pattern.size();) {
        const std::size_t open = pattern.find('{', i);
        if (open == std::string_view::npos) {
            out += pattern.substr(i);
            break;
        }
        const std::size_t close = pattern.find('}', open);
        out += pattern.substr(i, open - i);
        out += token_text(p, pattern.substr(open + 1, close - open - 1));
        i = close + 1;
    }
    return out;
}

struct Sentence {
    std::string_view code;
    std::string_view pattern;
};

// Every problem and notice, by code: the sentence the command line says. Values are named in
// braces; see token_text for their forms.
constexpr std::array sentences{
    // the reading of the folder's files
    Sentence{"file.invalid", "{detail}"},
    Sentence{"folder.open-to-others",
             "{open-entries} à d'autres utilisateurs que vous : un bilan est confidentiel, "
             "corrigez avec « chmod -R go-rwx {shell-dir} »"},
    Sentence{"folder.editor-copy",
             "copie de {file} laissée par un éditeur ? ignorée : seul {file} est lu"},
    Sentence{"folder.misspelt-folder",
             "dossier inconnu de bilan, ignoré (vouliez-vous dire « {meant} » ?)"},
    Sentence{"folder.unknown-file", "fichier inconnu de bilan, ignoré (voir FILES dans man bilan)"},
    Sentence{"jurisdiction.french-only",
             "commande propre aux bilans français, sans objet pour un bilan belge (cadre be)"},
    Sentence{"folder.copy-of", "copie de {file} ? ignorée : seul {file} est lu"},
    Sentence{"folder.unknown-folder", "dossier inconnu de bilan, ignoré"},
    Sentence{"folder.not-a-record",
             "n'est pas un enregistrement (nom attendu : {naming:naming}), ignoré : une copie de "
             "conflit ? comparez-la, puis supprimez-la"},
    // hours and dates (the framework)
    Sentence{"framework.cap-above-law", "plafond du cadre ({cap:hours}) au-delà des {legal:hours} "
                                        "de l'article L6313-4 du Code du travail"},
    Sentence{"hours.over-cap",
             "plafond dépassé : {counted:hours} comptées dans le bilan pour {cap:hours} au plus"},
    Sentence{"hours.under-floor", "sous le plancher : {counted:hours} en {kinds:kinds} pour "
                                  "{floor:hours} au moins (reste {missing:hours})"},
    Sentence{"hours.under-floor-at-end",
             "bilan terminé sous le plancher : {counted:hours} en {kinds:kinds} pour "
             "{floor:hours} au moins (reste {missing:hours})"},
    Sentence{"hours.floor-not-in-force",
             "plancher de {floor:hours} pas encore en vigueur au début du bilan ({start}) : il "
             "vaut pour les bilans commencés à partir du {from} {cited}"},
    Sentence{"hours.few-sessions",
             "rendez-vous d'accompagnement : {sessions} pour {minimum} au moins"},
    Sentence{"hours.phase-over-target",
             "phase {phase} au-delà de sa cible : {done:hours} pour {target:hours}"},
    Sentence{"dates.session-outside",
             "séance {session} du {date} ({phase}) hors des dates du bilan (du {start|?} au "
             "{end|…})"},
    Sentence{"dates.over-8-weeks",
             "bilan étalé sur plus de 8 semaines (du {start|?} au {end|…}) : le dispositif "
             "prévoit 4 à 8 semaines, au plus {months} mois à la demande du travailleur"},
    Sentence{"dates.too-long", "bilan étalé sur plus de {months} mois (du {start|?} au {end|…})"},
    Sentence{"dates.end-before-start", "la fin du bilan ({end}) précède son début ({start})"},
    Sentence{"session.over-cap",
             "avec cette séance, le bilan compte {counted:hours} pour un plafond de {cap:hours}"},
    Sentence{"session.before-start", "séance du {date} avant le début du bilan ({start})"},
    Sentence{"session.after-end", "séance du {date} après la fin du bilan ({end})"},
    Sentence{"session.held-ahead",
             "la séance du {date} est dite tenue avant son jour : la date est-elle la bonne ?"},
    Sentence{"session.planned",
             "séance prévue le {date} : elle comptera une fois tenue ({remedy})"},
    Sentence{"session.cancel-with-evidence",
             "la séance du {date} ({session}) a une preuve de présence : elle a eu lieu, elle "
             "ne peut être annulée"},
    Sentence{"session.planned-past",
             "séance prévue le {date} ({session}) et toujours pas tenue : {remedy} si elle a eu "
             "lieu (--from et --to pour ses horaires), sinon bilan session annule {session} "
             "--motif absence|report|annulation"},
    Sentence{"message.no-email",
             "{beneficiary} n'a pas d'adresse e-mail : bilan set email ADRESSE, puis "
             "recommencez"},
    Sentence{"message.no-end",
             "le bilan n'a pas de fin : l'évaluation à froid se demande quelques mois après "
             "(bilan set end DATE)"},
    Sentence{"message.session-cancelled",
             "la séance du {date} ({session}) est annulée : ni convocation ni rappel"},
    Sentence{"attendance.email-not-a-message",
             "{file} : pas un message (.eml) : ni en-tête From ni Date"},
    Sentence{"attendance.email-without-code",
             "{file} ne cite pas le code {code} de la séance du {date} ({session}) : ce n'est pas "
             "la réponse à sa demande de confirmation"},
    Sentence{"attendance.email-own-draft",
             "{file} est le brouillon de bilan (X-Unsent), pas sa réponse : gardez le message "
             "qu'elle a renvoyé"},
    Sentence{"attendance.email-other-sender",
             "la réponse vient de {from}, pas de son adresse {value} : gardée, à vérifier"},
    Sentence{"attendance.email-already",
             "{file} : cette réponse est déjà une preuve de la séance du {date} ({session})"},
    Sentence{"message.session-not-held",
             "la séance du {date} ({session}) n'est pas tenue : sa présence se confirme une fois "
             "la séance faite (bilan session tenue {session})"},
    Sentence{"message.session-not-remote",
             "la séance du {date} ({session}) n'est pas à distance : sa présence se signe sur la "
             "feuille d'émargement (bilan emargement)"},
    Sentence{"session.now-remote",
             "séance du {date} désormais à distance : son lien de visioconférence le dit"},
    Sentence{"session.duration-changed",
             "durée de la séance : {before:hours} → {after:hours} (ses horaires la font)"},
    // proof of service
    Sentence{"attendance.no-evidence",
             "séance du {date} ({session}) sans preuve de présence : {remedy}"},
    Sentence{"attendance.remote-on-paper",
             "séance à distance du {date} ({session}) prouvée par une feuille d'émargement "
             "seule : {remedy} (ou journal-visio)"},
    Sentence{"attendance.no-evidence-many",
             "{count} séances passées sans preuve de présence ({first-sessions}) : pour chacune, "
             "{remedy}"},
    Sentence{"attendance.remote-on-paper-many",
             "{count} séances à distance prouvées par une feuille d'émargement seule "
             "({first-sessions}) : pour chacune, {remedy}"},
    Sentence{"attendance.no-times",
             "séance du {date} ({session}) sans horaires : la feuille d'émargement les laisse "
             "en blanc ; {remedy}"},
    Sentence{"attendance.no-times-many",
             "{count} séances avec le conseiller sans horaires ({first-sessions}) : la feuille "
             "d'émargement les laisse en blanc ; pour chacune, {remedy}"},
    Sentence{"attendance.cancelled",
             "la séance du {date} ({session}) est annulée : aucune preuve de présence ne s'y "
             "rattache (bilan session tenue {session} si elle a eu lieu)"},
    Sentence{"attendance.future", "la séance du {date} est à venir : une preuve de présence se "
                                  "recueille quand elle a eu lieu"},
    Sentence{"attendance.paper-for-remote",
             "séance à distance : une feuille d'émargement prouve une présence en salle ; ajoutez "
             "la signature électronique ou le journal de connexion ({remedy})"},
    Sentence{"evaluation.default-questions", "{cause} : questions par défaut"},
    Sentence{"evaluation.unknown-question",
             "question inconnue « {key} » pour l'évaluation {kind:evaluation-kind} (attendu "
             "{keys|aucune}) : réponse gardée telle quelle"},
    Sentence{"evaluation.out-of-domain", "« {key} » (évaluation {kind:evaluation-kind}) attend "
                                         "{expected-domain}, pas « {value} » : réponse gardée "
                                         "telle quelle"},
    Sentence{"evaluation.before-start", "évaluation datée du {date}, avant le début du bilan "
                                        "({start})"},
    Sentence{"evaluation.cold-before-end",
             "évaluation à froid datée du {date}, avant la fin du bilan ({end}) : elle se "
             "recueille au suivi, quelques mois après"},
    Sentence{"retention.beyond-limit-refused",
             "accord de conservation jusqu'au {until} : au-delà du {limit}, {years} ans après la "
             "fin ({source}) : rien n'a été enregistré"},
    Sentence{"retention.end-unknown", "la fin du bilan n'est pas renseignée : la durée permise se "
                                      "vérifiera quand elle le sera ({remedy})"},
    Sentence{"purge.in-git",
             "ce dossier est dans un dépôt git : son historique garde tout ce que purge détruit ; "
             "un dépôt par bilan : supprimez-le (ou réécrivez son historique, git filter-repo) "
             "avec ses copies distantes ; sinon gardez les bilans hors de git (voir README, "
             "« Destruction et git »)"},
    Sentence{"purge.link-kept",
             "{file} est un lien vers {points_to|un autre fichier} : purge détruit le lien, pas ce "
             "fichier, qui garde son contenu ; détruisez-le aussi s'il tient à ce bilan"},
    Sentence{"purge.other-names", "{file} {others:other-names} : son contenu y reste lisible ; "
                                  "trouvez-les (find / -samefile {file}) et détruisez-les aussi"},
    Sentence{"purge.documents-kept", "documents de travail conservés jusqu'au {until} (accord "
                                     "écrit) : relancez {remedy} après cette date"},
    // the documents: attendance sheet, certificate
    Sentence{"certificate.sessions-to-come",
             "{count:to-come} encore à venir (jusqu'au {last}) : le certificat les compte comme "
             "réalisées"},
    Sentence{"certificate.signed-before-last",
             "certificat daté du {date}, avant la dernière séance comptée ({last})"},
    Sentence{"document.no-practice-named",
             "aucun dossier de cabinet (practice.toml) : "
             "{document:document} ne nomme pas le cabinet ({remedy})"},
    Sentence{"document.no-practice", "aucun dossier de cabinet (practice.toml) : "
                                     "{document:document} ne porte ni SIRET ni NDA ({remedy})"},
    Sentence{"document.no-siret",
             "le cabinet n'a pas de SIRET : {document:document} n'en porte pas ({remedy})"},
    Sentence{"document.no-bce",
             "le cabinet n'a pas de numéro d'entreprise (BCE) : {document:document} n'en porte pas "
             "({remedy})"},
    Sentence{"document.no-nda", "le cabinet n'a pas de numéro de déclaration d'activité : "
                                "{document:document} n'en porte pas ({remedy})"},
    Sentence{"certificate.no-end",
             "la fin du bilan n'est pas renseignée ({remedy}) : le certificat s'arrête à la "
             "dernière séance comptée, du {last}"},
    Sentence{"certificate.under-floor",
             "sous le plancher : {counted:hours} en {kinds:kinds} pour {floor:hours} au "
             "moins{paren-source}"},
    Sentence{"certificate.no-signatory",
             "le cabinet n'a pas de signataire ({remedy}) : le certificat le laisse à remplir"},
    Sentence{"sheet.no-counsellor",
             "le conseiller n'est pas renseigné ({remedy}) : la feuille ne le nomme pas"},
    // the substance and the synthesis
    Sentence{"skill.experience-missing",
             "l'expérience « {experience} » n'existe pas (experiences/{experience}.toml)"},
    Sentence{"piste.demoted", "la piste {piste} passe de retenue à plan B"},
    Sentence{"piste.several-retained", "plusieurs pistes retenues : une seule peut l'être (les "
                                       "autres en plan B ou abandonnées)"},
    Sentence{"synthesis.no-demand",
             "synthèse incomplète : la demande initiale n'est pas renseignée ({remedy})"},
    Sentence{"synthesis.no-skill",
             "synthèse incomplète : aucun {type:skill-type} consigné ({remedy})"},
    Sentence{"synthesis.no-retained-piste",
             "synthèse incomplète : aucune piste retenue ({remedy})"},
    Sentence{"synthesis.no-project-title",
             "synthèse incomplète : le projet professionnel n'a pas d'intitulé ({remedy})"},
    Sentence{"synthesis.no-action",
             "synthèse incomplète : aucune action au plan d'action ({remedy})"},
    Sentence{"consent.name-taken",
             "consents/{taken}.toml est le consentement de « {owner} » : celui de « {recipient} "
             "» est écrit dans consents/{written}.toml"},
    Sentence{"consent.already-revoked", "le consentement pour « {recipient} » était déjà retiré"},
    Sentence{"consent.bad-section", "consentement pour « {recipient} » : {detail}"},
    // the end of the bilan, retention (R6313-7)
    Sentence{"followup.due-limit",
             "entretien de suivi à faire : au plus tard le {due:french} (aujourd'hui), aucune "
             "séance de suivi consignée ({source})"},
    Sentence{"followup.overdue-limit",
             "entretien de suivi en retard : au plus tard le {due:french}, aucune séance de "
             "suivi consignée ({source})"},
    Sentence{"followup.due", "entretien de suivi à faire : prévu vers le {due:french} "
                             "(aujourd'hui), aucune séance de suivi consignée ({source})"},
    Sentence{"followup.overdue",
             "entretien de suivi en retard : prévu vers le {due:french} (depuis le "
             "{due:french}), aucune séance de suivi consignée ({source})"},
    Sentence{"evaluation.chaud-missing",
             "bilan terminé le {end:french} sans évaluation à chaud ({source}) : {remedy}"},
    Sentence{"evaluation.froid-due",
             "évaluation à froid à faire : due le {due:french} (aujourd'hui, {source})"},
    Sentence{"evaluation.froid-overdue",
             "évaluation à froid en retard : due le {due:french} (depuis le {due:french}, "
             "{source})"},
    Sentence{"retention.beyond-limit", "accord de conservation jusqu'au {until} : au-delà du "
                                       "{limit}, {years} ans après la fin ({source})"},
    Sentence{"retention.destroy-due",
             "documents de travail à détruire depuis la fin du bilan ({ended}){paren-source} : "
             "{remedy}"},
    Sentence{"retention.destroy-due-after-agreement",
             "documents de travail à détruire depuis la fin de l'accord de conservation "
             "({until}){paren-source} : {remedy}"},
    Sentence{"retention.synthesis-kept-too-long",
             "synthèse conservée au-delà du {until}{paren-source} : {remedy} la détruit"},
    Sentence{"retention.synthesis-without-basis",
             "synthèse conservée sans accord écrit ni transmission à l'opérateur du CEP "
             "({source}) : {remedy} la détruit, ou bilan retention grant --scope synthese "
             "l'enregistre"},
    Sentence{"retention.agreed-after-end",
             "accord du {date}, après la fin du bilan ({ended}) : la destruction était due à la "
             "fin ({source}) ; enregistré quand même"},
    // the funding: convention, financing, the CPF file
    Sentence{"convention.missing",
             "financement « {funding} » sans convention tripartite ({source}) : {remedy}"},
    Sentence{"convention.signed-late",
             "convention signée par le ou la salarié(e) le {signed}, plus de {days} jours après "
             "son envoi le {sent} (limite {limit}) : elle est réputée refusée {cited}"},
    Sentence{"convention.unsigned-in-time",
             "convention envoyée le {sent} et pas signée par le ou la salarié(e) dans les {days} "
             "jours (limite {limit}) : elle est réputée refusée {cited}"},
    Sentence{"convention.signed-on-moved-limit",
             "convention signée par le ou la salarié(e) le {signed}, après la limite des {days} "
             "jours ({limit}, {day}) : R6313-8 ne dit pas si ce délai est reporté ; par "
             "analogie il le serait au {next} {cited} : le refus n'est pas acquis"},
    Sentence{"convention.unsigned-on-moved-limit",
             "convention envoyée le {sent}, pas encore signée par le ou la salarié(e) : la limite "
             "des {days} jours ({limit}) tombe {day} ; R6313-8 ne dit pas si elle est "
             "reportée ; par analogie elle le serait au {next} {cited}"},
    Sentence{"convention.session-before-signature",
             "séance du {date} avant la dernière signature de la convention ({signed}) : aucune "
             "séance avant que les trois parties aient signé ({source})"},
    Sentence{"convention.session-unsigned",
             "séance du {date} alors que la convention n'est pas signée par {parties:parties} "
             "({source})"},
    Sentence{"convention.no-payment-terms",
             "convention au prix de {price:amount} sans modalités de règlement : {remedy}"},
    Sentence{"financing.parts-not-price",
             "financement : les parts ({parts:amount}) ne font pas le prix ({price:amount})"},
    Sentence{"financing.cpf-over-ceiling",
             "financement : part CPF de {cpf:amount}, au-delà du plafond de {ceiling:amount} "
             "{cited}"},
    Sentence{"financing.participation-missing",
             "financement : la participation forfaitaire de {due:amount} {cited} est due par le "
             "ou la titulaire du CPF, or sa part est de {paid:amount} ; exonérations vérifiées : "
             "pas demandeur d'emploi, aucun abondement de l'employeur ni d'un OPCO (--part "
             "employeur=… ou opco=…) ; C2P ou accident du travail d'au moins 10 % : non "
             "enregistrés, à voir"},
    Sentence{"edof.declared-late", "{rule:edof-label} EDOF du {declared} en retard : due au plus "
                                   "tard le {due} ({edof-citation})"},
    Sentence{"edof.undeclared",
             "{rule:edof-label} EDOF non faite : due au plus tard le {due} ({edof-citation}) : "
             "{remedy}"},
    Sentence{"edof.entry-before-start",
             "{rule:edof-label} EDOF du {declared} antérieure à la première séance comptée "
             "({clock_start}) : l'entrée se déclare une fois le bilan commencé"},
    Sentence{"edof.exit-before-end",
             "{rule:edof-label} EDOF du {declared} antérieure à la dernière séance comptée "
             "({clock_start}) : la sortie se déclare une fois le bilan terminé"},
    Sentence{"edof.exit-before-abandonment",
             "{rule:edof-label} EDOF du {declared} antérieure à l'abandon ({clock_start}) : la "
             "sortie se déclare une fois l'abandon constaté"},
    Sentence{"edof.partial-without-reason", "service fait partiel sans motif (« reason » : "
                                            "abandon, absence, interruption ou force-majeure)"},
    Sentence{"edof.partial-without-minutes",
             "service fait partiel sans la durée non réalisée (« minutes_not_done »)"},
    Sentence{"edof.reason-without-partial", "motif ou durée non réalisée sans service fait "
                                            "partiel (« service_fait = \"partiel\" »)"},
    Sentence{"edof.framework-without-cpf",
             "dossier CPF (edof.toml) dans un bilan du cadre « {framework} », qui n'a pas de "
             "CPF : il n'est pas suivi"},
    Sentence{"edof.not-cpf-funded",
             "dossier CPF (edof.toml) alors que le bilan n'est pas financé par le CPF (funding "
             "{funding:funding}) : ses échéances ne sont pas suivies"},
    // controls across bilans (bilan controle, controls.hpp)
    Sentence{"controle.overlap",
             "{counsellor|conseiller non renseigné} : deux séances à la fois le {date}, de "
             "{from1} à {to1} ({folder1}, {session1}) et de {from2} à {to2} ({folder2}, "
             "{session2})"},
    Sentence{"controle.sunday", "séance du {date} ({session}) un dimanche"},
    Sentence{"controle.holiday", "séance du {date} ({session}) un jour férié : {holiday}"},
    Sentence{"controle.night",
             "séance du {date} ({session}) de {from} à {to} : de nuit (21 h à 6 h)"},
    Sentence{"controle.hours-convention",
             "accompagnement réalisé {realised:hours} (celui du certificat) pour "
             "{duration:hours} prévues par la convention"},
    Sentence{"controle.edof-total-abandoned",
             "service fait total déclaré dans EDOF pour un bilan abandonné le {abandoned} : "
             "partiel attendu"},
    Sentence{"controle.edof-total-short",
             "service fait total déclaré dans EDOF pour {realised:hours} d'accompagnement "
             "réalisé sur {duration:hours} prévues par la convention"},
    Sentence{
        "controle.edof-partial-hours",
        "service fait partiel déclaré dans EDOF : {not_done:hours} non réalisées sur "
        "{duration:hours}, soit {declared_minutes:hours}, pour {realised:hours} d'accompagnement "
        "réalisé"},
    Sentence{"controle.before-validation",
             "séance comptée du {date} ({session}) avant la validation du dossier CPF par son "
             "titulaire ({validated})"},
    Sentence{"controle.past-calendar",
             "bilan commencé le {start} toujours en cours au-delà de {months} mois (le {limit})"},
    Sentence{"controle.past-convention",
             "période de réalisation de la convention finie le {convention_end} ; fin du bilan : "
             "{end|toujours en cours}"},
    Sentence{"controle.outside-convention",
             "séance comptée du {date} ({session}) hors de la période de la convention (du "
             "{start|?} au {end|…})"},
    // refusals
    Sentence{"consent.none-to-revoke",
             "aucun consentement pour « {recipient} » (voir « {remedy} »)"},
    Sentence{"consent.none-to-share",
             "aucun consentement {beneficiary:de} pour « {recipient} » : rien n'est communiqué "
             "sans son accord ({remedy})"},
    Sentence{"convention.none-to-render", "aucune convention : {remedy} d'abord"},
    Sentence{"render.purged",
             "dossier purgé le {date} ({source}) : la version pour « {recipient} » ne peut plus "
             "être faite ; seule la synthèse remise est conservée ({remedy})"},
    Sentence{"render.synthesis-destroyed",
             "synthèse détruite le {date} ({source}, destruction.toml) : elle ne peut plus être "
             "imprimée"},
    Sentence{"handover.copy-missing",
             "la synthèse remise le {date|?} n'y est plus (bilan.toml en garde l'empreinte "
             "SHA-256) : rien n'est imprimé à sa place ; {remedy} donne celle d'aujourd'hui, "
             "bilan set handover DATE en garde une nouvelle copie"},
    Sentence{
        "handover.copy-altered",
        "modifiée depuis sa remise le {date|?} (son empreinte SHA-256 n'est plus celle "
        "de bilan.toml) : ce n'est plus le document remis, rien n'est imprimé ; {remedy} "
        "donne la synthèse d'aujourd'hui, bilan set handover DATE en garde une nouvelle copie"},
    Sentence{"handover.copy-without-hash",
             "copie de synthèse remise sans empreinte dans bilan.toml (handover_sha256) : rien "
             "n'assure qu'elle est le document remis ; {remedy} en garde une nouvelle, ou "
             "supprimez-la"},
    Sentence{"handover.purged",
             "dossier purgé le {date} ({source}) : la synthèse ne peut plus être refaite, la "
             "remise n'est pas modifiée ({remedy} donne celle conservée)"},
    Sentence{"certificate.no-counted-session",
             "aucune séance dans une phase comptée du bilan : pas de certificat de réalisation "
             "({remedy})"},
    Sentence{"funding.retired",
             "financement « {funding} » : le dispositif belge ne le prend plus en charge "
             "(fonds-social, employeur, personnel, autre) : {remedy}"},
    Sentence{"framework.funding-unknown",
             "le financement « {funding} » n'existe pas dans le cadre {framework} : effacez-le "
             "d'abord ({remedy}), puis donnez celui du nouveau cadre"},
    Sentence{"experience.cited-by-one",
             "l'expérience {experience} est la source de {count} compétence ({cited-skills}) : "
             "retirez son lien (clé experience de skills/ID.toml) ou supprimez-la d'abord "
             "({remedy})"},
    Sentence{"experience.cited-by-many",
             "l'expérience {experience} est la source de {count} compétences ({cited-skills}) : "
             "retirez leur lien (clé experience de skills/ID.toml) ou supprimez-les d'abord "
             "({remedy})"},
    Sentence{"purge.unclassified-files",
             "purge refusée : ces fichiers, que bilan ne sait pas classer, peuvent garder du "
             "contenu : {files} ; comparez-les, supprimez-les ou sortez-les du dossier, puis "
             "relancez {remedy} ; rien n'a été détruit"},
    Sentence{"purge.unclassified-left",
             "purge refusée : ni fiche de bilan ni document qu'il a rendu, ces fichiers "
             "peuvent garder du contenu : {files} ; sortez-les du dossier, ou détruisez-les "
             "avec eux : {remedy} --aussi FICHIER… (ou --tout) ; rien n'a été détruit"},
    Sentence{"consent.without-ref",
             "consentement pour « {recipient} » du {date} sans référence de l'accord écrit "
             "(où est-il gardé ?) : {remedy} --ref TEXTE"},
    Sentence{"purge.content-left",
             "purge faite le {date}, mais le dossier garde encore : {files} ({source}) : "
             "{remedy} les détruit (--aussi FICHIER… pour ce qu'il ne sait pas classer)"},
    Sentence{"purge.folder-read-only", "le dossier {dir} n'est pas modifiable : rien n'a été "
                                       "détruit (chmod u+w {dir} pour l'autoriser)"},
    Sentence{"purge.not-ended", "le bilan n'est pas terminé ({remedy}) ni abandonné (bilan set "
                                "abandoned DATE) : rien n'est détruit avant sa fin ({source})"},
    Sentence{"sheet.session-cancelled",
             "la séance du {date} ({session}) est annulée : pas de feuille à signer"},
    Sentence{"sheet.session-not-with-counsellor",
             "la séance {session} n'est pas une séance avec le conseiller (une enquête ou du "
             "travail personnel ne s'émargent pas)"},
    Sentence{"sheet.no-session",
             "aucune séance avec le conseiller à émarger (ni enquête ni travail personnel n'y "
             "figurent) ; pour une feuille à remplir à la main : {remedy}"},
    Sentence{
        "practice.named-folder-missing",
        "BILAN_PRACTICE : le dossier {named} n'existe pas (créez le cabinet avec « {remedy} »)"},
    Sentence{"practice.named-folder-empty",
             "BILAN_PRACTICE : aucun {file} dans {named} (créez-le avec « {remedy} »)"},
    Sentence{"practice.exists",
             "{file} existe déjà : rien n'a été modifié (« {remedy} CHAMP VALEUR » le modifie)"},
    Sentence{"bilan.none", "aucun bilan dans {dir} (pas de bilan.toml) : ouvrez-en un avec « "
                           "{remedy} »"},
    Sentence{"purge.unfinished", "purge inachevée ({file} : en-cours) : relancez {remedy} pour la "
                                 "finir ; rien n'a été modifié"},
    Sentence{"practice.none",
             "aucun cabinet pour {from} : ni BILAN_PRACTICE, ni practice.toml dans ce dossier ou "
             "au-dessus (créez-en un avec « {remedy} »)"},
    // what the store meets on the way (notify)
    Sentence{"handover.copy-replaced",
             "copie de la synthèse remise remplacée par la synthèse d'aujourd'hui, remise le "
             "{date:french}"},
    Sentence{"lock.temp-files-swept", "{count} fichier(s) temporaire(s) abandonné(s) supprimé(s)"},
    Sentence{"lock.taken-over", "verrou abandonné repris"},
    Sentence{"lock.taken-over-from", "verrou laissé par le processus {pid} (interrompu) : repris"},
    Sentence{"format.newer-ignored",
             "ce dossier est au format {format}, plus récent que cette version de bilan (format "
             "{current}) : ce qu'elle ne connaît pas est ignoré ; mettez bilan à jour"},
    // the practice
    Sentence{"practice.no-qualiopi",
             "{file} : pas de certification Qualiopi (« qualiopi »), exigée pour un bilan "
             "financé par « {funding} » (L6316-1) : {remedy}"},
};

} // namespace

std::string remedy_text(const Remedy& remedy) {
    const OperationWords& words = words_of(remedy.operation);
    std::string text = "bilan " + std::string(words.words);
    for (const Argument& argument : remedy.arguments) {
        const std::string value = argument_text(words, argument);
        const bool bare = std::find(words.positional.begin(), words.positional.end(),
                                    argument.name) != words.positional.end();
        if (argument.name == words.flag)
            text += " --" + argument.name;
        else if (words.pairs)
            text += " " + argument.name + " " + value;
        else if (bare)
            text += " " + (words.quoted ? "\"" + value + "\"" : value);
        else
            text += " --" + argument.name + " " + value;
    }
    return text;
}

std::string problem_text(const Problem& problem) {
    for (const Sentence& sentence : sentences)
        if (sentence.code == problem.code) return filled(sentence.pattern, problem);
    throw std::logic_error("problème sans phrase : " + problem.code);
}

std::string problem_line(const Problem& problem) {
    const std::string text = problem_text(problem);
    return single_line(problem.where ? format_located(*problem.where, text) : text);
}

std::vector<std::string_view> problem_codes() {
    std::vector<std::string_view> codes;
    for (const Sentence& sentence : sentences)
        codes.push_back(sentence.code);
    return codes;
}

std::vector<std::string_view> remedy_operations() {
    std::vector<std::string_view> names;
    for (const OperationWords& words : operations)
        names.push_back(words.operation);
    return names;
}

void say_notice(const Problem& notice) {
    print_note(problem_line(notice));
}

void print_notices(const std::vector<Problem>& notices, std::string_view prefix) {
    for (const Problem& notice : notices)
        print_note(std::string(prefix) + problem_line(notice));
}

} // namespace bilan::cli
