// A command as data: its name, its help and an example, its options bound to the fields of an
// options struct, and what it runs. Each file of src/commands declares its commands this way,
// without CLI11; src/cli/app.cpp alone turns the declarations into CLI11's tree, so that CLI11
// is compiled once and anything else that needs the tree (help, completion) reads the same data.
#pragma once

#include "bilan/layers.hpp"
#if BILAN_LAYER < BILAN_LAYER_CLI
#error "only the command line includes its headers"
#endif

#include <functional>
#include <string>
#include <variant>
#include <vector>

namespace bilan::cli {

struct Context;

// The values a shell offers for an option (`bilan completion`): a closed set of terms, or what
// the folder holds (its framework's phases, its records' ids), listed only when completing.
// Empty: free text or a file name, which the shell completes itself.
using Values = std::function<std::vector<std::string>()>;

// One option, flag or positional argument, bound to where its value goes.
struct Option {
    using Target = std::variant<std::string*,              // a value (parsed by the command)
                                std::vector<std::string>*, // a repeatable value
                                bool*>;                    // a flag
    std::string names; // "--date", "-o,--output", or "ID" (upper case) for a positional argument
    std::string help;
    Target target;
    bool required = false;
    bool* given = nullptr; // set when the line names the option (an empty value still counts)
    Values values = {};
};

// A command that runs: `status`, or a group's leaf such as `piste decide`.
struct Command {
    std::string path; // "status" or "piste decide"
    std::string help;
    std::string example; // a command line shown by --help
    std::vector<Option> options;
    std::function<int()> run;
};

// A group of commands (`piste`): a name and its help; its leaves name it in their path.
struct Group {
    std::string name;
    std::string help;
};

// What the command files declare, in the order `bilan --help` lists it.
struct Declarations {
    std::vector<Group> groups;
    std::vector<Command> commands;

    void group(std::string name, std::string help) {
        groups.push_back({std::move(name), std::move(help)});
    }
    void add(Command command) { commands.push_back(std::move(command)); }
};

// Each command file defines `declare_<name>`; src/CMakeLists.txt (BILAN_COMMANDS) lists them.
using Declaration = void (*)(Declarations& declarations, Context& context);
#define BILAN_COMMAND(name) void declare_##name(Declarations&, Context&);
#include "cli/commands.inc"
#undef BILAN_COMMAND

} // namespace bilan::cli
