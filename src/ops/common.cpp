#include "bilan/ops/common.hpp"

namespace bilan::ops {

Loaded load_everything(const store::Store& store, store::Reading reading) {
    store::Diagnostics strict;
    BilanRecord bilan = store.load_bilan(strict);
    Framework framework = store.load_framework(bilan, strict);
    Folder folder = store.load_all(framework, std::move(bilan), strict, reading);
    return {std::move(framework), std::move(folder)};
}

Loaded load_folder(const store::Store& store) {
    const store::ConsistentRead still(store);
    return load_everything(store);
}

Loaded load_folder(const store::Transaction& transaction) {
    return load_everything(transaction.store());
}

} // namespace bilan::ops
