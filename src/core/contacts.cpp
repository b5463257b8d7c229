#include "bilan/contacts.hpp"

#include "bilan/errors.hpp"

#include <algorithm>
#include <cctype>
#include <initializer_list>
#include <optional>

namespace bilan {
namespace {

[[noreturn]] void bad_email(std::string_view text, std::string_view why) {
    throw UsageError("adresse e-mail « " + std::string(text) + " » : " + std::string(why) +
                     " (attendu : nom@domaine.fr)");
}

bool email_byte(char c) {
    const auto u = static_cast<unsigned char>(c);
    if (u <= 0x20 || u >= 0x7f) return false; // spaces, controls, anything beyond ASCII
    return std::string_view("<>()[],;:\"\\").find(c) == std::string_view::npos;
}

// A domain's labels: letters, digits and dashes, none empty, none starting or ending with `-`.
bool dotted_domain(std::string_view domain) {
    if (domain.find('.') == std::string_view::npos) return false;
    std::size_t start = 0;
    while (start <= domain.size()) {
        const std::size_t dot = std::min(domain.find('.', start), domain.size());
        const std::string_view label = domain.substr(start, dot - start);
        if (label.empty() || label.front() == '-' || label.back() == '-') return false;
        for (const char c : label)
            if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-')) return false;
        start = dot + 1;
    }
    return true;
}

[[noreturn]] void bad_phone(std::string_view text) {
    throw UsageError("téléphone « " + std::string(text) +
                     " » : attendu un numéro français ou belge (06 12 34 56 78, +33 6 12 34 56 "
                     "78, +32 470 12 34 56)");
}

// `digits` cut into groups of the given sizes, space-separated.
std::string grouped(std::string_view digits, std::initializer_list<std::size_t> sizes) {
    std::string out;
    std::size_t at = 0;
    for (const std::size_t size : sizes) {
        if (!out.empty()) out += ' ';
        out += digits.substr(at, size);
        at += size;
    }
    return out;
}

// The subscriber's digits after the country code (no leading 0), as each country groups them.
std::optional<std::string> international(std::string_view digits, PhoneCountry country) {
    if (digits.empty() || digits.front() == '0') return std::nullopt;
    if (country == PhoneCountry::france)
        return digits.size() == 9 ? std::optional("+33 " + grouped(digits, {1, 2, 2, 2, 2}))
                                  : std::nullopt;
    if (digits.size() == 9 && digits.front() == '4') // a mobile: 470 12 34 56
        return "+32 " + grouped(digits, {3, 2, 2, 2});
    if (digits.size() != 8) return std::nullopt;
    // Brussels, Antwerp, Liège and Ghent have one-digit zones; the others two.
    if (std::string_view("2349").find(digits.front()) != std::string_view::npos)
        return "+32 " + grouped(digits, {1, 3, 2, 2});
    return "+32 " + grouped(digits, {2, 2, 2, 2});
}

} // namespace

std::string parse_email(std::string_view text) {
    for (const char c : text)
        if (!email_byte(c) && c != '@')
            bad_email(text, "espace, caractère de contrôle ou signe non accepté");
    const std::size_t at = text.find('@');
    if (at == std::string_view::npos || text.find('@', at + 1) != std::string_view::npos)
        bad_email(text, "il faut exactement un « @ »");
    const std::string_view local = text.substr(0, at);
    if (local.empty() || local.front() == '.' || local.back() == '.' ||
        local.find("..") != std::string_view::npos)
        bad_email(text, "nom avant « @ » invalide");
    if (!dotted_domain(text.substr(at + 1))) bad_email(text, "domaine invalide");
    return std::string(text);
}

std::string parse_link(std::string_view text) {
    const auto bad = [&](std::string_view why) {
        throw UsageError("lien « " + std::string(text) + " » : " + std::string(why) +
                         " (attendu : https://visio.exemple.fr/salle)");
    };
    const std::size_t scheme = text.starts_with("https://")  ? 8
                               : text.starts_with("http://") ? 7
                                                             : 0;
    if (scheme == 0) bad("il commence par https:// ou http://");
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (u <= 0x20 || u >= 0x7f ||
            std::string_view("\"<>\\^`{|}").find(c) != std::string_view::npos)
            bad("espace, caractère de contrôle ou signe non accepté");
    }
    const std::string_view host = text.substr(scheme, text.find_first_of("/?#", scheme) - scheme);
    if (host.empty()) bad("il manque le nom du serveur");
    return std::string(text);
}

std::string parse_phone(std::string_view text, PhoneCountry national) {
    std::string compact; // digits, and a leading `+`
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c >= '0' && c <= '9')
            compact += c;
        else if (c == '+' && compact.empty())
            compact += c;
        else if (c == '(' && text.substr(i, 3) == "(0)" && compact.size() == 3 &&
                 compact.front() == '+')
            i += 2; // +33 (0)6…: the national 0 shown beside the country code
        else if (c != ' ' && c != '.' && c != '-')
            bad_phone(text);
    }
    if (compact.starts_with("00")) compact = "+" + compact.substr(2);
    std::optional<std::string> normalised;
    if (compact.starts_with("+33"))
        normalised = international(std::string_view(compact).substr(3), PhoneCountry::france);
    else if (compact.starts_with("+32"))
        normalised = international(std::string_view(compact).substr(3), PhoneCountry::belgium);
    else if (compact.starts_with("0"))
        normalised = international(std::string_view(compact).substr(1), national);
    if (!normalised) bad_phone(text);
    return *normalised;
}

} // namespace bilan
