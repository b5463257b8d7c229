// What every command shares: the global options and how to reach the folder and the terminal.
// Only src/cli and src/commands see CLI11; the core never does.
#pragma once

#include "bilan/store.hpp"
#include "bilan/values.hpp"

#include <functional>
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace bilan::cli {

enum class ColorMode { automatic, always, never };

struct Context {
    std::string dir;            // -C/--dir, else $BILAN_DIR, else "."
    std::string color = "auto"; // --color auto|always|never

    store::Store store() const { return store::Store(dir.empty() ? "." : dir); }
    // The calendar date on this machine ($BILAN_TODAY when set, for reproducible scripts).
    Date today() const;
    bool color_stdout() const;
    // Today's date is looked up only for "today": a bad $BILAN_TODAY spoils no other date.
    Date parse_date(std::string_view text) const {
        return bilan::parse_date(text, names_today(text) ? today() : Date{});
    }
};

// A leaf command: its CLI11 subcommand and what runs when it is the one chosen.
using CommandAction = std::function<int()>;
struct Command {
    CLI::App* app;
    CommandAction action;
};

class Registry {
public:
    void add(CLI::App* app, CommandAction action) { commands_.push_back({app, std::move(action)}); }
    // Runs the one leaf command that was parsed; returns its exit status.
    int run() const;

private:
    std::vector<Command> commands_;
};

// Each command file defines one of these; main.cpp lists them.
using Registration = void (*)(CLI::App& app, Context& context, Registry& registry);
void register_init(CLI::App&, Context&, Registry&);
void register_set(CLI::App&, Context&, Registry&);
void register_session(CLI::App&, Context&, Registry&);
void register_status(CLI::App&, Context&, Registry&);
void register_check(CLI::App&, Context&, Registry&);
void register_skill(CLI::App&, Context&, Registry&);
void register_experience(CLI::App&, Context&, Registry&);
void register_trait(CLI::App&, Context&, Registry&);
void register_test(CLI::App&, Context&, Registry&);
void register_piste(CLI::App&, Context&, Registry&);
void register_project(CLI::App&, Context&, Registry&);
void register_action(CLI::App&, Context&, Registry&);
void register_render(CLI::App&, Context&, Registry&);
void register_consent(CLI::App&, Context&, Registry&);

// Writes to stdout in one go (and fails with exit 3 if stdout is gone).
void print_out(std::string_view text);
// "bilan: message" on stderr.
void print_note(std::string_view text);

// The options every list command shares.
struct ListOptions {
    bool json = false;
};

} // namespace bilan::cli
