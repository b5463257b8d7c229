// Parses the command line, runs the chosen command, and maps every error to its exit status:
// the one place that does so (see include/bilan/errors.hpp).
#include "cli/context.hpp"

#include <CLI/CLI.hpp>
#include <array>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <unistd.h>

namespace {

// The commands, in the order `bilan --help` lists them, each with the name it declares.
struct Command {
    std::string_view name;
    bilan::cli::Registration registration;
};
constexpr std::array<Command, 14> commands{{
    {"init", bilan::cli::register_init},
    {"set", bilan::cli::register_set},
    {"session", bilan::cli::register_session},
    {"status", bilan::cli::register_status},
    {"skill", bilan::cli::register_skill},
    {"experience", bilan::cli::register_experience},
    {"trait", bilan::cli::register_trait},
    {"test", bilan::cli::register_test},
    {"piste", bilan::cli::register_piste},
    {"project", bilan::cli::register_project},
    {"action", bilan::cli::register_action},
    {"render", bilan::cli::register_render},
    {"consent", bilan::cli::register_consent},
    {"check", bilan::cli::register_check},
}};

// The top-level options that take the next argument as their value (declared in main()).
bool takes_value(std::string_view arg) {
    return arg == "-C" || arg == "--dir" || arg == "--color";
}

// The command the line names, so that only it is declared to CLI11: declaring all fourteen with
// their options is a tenth of a typical `render`, run after run in a script. Null, and all
// are declared, when there is none, or for help and version, whose output lists them all.
const Command* named_command(int argc, char** argv) {
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (takes_value(arg)) {
            ++i;
            continue;
        }
        if (arg == "-h" || arg.starts_with("--help") || arg == "--version") return nullptr;
        if (arg.starts_with("-")) continue;
        for (const Command& command : commands)
            if (command.name == arg) return &command;
        return nullptr;
    }
    return nullptr;
}

// The subcommand of `app` closest to `typed` (longest common prefix of 2 or more), or "".
std::string closest_subcommand(const CLI::App& app, std::string_view typed) {
    std::string best;
    std::size_t best_score = 0;
    for (const CLI::App* sub : app.get_subcommands({})) {
        const std::string& name = sub->get_name();
        std::size_t common = 0;
        while (common < name.size() && common < typed.size() && name[common] == typed[common])
            ++common;
        if (common > best_score) best_score = common, best = name;
    }
    return best_score >= 2 ? best : std::string();
}

// CLI11 says "A subcommand is required" for a mistyped command or subcommand (`bilan sesion`,
// `bilan session ad`): name it, and suggest the closest one.
std::string unknown_command_message(const CLI::App& app, int argc, char** argv,
                                    std::string_view error) {
    const CLI::App* current = &app;
    std::string path = "bilan";
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (takes_value(arg)) {
            ++i;
            continue;
        }
        if (arg.starts_with("-")) continue;
        if (current->get_subcommands({}).empty()) return {}; // a leaf's positional argument
        const auto subs = current->get_subcommands(
            [&](const CLI::App* sub) { return sub->check_name(std::string(arg)); });
        if (!subs.empty()) {
            current = subs.front();
            path += " " + current->get_name();
            continue;
        }
        const std::string best = closest_subcommand(*current, arg);
        return (current == &app ? "commande inconnue « " : "sous-commande inconnue « ") +
               std::string(arg) + " »" +
               (best.empty() ? " (voir « " + path + " --help »)"
                             : " : vouliez-vous dire « " + best + " » ?");
    }
    if (current->get_subcommands({}).empty() || error.find("subcommand") == std::string::npos)
        return {};
    std::string names;
    for (const CLI::App* sub : current->get_subcommands({}))
        names += (names.empty() ? "" : ", ") + sub->get_name();
    return "il manque la commande après « " + path + " » : " + names;
}

// CLI11 speaks English and the counsellor reads French: its usual parse errors, translated;
// any other is shown as CLI11 words it.
std::string french_parse_error(const std::string& message) {
    const auto after = [&](std::string_view prefix) { return message.substr(prefix.size()); };
    constexpr std::string_view one_extra = "The following argument was not expected: ";
    constexpr std::string_view extras = "The following arguments were not expected: ";
    if (message.starts_with(one_extra)) return "argument inattendu : " + after(one_extra);
    if (message.starts_with(extras)) return "arguments inattendus : " + after(extras);
    const std::size_t colon = message.find(": ");
    if (message.ends_with(" is required"))
        return "option obligatoire : " + message.substr(0, message.size() - 12);
    if (message.ends_with(" missing") && colon != std::string::npos)
        return "valeur manquante après " + message.substr(0, colon);
    if (const std::size_t set = message.find(" not in {"); set != std::string::npos && colon < set)
        return message.substr(0, colon) + " : « " + message.substr(colon + 2, set - colon - 2) +
               " » n'est pas l'une des valeurs " + message.substr(set + 8);
    if (const std::size_t excludes = message.find(" excludes "); excludes != std::string::npos)
        return message.substr(0, excludes) + " et " + message.substr(excludes + 10) + " s'excluent";
    return message;
}

// Before anything opens a file: a standard stream left closed (`>&-`) would otherwise be the
// number the next open gets, and the lock or a record would receive what is meant for the
// terminal. A closed stream becomes /dev/null opened the wrong way round, so that writing to
// it (or reading from it) fails as writing to a closed stream does: an id that cannot be
// printed is rolled back. SIGPIPE and SIGXFSZ are ignored: a closed pipe (EPIPE) and a file
// size limit (EFBIG) are then write failures like a full disk, which remove what they began
// and release the lock, instead of killing the process in the middle of a write.
void prepare_process() {
    for (int fd = STDIN_FILENO; fd <= STDERR_FILENO; ++fd) {
        if (::fcntl(fd, F_GETFD) != -1 || errno != EBADF) continue;
        const int opened = ::open("/dev/null", fd == STDIN_FILENO ? O_WRONLY : O_RDONLY);
        if (opened != fd) std::_Exit(3); // cannot happen: fd is the lowest free number
    }
    std::signal(SIGPIPE, SIG_IGN);
    std::signal(SIGXFSZ, SIG_IGN);
}

int fail(bilan::ExitCode code, std::string_view message) {
    const std::string line = bilan::single_line(message);
    std::fprintf(stderr, "bilan: %s\n", line.c_str());
    return static_cast<int>(code);
}

} // namespace

int main(int argc, char** argv) {
    using namespace bilan;
    prepare_process();
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
    if (const Command* command = named_command(argc, argv))
        command->registration(app, context, registry);
    else
        for (const Command& each : commands)
            each.registration(app, context, registry);

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        if (const std::string unknown = unknown_command_message(app, argc, argv, e.what());
            !unknown.empty())
            return fail(ExitCode::usage, unknown);
        return fail(ExitCode::usage, french_parse_error(e.what()) + " (voir « bilan --help »)");
    }

    try {
        return registry.run();
    } catch (const Error& e) {
        return fail(e.code(), e.what());
    } catch (const std::exception& e) {
        return fail(ExitCode::environment, e.what());
    }
}
