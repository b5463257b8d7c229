// bilan completion bash|zsh: the shell's glue. It holds no list of commands: at each <Tab> it
// asks `bilan __complete WORD…` (src/cli/app.cpp; zsh `__describe`, the same with each command's
// and option's one-line help), which reads the same declarations as the
// command line itself — commands, options, the values of enumerated options, and the phases
// and record ids of the folder named on the line — so that it can never fall out of step.
#include "cli/context.hpp"
#include "cli/records.hpp"

namespace bilan::cli {
namespace {

// Words 1..COMP_CWORD (the one being completed last, maybe empty), one candidate per line
// back; none: bash's own file names (-o default), as for --output or a TOML framework.
constexpr std::string_view bash_script = R"(# bash completion for bilan (bilan completion bash)
_bilan() {
    local IFS=$'\n'
    COMPREPLY=($(command bilan __complete "${COMP_WORDS[@]:1:COMP_CWORD}" 2>/dev/null))
}
complete -o default -F _bilan bilan
)";

constexpr std::string_view zsh_script = R"(#compdef bilan
# zsh completion for bilan (bilan completion zsh)
_bilan() {
    local -a candidates
    candidates=("${(@f)$(command bilan __describe "${(@)words[2,CURRENT]}" 2>/dev/null)}")
    if (( ${#candidates} )) && [[ -n ${candidates[1]} ]]; then
        _describe -t values bilan candidates
    else
        _files
    fi
}
if [[ $zsh_eval_context[-1] == loadautofunc ]]; then
    _bilan "$@"
else
    compdef _bilan bilan
fi
)";

} // namespace

void declare_completion(Declarations& declarations, Context&) {
    auto shell = std::make_shared<std::string>();
    declarations.add({"completion",
                      "Script de complétion pour le shell (bash ou zsh)",
                      "source <(bilan completion bash)",
                      {{"SHELL", "bash ou zsh", shell.get(), true, nullptr,
                        [] {
                            return std::vector<std::string>{"bash", "zsh"};
                        }}},
                      [shell] {
                          if (*shell == "bash")
                              print_out(bash_script);
                          else if (*shell == "zsh")
                              print_out(zsh_script);
                          else
                              throw UsageError("shell inconnu « " + *shell + " » : bash ou zsh");
                          return 0;
                      }});
}

} // namespace bilan::cli
