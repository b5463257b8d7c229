// Parses the command line, runs the chosen command, and maps every error to its exit status:
// the one place that does so (see include/bilan/errors.hpp).
#include "cli/context.hpp"

#include <CLI/CLI.hpp>
#include <array>
#include <cstdio>

namespace {

// The commands, in the order `bilan --help` lists them.
constexpr std::array<bilan::cli::Registration, 14> registrations{
    bilan::cli::register_init,    bilan::cli::register_set,    bilan::cli::register_session,
    bilan::cli::register_status,  bilan::cli::register_skill,  bilan::cli::register_experience,
    bilan::cli::register_trait,   bilan::cli::register_test,   bilan::cli::register_piste,
    bilan::cli::register_project, bilan::cli::register_action, bilan::cli::register_render,
    bilan::cli::register_consent, bilan::cli::register_check,
};

// CLI11 says "A subcommand is required" for a mistyped command: name it, and suggest the
// closest one.
std::string unknown_command_message(const CLI::App& app, int argc, char** argv) {
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg == "-C" || arg == "--dir" || arg == "--color") {
            ++i;
            continue;
        }
        if (arg.starts_with("-")) continue;
        std::string best;
        std::size_t best_score = 0;
        for (const CLI::App* sub : app.get_subcommands({})) {
            const std::string& name = sub->get_name();
            if (name == arg) return {};
            std::size_t common = 0;
            while (common < name.size() && common < arg.size() && name[common] == arg[common])
                ++common;
            if (common > best_score) best_score = common, best = name;
        }
        return "commande inconnue « " + std::string(arg) + " »" +
               (best_score >= 2 ? " : vouliez-vous dire « " + best + " » ?"
                                : " (voir « bilan --help »)");
    }
    return {};
}

int fail(bilan::ExitCode code, std::string_view message) {
    std::fprintf(stderr, "bilan: %.*s\n", static_cast<int>(message.size()), message.data());
    return static_cast<int>(code);
}

} // namespace

int main(int argc, char** argv) {
    using namespace bilan;
    CLI::App app{"bilan : conduire un bilan de compétences depuis le terminal.\n"
                 "Voir « man bilan » pour les fichiers, les valeurs et des exemples.",
                 "bilan"};
    cli::Context context;
    cli::Registry registry;
    app.set_version_flag("--version", std::string("bilan ") + BILAN_VERSION);
    app.add_option("-C,--dir", context.dir,
                   "Dossier du bénéficiaire (défaut : $BILAN_DIR, sinon .)")
        ->envname("BILAN_DIR");
    app.add_option("--color", context.color, "Couleur : auto, always ou never")
        ->check(CLI::IsMember({"auto", "always", "never"}));
    app.require_subcommand(1);
    app.fallthrough();
    for (const auto registration : registrations)
        registration(app, context, registry);

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        if (const std::string unknown = unknown_command_message(app, argc, argv); !unknown.empty())
            return fail(ExitCode::usage, unknown);
        return fail(ExitCode::usage, std::string(e.what()) + " (voir « bilan --help »)");
    }

    try {
        return registry.run();
    } catch (const Error& e) {
        return fail(e.code(), e.what());
    } catch (const std::exception& e) {
        return fail(ExitCode::environment, e.what());
    }
}
