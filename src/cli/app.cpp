#include "cli/app.hpp"

#include "bilan/errors.hpp"
#include "bilan/spelling.hpp"
#include "cli/command.hpp"
#include "cli/context.hpp"
#include "cli/problems.hpp"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdlib>
#include <map>
#include <span>
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
    return arg == "-C" || arg == "--dir" || arg == "--color" || arg == "--colour";
}

// `bilan help [COMMAND [SUBCOMMAND]]` is where people look for help: the same line with
// --help in its place (`bilan session add --help`), options before it kept.
std::vector<char*> help_word_as_option(int argc, char** argv) {
    static char help_flag[] = "--help";
    std::vector<char*> args(argv, argv + argc);
    for (std::size_t i = 1; i < args.size(); ++i) {
        const std::string_view arg = args[i];
        if (takes_value(arg)) {
            ++i;
            continue;
        }
        if (arg.starts_with("-")) continue;
        if (arg != "help") break;
        args.erase(args.begin() + static_cast<std::ptrdiff_t>(i));
        args.push_back(help_flag);
        break;
    }
    return args;
}

// The command a parse error belongs to, as far as CLI11 got (`bilan render`), so that the
// message says whose argument it is and which help to read.
std::string parsed_command(const CLI::App& app) {
    std::string path = "bilan";
    for (const CLI::App* current = &app; !current->get_subcommands().empty();) {
        current = current->get_subcommands().front();
        path += " " + current->get_name();
    }
    return path;
}

// The command the line names, so that only it is given to CLI11: building every command with
// its options is a tenth of a typical `render`, run after run in a script. Null, and all
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

// The subcommand of `app` that `typed` is a slip of (bilan/spelling.hpp), or "".
std::string closest_subcommand(const CLI::App& app, std::string_view typed) {
    std::vector<std::string> names;
    for (const CLI::App* sub : app.get_subcommands({}))
        names.push_back(sub->get_name());
    return closest_spelling(typed, names).value_or("");
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
    constexpr std::string_view unconverted = "Could not convert: ";
    if (const std::size_t equals = message.find(" = ");
        message.starts_with(unconverted) && equals != std::string::npos)
        return message.substr(unconverted.size(), equals - unconverted.size()) + " : « " +
               message.substr(equals + 3) + " » n'est pas une valeur admise";
    if (const std::size_t at_most = message.find(": At Most "); at_most != std::string::npos)
        return message.substr(0, at_most) + " : une seule fois";
    if (const std::size_t excludes = message.find(" excludes "); excludes != std::string::npos)
        return message.substr(0, excludes) + " et " + message.substr(excludes + 10) + " s'excluent";
    return message;
}

// Whether `name` ("--type", "-C", "--dir=x") is an option of `app` or of one of its commands.
bool is_option_name(const CLI::App& app, std::string_view name) {
    const std::string bare(name.substr(0, name.find('=')));
    if (app.get_option_no_throw(bare)) return true;
    for (const CLI::App* sub : app.get_subcommands({}))
        if (is_option_name(*sub, bare)) return true;
    return false;
}

// What a parse error adds when a dash is the cause: a text that begins with one ("-->") is
// taken for an unknown option, and after "--" an option is taken for text.
std::string dash_hint(const CLI::App& app, int argc, char** argv) {
    bool after_marker = false;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (!after_marker && arg == "--") {
            after_marker = true;
        } else if (!after_marker && arg.size() > 1 && arg.starts_with("-") &&
                   !is_option_name(app, arg)) {
            return " ; un texte qui commence par « - » se donne après « -- », les options "
                   "avant (bilan skill add --type savoir-faire -- \"-->\")";
        } else if (after_marker && arg.starts_with("-") && is_option_name(app, arg)) {
            return " ; après « -- », tout est du texte : donnez " + std::string(arg) +
                   " avant « -- »";
        }
    }
    return {};
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
    Tree(CLI::App& app, const std::vector<Option>& globals, const Declarations& declarations)
        : app_(app), declarations_(declarations) {
        for (const Option& option : globals)
            declared_[add_option(app, option)] = &option;
        for (const Command& command : declarations.commands)
            add(command);
    }

    // The declaration behind one of CLI11's options, or null (--help, --version).
    const Option* declared(const CLI::Option* option) const {
        const auto found = declared_.find(option);
        return found == declared_.end() ? nullptr : found->second;
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
            declared_[added] = &option;
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
    std::map<const CLI::Option*, const Option*> declared_;
};

// `bilan __complete WORD…` (the shells' glue, commands/completion.cpp): the candidates for the
// last word, walking CLI11's tree the way its parser would — commands, then options and their
// values, then positional arguments.
class Completer {
public:
    Completer(const CLI::App& app, const Tree& tree) : tree_(tree), current_(&app) {
        // A folder given by the environment ($BILAN_DIR) is where phases and ids are read.
        for (const CLI::Option* option : app.get_options({}))
            if (const char* env = option->get_envname().empty()
                                      ? nullptr
                                      : std::getenv(option->get_envname().c_str()))
                assign(option, env);
    }

    std::vector<std::string> candidates(std::span<char* const> words) {
        if (words.empty()) return {};
        for (const char* word : words.first(words.size() - 1))
            step(word);
        const std::string_view typed = words.back();
        std::vector<std::string> all;
        if (pending_) {
            all = values_of(pending_);
        } else if (typed.starts_with("-")) {
            for (const CLI::App* app = current_; app; app = app->get_parent())
                for (const CLI::Option* option : app->get_options({})) {
                    for (const std::string& name : option->get_lnames())
                        all.push_back(described("--" + name, option->get_description()));
                    for (const std::string& name : option->get_snames())
                        all.push_back(described("-" + name, option->get_description()));
                }
        } else if (!current_->get_subcommands({}).empty()) {
            for (const CLI::App* sub : current_->get_subcommands({}))
                all.push_back(described(sub->get_name(), sub->get_description()));
        } else {
            const auto positionals = current_->get_options(
                [](const CLI::Option* option) { return option->get_positional(); });
            if (positional_ < positionals.size()) all = values_of(positionals[positional_]);
        }
        std::vector<std::string> kept;
        for (std::string& candidate : all)
            if (candidate.starts_with(typed) &&
                std::find(kept.begin(), kept.end(), candidate) == kept.end())
                kept.push_back(std::move(candidate));
        return kept;
    }

    // The first line of what --help says of a command or option, for zsh's menu.
    std::string description(const std::string& candidate) const {
        const auto found = descriptions_.find(candidate);
        return found == descriptions_.end() ? std::string() : found->second;
    }

private:
    std::string described(std::string candidate, const std::string& help) {
        descriptions_.emplace(candidate, help.substr(0, help.find('\n')));
        return candidate;
    }

    void step(std::string_view word) {
        if (pending_) {
            assign(pending_, std::string(word));
            pending_ = nullptr;
        } else if (word.size() > 1 && word.starts_with("-")) {
            const std::string name(word.substr(0, word.find('=')));
            for (const CLI::App* app = current_; app && !pending_; app = app->get_parent())
                if (const CLI::Option* option = app->get_option_no_throw(name);
                    option && !option->get_positional() && option->get_type_size_max() > 0 &&
                    word.find('=') == std::string_view::npos)
                    pending_ = option;
        } else if (const auto subs = current_->get_subcommands(
                       [&](const CLI::App* sub) { return sub->get_name() == word; });
                   !subs.empty()) {
            current_ = subs.front();
            positional_ = 0;
        } else { // a positional argument, kept: the next one's values may depend on it
            const auto positionals = current_->get_options(
                [](const CLI::Option* option) { return option->get_positional(); });
            if (positional_ < positionals.size())
                assign(positionals[positional_], std::string(word));
            ++positional_;
        }
    }

    // An option's value seen on the line goes where the command would put it: -C DIR is then
    // the folder whose phases and ids are offered.
    void assign(const CLI::Option* option, const std::string& value) const {
        if (const Option* declared = tree_.declared(option))
            if (auto* const* text = std::get_if<std::string*>(&declared->target)) **text = value;
    }

    std::vector<std::string> values_of(const CLI::Option* option) const {
        const Option* declared = tree_.declared(option);
        return declared && declared->values ? declared->values() : std::vector<std::string>{};
    }

    const Tree& tree_;
    const CLI::App* current_;
    const CLI::Option* pending_ = nullptr;
    std::size_t positional_ = 0;
    std::map<std::string, std::string> descriptions_;
};

// One line of `bilan __describe` for zsh's _describe: NAME[:DESCRIPTION], a colon in the name
// escaped.
std::string zsh_entry(const std::string& candidate, const std::string& description) {
    std::string entry;
    for (const char c : candidate)
        entry += c == ':' ? std::string("\\:") : std::string(1, c);
    return description.empty() ? entry : entry + ":" + description;
}

// CLI11's help in French: its labels, and the type of every value, which bilan parses itself.
class FrenchFormatter : public CLI::Formatter {
public:
    // CLI11 glues a colon to its headings: French sets a space before it.
    std::string make_help(const CLI::App* app, std::string name,
                          CLI::AppFormatMode mode) const override {
        std::string help = CLI::Formatter::make_help(app, std::move(name), mode);
        for (const auto& [from, to] : {std::pair{"Utilisation:", "Utilisation :"},
                                       std::pair{"\nOptions:\n", "\nOptions :\n"},
                                       std::pair{"\nArguments:\n", "\nArguments :\n"},
                                       std::pair{"\nCommandes:\n", "\nCommandes :\n"},
                                       std::pair{"(variable:", "(variable "}})
            for (std::size_t at = help.find(from); at != std::string::npos;
                 at = help.find(from, at + std::string_view(to).size()))
                help.replace(at, std::string_view(from).size(), to);
        return help;
    }

    FrenchFormatter() {
        label("Usage", "Utilisation");
        label("OPTIONS", "OPTIONS");
        label("SUBCOMMAND", "COMMANDE");
        label("SUBCOMMANDS", "COMMANDES");
        label("Positionals", "Arguments");
        label("REQUIRED", "(obligatoire)");
        label("TEXT", "TEXTE");
        label("Env", "variable");
        label("Needs", "Requiert");
        label("Excludes", "Exclut");
    }
};

// The options every command takes, declared as data like the commands'.
std::vector<Option> global_options(Context& context) {
    return {
        {"-C,--dir", "Dossier du bénéficiaire (défaut : $BILAN_DIR, sinon .)", &context.dir},
        {"--color,--colour", "Couleur : auto, always ou never", &context.color, false, nullptr, [] {
             return std::vector<std::string>{"auto", "always", "never"};
         }}};
}

} // namespace

int run_command_line(int argc_given, char** argv_given) {
    set_notice_sink(say_notice); // the store says nothing itself
    std::vector<char*> args = help_word_as_option(argc_given, argv_given);
    const int argc = static_cast<int>(args.size());
    char** const argv = args.data();
    CLI::App app{"bilan : conduire un bilan de compétences depuis le terminal.\n"
                 "Voir « man bilan » pour les fichiers, les valeurs et des exemples.",
                 "bilan"};
    // Before any command is added: each copies its parent's help flag and formatter.
    app.formatter(std::make_shared<FrenchFormatter>());
    app.set_help_flag("-h,--help", "Afficher cette aide et quitter");
    Context context;
    app.set_version_flag("--version", std::string("bilan ") + BILAN_VERSION,
                         "Afficher la version et quitter");
    const std::vector<Option> globals = global_options(context);
    app.require_subcommand(1);
    app.fallthrough();

    Declarations declarations;
    if (const Declared* named = named_command(argc, argv))
        named->declare(declarations, context);
    else
        for (const Declared& file : command_files)
            file.declare(declarations, context);
    const Tree tree(app, globals, declarations);
    app.get_option("--dir")->envname("BILAN_DIR");
    app.get_option("--color")->check(CLI::IsMember(globals.back().values()).description(""));
    for (CLI::App* sub : app.get_subcommands({})) {
        sub->group("Commandes");
        for (CLI::App* leaf : sub->get_subcommands({}))
            leaf->group("Commandes");
    }

    if (argc >= 2 &&
        (std::string_view(argv[1]) == "__complete" || std::string_view(argv[1]) == "__describe")) {
        const bool zsh = std::string_view(argv[1]) == "__describe"; // with descriptions
        Completer completer(app, tree);
        std::string out;
        for (const std::string& candidate :
             completer.candidates({argv + 2, static_cast<std::size_t>(argc - 2)}))
            out +=
                (zsh ? zsh_entry(candidate, completer.description(candidate)) : candidate) + "\n";
        print_out(out);
        return 0;
    }

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
        const std::string command = parsed_command(app);
        throw UsageError((command == "bilan" ? "" : command.substr(6) + " : ") +
                         french_parse_error(e.what()) + dash_hint(app, argc, argv) + " (voir « " +
                         command + " --help »)");
    }
    try {
        return tree.chosen().run();
    } catch (const Error& e) { // an error said as a problem: in the table's words, for main()
        if (!e.problem()) throw;
        throw Error(e.code(), problem_line(*e.problem()));
    }
}

} // namespace bilan::cli
