#include "bilan/provider_ids.hpp"

#include "bilan/errors.hpp"

namespace bilan {
namespace {

constexpr std::string_view la_poste_siren = "356000000";

// The digits of `text` once the separators people type between groups are dropped; empty when
// anything else is there.
std::string digits_of(std::string_view text) {
    std::string digits;
    for (const char c : text) {
        if (c >= '0' && c <= '9')
            digits += c;
        else if (c != ' ' && c != '.')
            return {};
    }
    return digits;
}

} // namespace

bool siret_check_passes(std::string_view digits) {
    if (digits.size() != 14) return false;
    int luhn = 0, plain = 0;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        const int digit = digits[digits.size() - 1 - i] - '0';
        const int doubled = i % 2 == 1 ? digit * 2 - (digit >= 5 ? 9 : 0) : digit;
        luhn += doubled;
        plain += digit;
    }
    if (digits.starts_with(la_poste_siren)) return luhn % 10 == 0 || plain % 5 == 0;
    return luhn % 10 == 0;
}

std::string parse_siret(std::string_view text) {
    const std::string digits = digits_of(text);
    if (digits.size() != 14)
        throw UsageError(
            "SIRET « " + std::string(text) +
            " » : 14 chiffres attendus (SIREN sur 9, NIC sur 5), ex. 999 123 456 00017");
    if (!siret_check_passes(digits))
        throw UsageError("SIRET « " + std::string(text) +
                         " » : la clé de contrôle ne correspond pas (une erreur de frappe ?)");
    return digits;
}

std::string parse_nda(std::string_view text) {
    const std::string digits = digits_of(text);
    if (digits.size() != 11)
        throw UsageError("NDA « " + std::string(text) +
                         " » : 11 chiffres attendus (numéro de déclaration d'activité), "
                         "ex. 11 75 12345 75");
    return digits;
}

bool bce_check_passes(std::string_view digits) {
    if (digits.size() != 10 || (digits[0] != '0' && digits[0] != '1')) return false;
    const long first_eight = std::stol(std::string(digits.substr(0, 8)));
    const int check = std::stoi(std::string(digits.substr(8)));
    return 97 - first_eight % 97 == check;
}

std::string parse_bce(std::string_view text) {
    const std::string digits = digits_of(text);
    if (digits.size() != 10)
        throw UsageError("numéro d'entreprise « " + std::string(text) +
                         " » : 10 chiffres attendus (BCE), ex. 0123.456.749");
    if (!bce_check_passes(digits))
        throw UsageError("numéro d'entreprise « " + std::string(text) +
                         " » : les deux derniers chiffres ne sont pas 97 moins le reste des huit "
                         "premiers par 97 (une erreur de frappe ?)");
    return digits.substr(0, 4) + "." + digits.substr(4, 3) + "." + digits.substr(7);
}

} // namespace bilan
