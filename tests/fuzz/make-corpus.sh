#!/usr/bin/env bash
# Builds the seed corpora of the fuzz targets into OUT_DIR/values and OUT_DIR/folder:
#   values: one file per line of tests/fuzz/seeds/values.txt (the line without its newline);
#   folder: every .toml file of examples/ (the example bilan and the provider framework),
#           prefixed with the byte that makes fuzz_folder write it where it belongs (the
#           index of its path in folder_files.hpp), and the
#           hand-written seeds/folder/NN-*.toml, prefixed with the byte NN.
# Usage: make-corpus.sh SOURCE_DIR OUT_DIR. Run by the build (tests/fuzz/CMakeLists.txt); the
# source tree is only read.
set -eu -o pipefail
src=${1:?usage: make-corpus.sh SOURCE_DIR OUT_DIR}
out=${2:?usage: make-corpus.sh SOURCE_DIR OUT_DIR}

# The selector byte of each file: the index of its path in folder_files.hpp (a record of a
# folder: the index of that folder's entry; any framework: framework.toml's).
mapfile -t paths < <(sed -n 's/^ *"\([^"]*\)",$/\1/p' "$src/tests/fuzz/folder_files.hpp")
selector() {
    local wanted=$1 i
    case $wanted in framework*.toml) wanted=framework.toml ;; esac
    for i in "${!paths[@]}"; do
        if [ "${paths[$i]}" = "$wanted" ] ||
            { [[ $wanted == */* ]] && [ "${paths[$i]%%/*}" = "${wanted%%/*}" ]; }; then
            echo "$i"
            return
        fi
    done
    echo "make-corpus.sh: no fuzz_folder file for $1" >&2 && exit 1
}

# Built beside, then swapped in: an interrupted build leaves no half corpus.
rm -rf "$out.new"
mkdir -p "$out.new/values" "$out.new/folder"

n=0
while IFS= read -r line || [ -n "$line" ]; do
    n=$((n + 1))
    printf '%s' "$line" >"$out.new/values/line-$n"
done <"$src/tests/fuzz/seeds/values.txt"

# FILE with the byte BYTE before it.
prefixed() { # BYTE FILE
    printf "\\$(printf '%03o' "$1")"
    cat "$2"
}

# examples/NAME.toml is a framework; examples/BILAN/PATH a file of a bilan folder.
(cd "$src/examples" && find . -name '*.toml' -type f | LC_ALL=C sort) | while read -r file; do
    file=${file#./}
    case $file in */*) relative=${file#*/} ;; *) relative=framework.toml ;; esac
    byte=$(selector "$relative") # its own line: a failure then stops the script
    prefixed "$byte" "$src/examples/$file" >"$out.new/folder/$(printf '%s' "$file" | tr '/' '_')"
done

for file in "$src"/tests/fuzz/seeds/folder/[0-9][0-9]-*.toml; do
    [ -e "$file" ] || continue # no hand-written seed: the glob stayed as it was
    name=${file##*/}
    prefixed "$((10#${name%%-*}))" "$file" >"$out.new/folder/seed-$name"
done

rm -rf "$out"
mv "$out.new" "$out"
