#include "bilan/ops/completion.hpp"

#include "bilan/ops/consents.hpp"

namespace bilan::ops {

std::vector<std::string> phase_keys(const store::Store& store) {
    std::vector<std::string> keys;
    try {
        store::Diagnostics lenient(true); // a bad line elsewhere in bilan.toml hides no phase
        const Framework framework = store.holds_bilan()
                                        ? store.load_framework(store.load_bilan(lenient), lenient)
                                        : store::load_builtin_framework("fr");
        for (const Phase& phase : framework.phases)
            keys.push_back(phase.key);
    } catch (const std::exception&) {
        return {};
    }
    return keys;
}

std::vector<std::string> consented_recipients(const store::Store& store) {
    std::vector<std::string> recipients;
    try {
        for (const Consent& consent : list_consents(store))
            if (!consent.revoked) recipients.push_back(consent.recipient);
    } catch (const std::exception&) {
        return {};
    }
    return recipients;
}

std::vector<std::string> record_ids(const store::Store& store, store::Collection collection) {
    return store.record_ids(collection);
}

} // namespace bilan::ops
