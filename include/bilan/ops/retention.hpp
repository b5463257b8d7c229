// The end of a bilan (R6313-7, décret 2023-1350): the beneficiary's written agreement to keep
// the working documents (`retention grant|show`) and their destruction (`purge`).
#pragma once

#include "bilan/layers.hpp"
#if BILAN_LAYER < BILAN_LAYER_OPS
#error "the core and the store may not include the operations"
#endif

#include "bilan/ops/common.hpp"

#include <optional>
#include <string>

namespace bilan::ops {

// Records the agreement given on `date` to keep `scope` (documents) until `until` (default:
// as long as the law allows, the end plus its years). RefusedError when `until` precedes
// `date`, or passes the limit of R6313-7 (décret 2023-1350). Returns the notes.
Notes grant_retention(const store::Store& store, const Date& date, const std::string& scope,
                      const std::optional<Date>& until);

// The agreement (in BilanRecord's retention_* fields) and the destruction, if any.
struct RetentionState {
    BilanRecord bilan;
    std::optional<Date> limit; // the last day the law lets the documents be kept
    std::optional<Destruction> destruction;
};
RetentionState retention_state(const store::Store& store);

struct PurgeOptions {
    Date date;  // the destruction's date (--date, else today)
    Date today; // a destruction is never dated after it
    bool dry_run = false;
};
struct PurgeReport {
    Destruction record;         // what was destroyed (or would be), what is kept
    bool nothing_to_do = false; // an earlier purge did it all
    bool resumed = false;       // an interrupted purge finished
    Notes notes;
};
// Keeps the synthesis (synthese.md as the person left it, else as rendered now), then destroys the
// content (R6313-7: the documents made for the bilan) that no agreement keeps, under the folder's
// lock, file by file: destruction.toml says "en-cours" with the plan first, "faite" at the end, and
// a rerun finishes an interrupted purge, planned again over what the folder holds then. The end is
// `end`, or the abandonment. RefusedError before the end, after today, and when a file stands in
// the way (one bilan cannot classify, one it may not rewrite: store::DestructionCheck); a file at
// fault stops it too, all before anything is written. With `dry_run`, nothing is.
PurgeReport purge(const store::Store& store, const PurgeOptions& options);

} // namespace bilan::ops
