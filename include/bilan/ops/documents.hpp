// The proof of service: the attendance sheet (`bilan emargement`) and the certificat de
// réalisation (`bilan certificat`). Read operations: the bilan, its framework and its sessions
// under the folder's shared lock, the provider from the practice folder above it; they return
// the document and what the command says on stderr about it (a missing SIRET, no evidence…).
#pragma once

#include "bilan/layers.hpp"
#if BILAN_LAYER < BILAN_LAYER_OPS
#error "the core and the store may not include the operations"
#endif

#include "bilan/ops/common.hpp"

#include <optional>
#include <string>

namespace bilan::ops {

struct Document {
    std::string markdown;
    Notes notes; // warnings, without the "attention : "
};

// The attendance sheet; with `blank_rows` > 0, one with that many empty rows for the coming
// sessions; with `session` (an id or a unique prefix), the sheet of that session alone, to be
// signed at its end. RefusedError when there is no session held with the counsellor to list
// (and no blank rows were asked for), or the session named is not one.
Document attendance_sheet(const store::Store& store, int blank_rows,
                          const std::optional<std::string>& session = std::nullopt);

struct CertificateOptions {
    std::optional<Date> signed_on;    // --date
    std::optional<std::string> place; // --place; absent: the practice's city
    Date today;                       // tells the sessions held from those to come
};

// The certificat de réalisation (an attestation de participation for a `be` bilan).
// RefusedError when no session of a counted phase exists; notes when the end is not set, the
// floor is not reached, a counted session held by `today` has no evidence (or a remote one
// only a paper sheet), a counted session is still to come, or it is dated before the last
// one. The document itself never depends on `today`.
Document certificate(const store::Store& store, const CertificateOptions& options);

} // namespace bilan::ops
