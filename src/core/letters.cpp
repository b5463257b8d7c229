#include "bilan/letters.hpp"

#include "bilan/values.hpp"

#include <cstdint>
#include <stdexcept>
#include <string>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

namespace bilan {
namespace {

// The text without the bytes that are not UTF-8: a file name keeps none of them, and folding
// what is left gives the same letters whether the bytes were there or not (a consent id folds
// to itself).
std::string without_invalid_bytes(std::string_view text) {
    std::string valid;
    for (std::size_t i = 0; i < text.size();) {
        const auto decoded = decode_utf8(text.substr(i));
        const std::size_t length = decoded ? decoded->second : 1;
        if (decoded) valid.append(text.substr(i, length));
        i += length;
    }
    return valid;
}

// The marks that accents are made of once a letter is decomposed (é = e + U+0301): the
// combining diacritical marks of Latin, Greek and Cyrillic. The vowel signs and points of other
// scripts are letters of their words, kept.
bool is_accent(UChar32 c) {
    return (c >= 0x0300 && c <= 0x036f) || (c >= 0x1ab0 && c <= 0x1aff) ||
           (c >= 0x1dc0 && c <= 0x1dff) || (c >= 0x20d0 && c <= 0x20ff) ||
           (c >= 0xfe20 && c <= 0xfe2f);
}

const icu::Normalizer2& normalizer(const icu::Normalizer2* (*get)(UErrorCode&)) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* found = get(status);
    if (U_FAILURE(status) || !found) throw std::logic_error("ICU : normalisation indisponible");
    return *found;
}

} // namespace

std::string fold_letters(std::string_view raw) {
    const std::string text = without_invalid_bytes(raw);
    static const icu::Normalizer2& folded = normalizer(icu::Normalizer2::getNFKCCasefoldInstance);
    static const icu::Normalizer2& decomposed = normalizer(icu::Normalizer2::getNFDInstance);
    static const icu::Normalizer2& composed = normalizer(icu::Normalizer2::getNFCInstance);
    UErrorCode status = U_ZERO_ERROR;
    const icu::UnicodeString letters = decomposed.normalize(
        folded.normalize(icu::UnicodeString::fromUTF8(
                             icu::StringPiece(text.data(), static_cast<std::int32_t>(text.size()))),
                         status),
        status);
    icu::UnicodeString bare;
    for (std::int32_t i = 0; i < letters.length(); i = letters.moveIndex32(i, 1))
        if (const UChar32 c = letters.char32At(i); !is_accent(c)) bare.append(c);
    std::string out;
    composed.normalize(bare, status).toUTF8String(out);
    if (U_FAILURE(status)) throw std::logic_error("ICU : normalisation impossible");
    return out;
}

} // namespace bilan
