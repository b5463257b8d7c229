#!/usr/bin/env bash
# The layers below the command line speak no command line: a problem or a notice names its
# remedy as an operation and its arguments (include/bilan/problem.hpp), and src/cli/problems.cpp
# alone says it as "bilan …". Fails on a string literal of src/core, src/store, src/ops or
# include/bilan (adjacent literals joined) that holds "bilan COMMAND", COMMAND one of
# BILAN_COMMANDS; the comments a file of the folder is written with ("# … « bilan set » …") are
# file text, not messages.
# Usage: bash command_lines.sh SOURCE_DIR
set -u
cd "${1:?usage: command_lines.sh SOURCE_DIR}" || exit 2
commands=$(sed -n '/^set(BILAN_COMMANDS/,/)/p' src/CMakeLists.txt |
    sed 's/set(BILAN_COMMANDS//; s/)//' | tr -s ' \n' '\n' | grep . | paste -sd '|')
[ -n "$commands" ] || { echo "FAIL no BILAN_COMMANDS in src/CMakeLists.txt"; exit 1; }
found=$(find src/core src/store src/ops include/bilan -name '*.[ch]pp' | sort |
    COMMANDS=$commands perl -e '
        my $commands = $ENV{COMMANDS};
        for my $file (@ARGV) {
            open(my $in, "<", $file) or die "$file: $!";
            local $/;
            my $text = <$in>;
            $text =~ s{^\s*//.*$}{}mg;                 # whole-line comments
            $text =~ s{"\s*(?://[^\n]*)?\n\s*"}{}g;    # adjacent literals, one
            while ($text =~ /"((?:[^"\\\n]|\\.)*)"/g) {
                my $literal = $1;
                next if $literal =~ /^#|\\n#/;          # a file comment written into a file
                next unless $literal =~ /\bbilan ($commands)\b/;
                print "$file: ", substr($literal, 0, 60), "\n";
            }
        }' $(cat))
if [ -n "$found" ]; then
    echo "FAIL a command line below src/cli: give the problem a code and a remedy (problem.hpp):"
    printf '%s\n' "$found" | sed 's/^/  /'
    echo "0 passed, 1 failed"
    exit 1
fi
echo "1 passed, 0 failed"
