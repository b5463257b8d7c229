#include "bilan/typography.hpp"

#include "bilan/markdown.hpp"

#include <algorithm>

namespace bilan::typo {
namespace {

std::string two_digits(int n) {
    return (n < 10 ? "0" : "") + std::to_string(n);
}

bool high_punctuation(char c) {
    return c == ':' || c == ';' || c == '!' || c == '?';
}

// A lower-case word: ASCII lower-case letters, an apostrophe or a hyphen, and any non-ASCII
// byte (an accented letter), up to the first space.
bool plain_lower_word(std::string_view text) {
    const std::string_view word = text.substr(0, text.find(' '));
    return !word.empty() && std::all_of(word.begin(), word.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || c == '\'' || c == '-' ||
               static_cast<unsigned char>(c) >= 0x80;
    });
}

} // namespace

namespace {

// Whether `text` begins with a vowel (accented or not, either case), "y" or "h".
bool elides_before(std::string_view text) {
    if (text.empty()) return false;
    if (std::string_view("aeiouyhAEIOUYH").find(text[0]) != std::string_view::npos) return true;
    // The accented vowels and ligatures of French names, as UTF-8.
    for (const std::string_view letter :
         {"à", "â", "ä", "é", "è", "ê", "ë", "î", "ï", "ô", "ö", "ù", "û", "ü", "ÿ", "æ", "œ",
          "À", "Â", "Ä", "É", "È", "Ê", "Ë", "Î", "Ï", "Ô", "Ö", "Ù", "Û", "Ü", "Ÿ", "Æ", "Œ"})
        if (text.starts_with(letter)) return true;
    return false;
}

} // namespace

std::string elided(std::string_view word, std::string_view next) {
    if (word.empty() || !elides_before(next)) return std::string(word) + " ";
    return std::string(word.substr(0, word.size() - 1)) + "'";
}

std::string heading_case(std::string_view text) {
    return plain_lower_word(text) ? md::capitalized(text) : std::string(text);
}

std::string hours(int minutes) {
    const std::string sign = minutes < 0 ? "-" : "";
    const int total = minutes < 0 ? -minutes : minutes;
    if (total > 0 && total < 60) return sign + std::to_string(total) + std::string(nbsp) + "min";
    const int h = total / 60, m = total % 60;
    return sign + std::to_string(h) + std::string(nbsp) + "h" +
           (m ? std::string(nbsp) + two_digits(m) : "");
}

std::string time_of_day(int hour, int minute) {
    return std::to_string(hour) + std::string(nbsp) + "h" + std::string(nbsp) + two_digits(minute);
}

std::string with_aside(std::string_view label, std::string_view aside) {
    if (label.ends_with(')'))
        return std::string(label.substr(0, label.size() - 1)) + ", " + std::string(aside) + ")";
    return std::string(label) + " (" + std::string(aside) + ")";
}

std::string document(std::string_view markdown) {
    static constexpr std::string_view open_quote = "«", close_quote = "»";
    std::string out;
    out.reserve(markdown.size() + markdown.size() / 32);
    for (std::size_t i = 0; i < markdown.size(); ++i) {
        const char c = markdown[i];
        if (c == ' ' && i > 0 && markdown[i - 1] != '\n' && markdown[i - 1] != ' ') {
            // A space before high punctuation, itself maybe escaped (\! \? in a person's text),
            // followed by a space or the end of a line: "Objectif : …", never "http: //" nor
            // a definition list's ": " at the start of a line.
            std::size_t next = i + 1;
            if (next < markdown.size() && markdown[next] == '\\') ++next;
            const bool before_punctuation =
                next < markdown.size() && high_punctuation(markdown[next]) &&
                (next + 1 == markdown.size() || markdown[next + 1] == ' ' ||
                 markdown[next + 1] == '\n' || markdown.substr(next + 1).starts_with("\\\n") ||
                 markdown[next + 1] == '*' || markdown[next + 1] == '\'' ||
                 high_punctuation(markdown[next + 1]));
            const bool inside_quotes = markdown.substr(i + 1).starts_with(close_quote) ||
                                       std::string_view(out).ends_with(open_quote);
            if (before_punctuation || inside_quotes) {
                out += nbsp;
                continue;
            }
        }
        out += c;
    }
    return out;
}

} // namespace bilan::typo
