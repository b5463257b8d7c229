#include "context.hpp"

#include "problems.hpp"
#include "records.hpp"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
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

Option format_option(DocumentOutput& output) {
    return {"--format",
            "md (Markdown, par défaut), html (page à imprimer) ou pdf (par weasyprint) ; sans "
            "--format, l'extension du fichier de -o choisit",
            &output.format,
            false,
            &output.format_given,
            [] {
                return std::vector<std::string>{"md", "html", "pdf"};
            }};
}

DocumentFormat document_format(const DocumentOutput& output) {
    std::string name = output.format;
    if (!output.format_given) {
        name = ascii_lower(std::filesystem::path(output.file).extension().string());
        if (!name.empty()) name.erase(0, 1); // the dot
    }
    if (name == "html") return DocumentFormat::html;
    if (name == "pdf") return DocumentFormat::pdf;
    if (name == "md" || !output.format_given) return DocumentFormat::markdown;
    throw UsageError("--format « " + output.format + " » : attendu md, html ou pdf");
}

void deliver(const DocumentOutput& output, DocumentFormat format, std::string_view markdown,
             const html::Layout& layout, const std::vector<Problem>& notes) {
    switch (format) {
    case DocumentFormat::markdown:
        deliver(output.file, markdown, notes);
        return;
    case DocumentFormat::html:
        deliver(output.file, html::page(markdown, layout), notes);
        return;
    case DocumentFormat::pdf:
        // Refused targets are refused before weasyprint runs: nothing is typeset in vain.
        if (!output.file.empty() && output.file != "-") store::refuse_kept_file_target(output.file);
        deliver(output.file, store::typeset_pdf(html::page(markdown, layout)), notes);
        return;
    }
}

} // namespace bilan::cli
