// The folder on disk: the only layer that knows file names, TOML and POSIX I/O. Its headers
// by role: types (records as fields, kinds, formats, diagnostics), store (reading a folder),
// transaction (writing one), practice (the practice folder), output (documents written for
// the user).
#pragma once

#include "bilan/layers.hpp"
#if BILAN_LAYER < BILAN_LAYER_STORE
#error "the core may not include the store"
#endif

#include "bilan/store/output.hpp"
#include "bilan/store/practice.hpp"
#include "bilan/store/registers.hpp"
#include "bilan/store/store.hpp"
#include "bilan/store/transaction.hpp"
#include "bilan/store/types.hpp"
