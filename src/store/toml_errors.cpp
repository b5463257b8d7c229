#include "toml_errors.hpp"

#include <array>
#include <optional>
#include <regex>
#include <span>
#include <utility>

namespace bilan::store {
namespace {

using Pair = std::pair<std::string_view, std::string_view>;

// toml++ 3's parse scopes ("Error while parsing SCOPE: ...").
constexpr std::array<Pair, 16> scopes{{
    {"root table", "fichier"},
    {"key-value pair", "ligne clé = valeur"},
    {"key", "clé"},
    {"value", "valeur"},
    {"table header", "en-tête de section"},
    {"string", "texte"},
    {"literal string", "texte"},
    {"comment", "commentaire"},
    {"boolean", "booléen"},
    {"decimal integer", "nombre entier"},
    {"floating-point", "nombre décimal"},
    {"date", "date"},
    {"time", "heure"},
    {"date-time", "date et heure"},
    {"array", "tableau"},
    {"inline table", "table en ligne"},
}};

// What toml++ expected ("expected WHAT, saw ...").
constexpr std::array<Pair, 18> expectations{{
    {"keys, tables, whitespace or comments", "une clé, une [section] ou un commentaire"},
    {"bare key starting character or string delimiter", "une clé"},
    {"a comment or whitespace", "un commentaire ou la fin de la ligne"},
    {"value", "une valeur"},
    {"value-terminator", "la fin de la valeur"},
    {"'='", "« = »"},
    {"':'", "« : »"},
    {"'-'", "« - »"},
    {"']'", "« ] »"},
    {"digit", "un chiffre"},
    {"decimal digit", "un chiffre"},
    {"4-digit year", "une année à quatre chiffres"},
    {"2-digit month", "un mois à deux chiffres"},
    {"2-digit day", "un jour à deux chiffres"},
    {"2-digit hour", "une heure à deux chiffres"},
    {"2-digit minute", "des minutes à deux chiffres"},
    {"2-digit second", "des secondes à deux chiffres"},
    {"space, 'T' or 't'", "« T » ou une espace"},
}};

constexpr std::array<Pair, 5> reasons{{
    {"could not determine value type", "valeur illisible (un texte s'écrit entre guillemets)"},
    {"encountered end-of-file", "fin du fichier inattendue"},
    {"unescaped control characters other than TAB (U+0009) are explicitly prohibited",
     "caractère de contrôle dans un texte (guillemet fermant oublié ?)"},
    {"leading zeroes are prohibited", "zéro en tête interdit"},
    {"tables with blank bare keys are explicitly prohibited", "en-tête de section sans nom"},
}};

std::optional<std::string_view> lookup(std::span<const Pair> table, std::string_view english) {
    for (const auto& [en, fr] : table)
        if (en == english) return fr;
    return std::nullopt;
}

std::string what_was_seen(std::string_view seen) {
    if (seen == "\\n" || seen == "\\r") return "la fin de la ligne";
    return "« " + std::string(seen) + " »";
}

std::optional<std::string> french_reason(const std::string& reason) {
    if (const auto fr = lookup(reasons, reason)) return std::string(*fr);
    static const std::regex expected_saw(R"(expected (.+), saw '(.*)')");
    static const std::regex out_of_range(
        R"(expected (month|day|hour|minute|second) between (\d+) (?:and|to) (\d+).*, saw (\d+))");
    static const std::regex redefined(R"(cannot redefine existing [a-z-]+ '([^']*)')");
    std::smatch m;
    if (std::regex_match(reason, m, expected_saw))
        if (const auto fr = lookup(expectations, m.str(1)))
            return std::string(*fr) + " attendu, trouvé " + what_was_seen(m.str(2));
    if (std::regex_match(reason, m, out_of_range)) {
        static constexpr std::array<Pair, 5> units{{{"month", "mois"},
                                                    {"day", "jour"},
                                                    {"hour", "heure"},
                                                    {"minute", "minute"},
                                                    {"second", "seconde"}}};
        return std::string(*lookup(units, m.str(1))) + " entre " + m.str(2) + " et " + m.str(3) +
               " attendu, trouvé " + m.str(4);
    }
    if (std::regex_match(reason, m, redefined)) return "« " + m.str(1) + " » est déjà définie";
    return std::nullopt;
}

struct Line {
    std::string_view text;
    int number = 1;
};

Line line_at(std::string_view text, std::size_t number) {
    std::size_t begin = 0;
    for (std::size_t n = 1; n < number; ++n) {
        const auto newline = text.find('\n', begin);
        if (newline == std::string_view::npos) return {{}, static_cast<int>(number)};
        begin = newline + 1;
    }
    const auto end = text.find('\n', begin);
    std::string_view line = text.substr(begin, end == std::string_view::npos ? end : end - begin);
    if (line.ends_with('\r')) line.remove_suffix(1);
    return {line, static_cast<int>(number)};
}

bool is_conflict_marker(std::string_view line) {
    for (const std::string_view marker : {"<<<<<<<", "=======", ">>>>>>>"})
        if (line.starts_with(marker) && (line.size() == marker.size() ||
                                         line[marker.size()] == ' ' || line[marker.size()] == '\r'))
            return true;
    return false;
}

// The first line a `git merge` or `git stash pop` left as a conflict marker: when the file
// does not parse, that is the cause, wherever toml++ tripped.
std::optional<int> conflict_marker_line(std::string_view text) {
    int number = 1;
    for (std::size_t begin = 0; begin <= text.size(); ++number) {
        const auto end = text.find('\n', begin);
        if (is_conflict_marker(
                text.substr(begin, end == std::string_view::npos ? end : end - begin)))
            return number;
        if (end == std::string_view::npos) break;
        begin = end + 1;
    }
    return std::nullopt;
}

int column_of(std::string_view line, std::size_t offset) {
    int column = 1;
    for (std::size_t k = 0; k < offset && k < line.size(); ++k)
        if ((static_cast<unsigned char>(line[k]) & 0xc0) != 0x80) ++column;
    return column;
}

std::string two_digits(const std::string& n) {
    return n.size() == 1 ? "0" + n : n;
}

struct Hint {
    std::size_t offset; // of the value in its line
    std::string text;
};

// The usual slips of a hand edit, told by the line itself: `from = 14:00` (TOML times have
// seconds), `start = 2/3/2026` (TOML dates are ISO), `phase = investigation` (no quotes).
std::optional<Hint> hint_for(std::string_view line) {
    static const std::regex time(R"(\s*([A-Za-z0-9_-]+)\s*=\s*((\d{1,2})[:h](\d{2}))\s*(#.*)?)");
    static const std::regex date(
        R"(\s*([A-Za-z0-9_-]+)\s*=\s*((\d{1,2})[/.-](\d{1,2})[/.-](\d{4}))\s*(#.*)?)");
    static const std::regex bare(R"(\s*([A-Za-z0-9_-]+)\s*=\s*([A-Za-z][^"'#]*?)\s*(#.*)?)");
    const std::string s(line);
    std::smatch m;
    if (std::regex_match(s, m, time)) {
        const std::string hhmm = two_digits(m.str(3)) + ":" + m.str(4);
        return Hint{static_cast<std::size_t>(m.position(2)), "heure sans guillemets ; écrivez " +
                                                                 m.str(1) + " = \"" + hhmm +
                                                                 "\" ou " + hhmm + ":00"};
    }
    if (std::regex_match(s, m, date))
        return Hint{static_cast<std::size_t>(m.position(2)),
                    "date à écrire AAAA-MM-JJ ; écrivez " + m.str(1) + " = " + m.str(5) + "-" +
                        two_digits(m.str(4)) + "-" + two_digits(m.str(3))};
    if (std::regex_match(s, m, bare) && m.str(2) != "true" && m.str(2) != "false")
        return Hint{static_cast<std::size_t>(m.position(2)),
                    "texte sans guillemets ; écrivez " + m.str(1) + " = \"" + m.str(2) + "\""};
    return std::nullopt;
}

} // namespace

std::string french_toml_description(std::string_view description) {
    static const std::regex scoped(R"(Error while parsing ([a-z -]+): (.*))");
    const std::string original(description);
    std::smatch m;
    if (!std::regex_match(original, m, scoped)) return original;
    const auto scope = lookup(scopes, m.str(1));
    const auto reason = french_reason(m.str(2));
    if (!scope || !reason) return original;
    return std::string(*scope) + " : " + *reason;
}

DataError toml_syntax_error(std::string_view text, const toml::parse_error& error,
                            const std::string& display_path) {
    const std::string prefix = "TOML invalide : ";
    if (const auto marker = conflict_marker_line(text))
        return DataError({display_path, *marker, 1},
                         prefix + "conflit git non résolu (« " +
                             std::string(line_at(text, static_cast<std::size_t>(*marker)).text) +
                             " ») ; gardez la bonne version et retirez les lignes <<<<<<<, "
                             "======= et >>>>>>>");
    const auto& begin = error.source().begin;
    const Line line = line_at(text, begin.line);
    if (const auto hint = hint_for(line.text))
        return DataError({display_path, line.number, column_of(line.text, hint->offset)},
                         prefix + hint->text);
    return DataError({display_path, static_cast<int>(begin.line), static_cast<int>(begin.column)},
                     prefix + french_toml_description(error.description()));
}

} // namespace bilan::store
