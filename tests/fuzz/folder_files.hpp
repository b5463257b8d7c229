// The files fuzz_folder writes, chosen by the input's first byte (its index here, modulo their
// number): a kind kept one file per record as one record of its folder, the others as
// themselves. Every kind of the store is here (tests/unit/store/test_codec.cpp fails
// otherwise), and has a seed: a file of examples/claire-martin/, or seeds/folder/NN-*.toml
// with NN its index. make-corpus.sh reads this list, one quoted path a line, in this order: a
// new file goes at the end, so that the corpora and regressions keep their bytes.
#pragma once

#include <array>

namespace fuzz_folder {

constexpr std::array paths{
    "bilan.toml",
    "framework.toml",
    "project.toml",
    "sessions/0000000f.toml",
    "skills/0000000f.toml",
    "experiences/0000000f.toml",
    "traits/0000000f.toml",
    "tests/0000000f.toml",
    "pistes/0000000f.toml",
    "actions/0000000f.toml",
    "consents/x.toml",
    "edof.toml",
    "evaluations/0000000f.toml",
    "convention.toml",
    "financing.toml",
};

} // namespace fuzz_folder
