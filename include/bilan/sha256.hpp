// SHA-256 (FIPS 180-4), for the copy of the synthesis handed over: bilan.toml keeps its hash so
// that a hand edit of the document handed over is seen. No I/O: the text is given whole.
#pragma once

#include <string>
#include <string_view>

namespace bilan {

// The 64 lowercase hex digits of the SHA-256 of `bytes`.
std::string sha256_hex(std::string_view bytes);

} // namespace bilan
