// The layers, from the bottom: what a header of each may be included by. The build defines
// BILAN_LAYER for each library (src/CMakeLists.txt): 1 the core, 2 the store, 3 the
// operations, 4 the command line. A store or operations header checks it and stops the
// compilation of a lower layer that includes it, so that the layering is the build's, not a
// reviewer's. Code outside the layers (tests, fuzzers, main.cpp) defines none: it sees all.
#pragma once

#define BILAN_LAYER_CORE 1
#define BILAN_LAYER_STORE 2
#define BILAN_LAYER_OPS 3
#define BILAN_LAYER_CLI 4
#define BILAN_LAYER_OUTSIDE 99

#ifndef BILAN_LAYER
#define BILAN_LAYER BILAN_LAYER_OUTSIDE
#endif
