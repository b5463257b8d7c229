# Interface targets that carry compile options, so that nothing touches global flags.
add_library(bilan_warnings INTERFACE)
target_compile_options(bilan_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion
  -Wnon-virtual-dtor -Wold-style-cast -Wcast-align -Woverloaded-virtual
  -Wdouble-promotion -Wformat=2 -Wimplicit-fallthrough
  $<$<BOOL:${BILAN_WERROR}>:-Werror>)

add_library(bilan_sanitizers INTERFACE)
if(BILAN_SANITIZE)
  target_compile_options(bilan_sanitizers INTERFACE
    -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
  target_link_options(bilan_sanitizers INTERFACE -fsanitize=address,undefined)
endif()
