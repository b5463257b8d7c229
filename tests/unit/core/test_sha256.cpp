#include "bilan/sha256.hpp"

#include <doctest/doctest.h>
#include <string>

using namespace bilan;

TEST_SUITE("sha256") {
    // FIPS 180-4's examples (NIST, "SHA256.pdf" of the Cryptographic Standards examples).
    TEST_CASE("the standard's test vectors") {
        CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        CHECK(sha256_hex("abc") ==
              "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        CHECK(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
              "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
        CHECK(sha256_hex(std::string(1'000'000, 'a')) ==
              "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
    }

    TEST_CASE("every length around a block's padding boundary, and non-ASCII bytes") {
        // 55 bytes pad in one block, 56 need two; checked against sha256sum.
        CHECK(sha256_hex(std::string(55, 'a')) ==
              "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318");
        CHECK(sha256_hex(std::string(56, 'a')) ==
              "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a");
        CHECK(sha256_hex(std::string(64, 'a')) ==
              "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb");
        CHECK(sha256_hex("synth\xc3\xa8se\n") ==
              "58750b74d2b702980b3f2ee06f6efeaa2d8c180ad81bc846e79d54f3393648c1");
    }
}
