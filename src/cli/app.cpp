#include "cli/app.hpp"

#include "bilan/errors.hpp"
#include "cli/command.hpp"
#include "cli/context.hpp"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <map>
#include <stdexcept>

namespace bilan::cli {
namespace {

// The command files, in the order `bilan --help` lists their commands.
struct Declared {
    std::string_view name;
    Declaration declare;
};
constexpr Declared command_files[] = {
#define BILAN_COMMAND(name) {#name, declare_##name},
#include "cli/commands.inc"
#undef BILAN_COMMAND
};

// The top-level options that take the next argument as their value (declared below).
bool takes_value(std::string_view arg) {
    return arg == "-C" || arg == "--dir" || arg == "--color";
}

// The command the line names, so that only it is given to CLI11: building all fourteen with
// their options is a tenth of a typical `render`, run after run in a script. Null, and all
// are built, when there is none, or for help and version, whose output lists them all.
const Declared* named_command(int argc, char** argv) {
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (takes_value(arg)) {
            ++i;
            continue;
        }
        if (arg == "-h" || arg.starts_with("--help") || arg == "--version") return nullptr;
        if (arg.starts_with("-")) continue;
        for (const Declared& file : command_files)
            if (file.name == arg) return &file;
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

// One declared option on its CLI11 command.
CLI::Option* add_option(CLI::App& app, const Option& option) {
    return std::visit(
        [&](auto* target) -> CLI::Option* {
            if constexpr (std::is_same_v<decltype(target), bool*>)
                return app.add_flag(option.names, *target, option.help);
            else
                return app.add_option(option.names, *target, option.help);
        },
        option.target);
}

// CLI11's commands for what was declared; `leaves` maps each to the command it runs.
class Tree {
public:
    Tree(CLI::App& app, const Declarations& declarations) : app_(app), declarations_(declarations) {
        for (const Command& command : declarations.commands)
            add(command);
    }

    // The command the line chose, its `given` flags set.
    const Command& chosen() const {
        for (const Leaf& leaf : leaves_) {
            if (!leaf.app->parsed()) continue;
            for (const auto& [option, given] : leaf.presence)
                *given = option->count() > 0;
            return *leaf.command;
        }
        throw UsageError("commande incomplète : voir « bilan --help »");
    }

private:
    void add(const Command& command) {
        const std::size_t space = command.path.find(' ');
        CLI::App* parent = &app_;
        std::string name = command.path;
        if (space != std::string::npos) {
            parent = &group(command.path.substr(0, space));
            name = command.path.substr(space + 1);
        }
        Leaf leaf{parent->add_subcommand(name, command.help), &command, {}};
        if (!command.example.empty()) leaf.app->footer("Exemple :\n  " + command.example);
        for (const Option& option : command.options) {
            CLI::Option* added = add_option(*leaf.app, option);
            if (option.required) added->required();
            if (option.given) leaf.presence.emplace_back(added, option.given);
        }
        leaves_.push_back(std::move(leaf));
    }

    // A group's CLI11 command, made when its first command is added: `bilan --help` lists
    // commands in the order they were declared.
    CLI::App& group(const std::string& name) {
        CLI::App*& made = groups_[name];
        if (!made) {
            const auto& groups = declarations_.groups;
            const auto declared = std::find_if(groups.begin(), groups.end(),
                                               [&](const Group& g) { return g.name == name; });
            if (declared == groups.end()) throw std::logic_error("groupe non déclaré : " + name);
            made = app_.add_subcommand(name, declared->help);
            made->require_subcommand(1);
        }
        return *made;
    }

    struct Leaf {
        CLI::App* app;
        const Command* command;
        std::vector<std::pair<CLI::Option*, bool*>> presence; // options whose presence matters
    };
    CLI::App& app_;
    const Declarations& declarations_;
    std::map<std::string, CLI::App*> groups_;
    std::vector<Leaf> leaves_;
};

} // namespace

int run_command_line(int argc, char** argv) {
    CLI::App app{"bilan : conduire un bilan de compétences depuis le terminal.\n"
                 "Voir « man bilan » pour les fichiers, les valeurs et des exemples.",
                 "bilan"};
    Context context;
    app.set_version_flag("--version", std::string("bilan ") + BILAN_VERSION);
    app.add_option("-C,--dir", context.dir,
                   "Dossier du bénéficiaire (défaut : $BILAN_DIR, sinon .)")
        ->envname("BILAN_DIR");
    app.add_option("--color", context.color, "Couleur : auto, always ou never")
        ->check(CLI::IsMember({"auto", "always", "never"}));
    app.require_subcommand(1);
    app.fallthrough();

    Declarations declarations;
    if (const Declared* named = named_command(argc, argv))
        named->declare(declarations, context);
    else
        for (const Declared& file : command_files)
            file.declare(declarations, context);
    const Tree tree(app, declarations);

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
            throw UsageError(unknown);
        throw UsageError(french_parse_error(e.what()) + " (voir « bilan --help »)");
    }
    return tree.chosen().run();
}

} // namespace bilan::cli
