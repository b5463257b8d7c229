// The built-in French framework, loaded once for all the tests of a binary that use it.
#pragma once

#include "bilan/store.hpp"

inline const bilan::Framework& fr() {
    static const bilan::Framework framework = bilan::store::load_builtin_framework("fr");
    return framework;
}
