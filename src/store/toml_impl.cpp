// toml++'s implementation, compiled once into bilan_core from Debian's headers
// (libtomlplusplus-dev) rather than linked from its shared library: that lets `bilan` link
// statically, which saves a few milliseconds of dynamic loading on every run (tests/bench).
#define TOML_IMPLEMENTATION
#include <toml++/toml.h>
