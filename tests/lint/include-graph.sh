#!/usr/bin/env bash
# The include graph between the layers, as the build saw it: from the compiler's own
# dependency files (*.o.d, written by every compilation of the libraries), each source file's
# layer and the layer of every header of the project it read, directly or not. Prints the
# edges with their counts (source files), and fails on one that goes up: the core reading a
# store, operations or command-line header, the store an operations one…
# Usage: bash include-graph.sh SOURCE_DIR BUILD_DIR
set -u
source_dir=$(cd "${1:?usage: include-graph.sh SOURCE_DIR BUILD_DIR}" && pwd)
build_dir=${2:?usage: include-graph.sh SOURCE_DIR BUILD_DIR}

mapfile -t depfiles < <(find "$build_dir/src/CMakeFiles" -name '*.o.d' -path '*bilan_*.dir/*')
if [ "${#depfiles[@]}" -eq 0 ]; then
    echo "no dependency file under $build_dir/src/CMakeFiles: build first"
    exit 1
fi
# One "SOURCE HEADER" line per project file a compilation read, then the layers' graph.
for depfile in "${depfiles[@]}"; do
    # Paths are absolute, or relative to the build's folder when ccache made them so.
    tr -s ' \\' '\n\n' <"$depfile" | awk -v root="$source_dir/" '
        index($0, root) == 1 { file = substr($0, length(root) + 1) }
        index($0, root) != 1 && /^\.\.\// { file = $0; sub(/^(\.\.\/)+/, "", file) }
        index($0, root) != 1 && !/^\.\.\// { next }
        /\.cpp$/ && !source { source = file; next }
        source { print source, file }'
done | awk '
    function layer(path) {
        if (path ~ /^include\/bilan\/ops\// || path ~ /^src\/ops\//) return "3 ops"
        if (path ~ /^include\/bilan\/store(\/|\.hpp$)/ || path ~ /^src\/store\//) return "2 store"
        if (path ~ /^src\/(cli|commands)\// || path == "src/main.cpp") return "4 cli"
        if (path ~ /^include\/bilan\// || path ~ /^src\/core\//) return "1 core"
        return "0 other"
    }
    { from = layer($1); to = layer($2); if (!seen[$1 SUBSEP to]++) edges[from " -> " to]++
      if (to > from) bad[$1 " reads " $2] = 1 }
    END {
        for (edge in edges) {
            split(edge, parts, " -> ")
            printf "%-8s -> %-8s %d source files\n", substr(parts[1], 3), substr(parts[2], 3), edges[edge]
        }
        for (b in bad) { print "FAIL upward: " b; failed = 1 }
        exit failed
    }' | sort
exit "${PIPESTATUS[1]}"
