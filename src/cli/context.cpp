#include "context.hpp"

#include "problems.hpp"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <unistd.h>

namespace bilan::cli {

Date Context::today() const {
    if (const char* fixed = std::getenv("BILAN_TODAY"); fixed && *fixed) {
        try {
            return bilan::parse_date(fixed, Date{});
        } catch (const UsageError& e) {
            throw UsageError(std::string("BILAN_TODAY : ") + e.what());
        }
    }
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    return {local.tm_year + 1900, local.tm_mon + 1, local.tm_mday};
}

bool Context::color_stdout() const {
    const char* no_color = std::getenv("NO_COLOR");
    // NO_COLOR as no-color.org defines it: present and not empty.
    if (color == "never" || (no_color && *no_color)) return false;
    if (color == "always") return true;
    const char* term = std::getenv("TERM");
    return ::isatty(STDOUT_FILENO) && !(term && std::string_view(term) == "dumb");
}

void print_out(std::string_view text) {
    if (std::fwrite(text.data(), 1, text.size(), stdout) != text.size() || std::fflush(stdout) != 0)
        throw system_error("écriture impossible sur", "la sortie standard", errno);
}

void print_note(std::string_view raw) {
    const std::string text = single_line(raw); // a title it quotes drives no terminal
    std::fprintf(stderr, "bilan: %s\n", text.c_str());
}

void deliver(const std::string& output, std::string_view document,
             const std::vector<Problem>& notes) {
    if (output.empty() || output == "-")
        print_out(document);
    else
        store::write_document(output, document);
    print_notices(notes);
}

Option output_option(std::string& output) {
    return {"-o,--output",
            "Écrire dans ce fichier (atomiquement, mode 0600) plutôt que sur la sortie", &output};
}

} // namespace bilan::cli
