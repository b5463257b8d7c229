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

} // namespace bilan
