// practice.toml: the provider's identity, found above the bilan's folder.
#include "bilan/store.hpp"

namespace bilan::store {

std::optional<Practice> find_practice(const Store&, Diagnostics&) {
    return std::nullopt; // the practice folder is not read yet
}

} // namespace bilan::store
