// The operations of consent grant|revoke|list: the beneficiary's agreement that a version of
// the synthesis may go to someone (L6313-4). One file per recipient, consents/<id>.toml, id =
// the recipient folded (consent_id); a revoked consent keeps its file as evidence, and granting it
// again moves the earlier grant to its history. Each write is one Transaction whose reads (the
// bilan's start, the recipient's consents) happen under its lock; the list reads under the
// folder's shared lock.
#pragma once

#include "bilan/layers.hpp"
#if BILAN_LAYER < BILAN_LAYER_OPS
#error "the core and the store may not include the operations"
#endif

#include "bilan/ops/common.hpp"

#include <optional>
#include <string>
#include <vector>

namespace bilan::ops {

// A recipient as typed, checked (one line of typed text, a letter or a digit, not too long:
// UsageError otherwise), and the id of its file. The operations check it again; a command
// calls it first so that a wrong recipient is told before a wrong date.
std::string recipient_id(const std::string& recipient);

// `consent grant`: the recipient's consent from `date`, sharing `sections` (nullopt: the
// default ones). Refused (RefusedError) before the bilan's start. A recipient with a consent
// already has it granted again: the earlier grant or revocation stays as evidence. Another
// recipient's file never holds it: when its id is taken ("C++ Conseil" has c-conseil.toml,
// "C Conseil" is granted), it gets c-conseil-2.toml and a note says so. `ref` says where the
// written consent is kept (format 5): a new grant has its own (empty when not given); the
// same grant given again with a ref gains it; the earlier grant's stays in its history.
Notes grant_consent(const store::Store& store, const std::string& recipient, const Date& date,
                    std::optional<std::vector<std::string>> sections, const std::string& ref = {});

// `consent revoke`: every consent of the recipient is revoked on `on` (nullopt: no date
// given), all or none. RefusedError when the recipient has none; a note when all already were.
Notes revoke_consent(const store::Store& store, const std::string& recipient,
                     const std::optional<Date>& on);

// `consent list`: the consents, in the folder's order, under the shared lock.
std::vector<Consent> list_consents(const store::Store& store);

} // namespace bilan::ops
