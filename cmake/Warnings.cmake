# Interface targets that carry compile options, so that nothing touches global flags.
add_library(bilan_warnings INTERFACE)
target_compile_options(bilan_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion
  -Wnon-virtual-dtor -Wold-style-cast -Wcast-align -Woverloaded-virtual
  -Wdouble-promotion -Wformat=2 -Wimplicit-fallthrough
  $<$<BOOL:${BILAN_WERROR}>:-Werror>
  # g++ 12 at -O3 (the demo's Release build) warns that "literal" + std::string may overlap,
  # in libstdc++'s own code: a known false positive (GCC bug 105651).
  $<$<CXX_COMPILER_ID:GNU>:-Wno-restrict>)

# The C++20 standard headers every file reads take most of its compilation (1.8 of 2.1 s for a
# command's file): compiled once per target instead, the CI's builds take half the time. Off by
# default, so that the developer's build still fails on a missing #include <…>.
function(bilan_precompile target)
  if(BILAN_PCH)
    target_precompile_headers(${target} PRIVATE
      <algorithm> <array> <cstdint> <filesystem> <functional> <map> <memory> <optional> <span>
      <stdexcept> <string> <string_view> <utility> <vector> ${ARGN})
  endif()
endfunction()

add_library(bilan_sanitizers INTERFACE)
if(BILAN_FUZZ)
  # libFuzzer exists only in clang; with gcc the flags below would fail late and obscurely.
  if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    message(FATAL_ERROR
      "BILAN_FUZZ needs clang (libFuzzer), not ${CMAKE_CXX_COMPILER_ID}: configure with "
      "-DCMAKE_CXX_COMPILER=clang++ (or clang++-14), or use `cmake --preset fuzz`")
  endif()
  # Everything linked into a fuzz target is instrumented for coverage (fuzzer-no-link: the
  # libFuzzer runtime and its main() come only with the targets' own -fsanitize=fuzzer), and
  # ASan/UBSan make every memory error and UB abort, which is what libFuzzer reports as a crash.
  # The bilan executable and the unit tests link the sanitizer runtimes only; the coverage
  # callbacks they then carry are no-ops from that runtime.
  target_compile_options(bilan_sanitizers INTERFACE
    -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all
    -fno-omit-frame-pointer)
elseif(BILAN_SANITIZE)
  target_compile_options(bilan_sanitizers INTERFACE
    -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
endif()
if(BILAN_FUZZ OR BILAN_SANITIZE)
  # Executables not position-independent: a sanitized PIE bilan has 1.3 million relative
  # relocations (UBSan's and ASan's descriptors) that the loader applies at every start, a
  # third of the CPU of an e2e test's run, and the e2e suites start it thousands of times.
  target_link_options(bilan_sanitizers INTERFACE -fsanitize=address,undefined
    $<$<STREQUAL:$<TARGET_PROPERTY:TYPE>,EXECUTABLE>:-no-pie>)
endif()
