// The practice around a bilan: the provider's identity, kept once in a practice folder's
// practice.toml and shared by the bilans below it. Administrative data: it appears on the proof
// of service (attendance sheet, certificat de réalisation), never in a third party's version of
// the synthesis beyond what the synthesis already says.
#pragma once

#include "bilan/errors.hpp"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace bilan {

// practice.toml. Optional text fields are empty when absent.
struct Practice {
    std::string name;     // raison sociale
    std::string siret;    // 14 digits, Luhn (provider_ids.hpp)
    std::string bce;      // a Belgian provider's enterprise number, 0123.456.749 (parse_bce)
    std::string nda;      // numéro de déclaration d'activité, 11 digits
    std::string qualiopi; // the certificate's reference, as the provider writes it
    std::string address;
    std::string city;
    std::string signatory; // who signs the certificate for the provider
    // How beneficiaries reach the practice (contacts.hpp): the e-mail drafts' sender and
    // signature (`message`); a national telephone number is French (+32 for a Belgian one).
    std::string email;
    std::string telephone;
    // [messages]: the practice's own texts for `bilan message` (messages.hpp), by key
    // ("convocation", "convocation-objet", "rappel"…), in the order written; absent: the
    // built-in ones.
    std::vector<std::pair<std::string, std::string>> message_templates;
    // [questions] chaud = [...], froid = [...]: the practice's own question sets for the
    // evaluations ("attentes=1-5", evaluations.hpp); absent: the default sets.
    std::optional<std::vector<std::string>> questions_chaud;
    std::optional<std::vector<std::string>> questions_froid;
    // The public holidays its deadlines in business days skip: "metropole" (when empty) or
    // "alsace-moselle" (calendar.hpp).
    std::string holidays;
    // The counsellors who are not the provider's own staff (sub-contractors: the BPF's frame E),
    // as bilan.toml's `counsellor` names them, separated by ";".
    std::string external;
    SourcePos origin;

    bool is_external(std::string_view counsellor) const;
};

// A person's name as bilan compares names: accents and case folded, spaces trimmed, so that
// "Marc Petit" and " marc petit" are one person (the BPF's frame E counts people).
std::string person_key(std::string_view name);

} // namespace bilan
