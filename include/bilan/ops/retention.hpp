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
#include <vector>

namespace bilan::ops {

// A basis to keep after the end (R6313-7): `scope` synthese or documents, `motif` accord (the
// beneficiary's written agreement) or cep (the synthesis sent to the CEP operator at her
// request; synthese only), `until` (default and maximum: the end plus the law's years),
// `ref` where the proof is kept.
struct RetentionGrant {
    std::string scope;
    Date date;
    std::optional<Date> until;
    std::string ref;
    std::string motif = "accord";
};
// Records the basis in bilan.toml (one per scope: a new one replaces the earlier). UsageError
// for an unknown scope or motif; RefusedError when `until` precedes `date`, or passes the
// limit of R6313-7 (décret 2023-1350). Returns the notes: a basis dated after the end is kept
// with a warning (destruction was due at the end).
Notes grant_retention(const store::Store& store, const RetentionGrant& grant);

// The bases (in BilanRecord's retention_* and synthesis_* fields) and the destruction, if any.
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
    // What bilan cannot classify at the top of the folder is destroyed too when named here
    // (--aussi: NAME, or a path to it in this folder) or when `all` (--tout); else refused.
    std::vector<std::string> also{};
    bool all = false;
};
struct PurgeReport {
    Destruction record;         // what was destroyed (or would be), what is kept
    bool nothing_to_do = false; // an earlier purge did it all
    bool resumed = false;       // an interrupted purge finished
    Notes notes;
    // The files at the top this pass destroys (or would): the synthesis', the documents bilan
    // rendered, the others named; and, in a dry run, those a purge would refuse to leave
    // ("NAME/" a folder, "NAME (lien)" a link).
    std::vector<std::string> files;
    std::vector<std::string> unclassified;
    // What the destruction cites: R6313-7, never for a Belgian bilan (issue 26, item 4).
    std::string source = "R6313-7";
};
// Keeps the synthesis (synthese.md as the person left it, else as rendered now), then destroys the
// content (R6313-7: the documents made for the bilan) that no agreement keeps, under the folder's
// lock, file by file: destruction.toml says "en-cours" with the plan first, "faite" at the end, and
// a rerun finishes an interrupted purge, planned again over what the folder holds then. The end is
// `end`, or the abandonment. RefusedError before the end, after today, and when a file stands in
// the way (one bilan cannot classify, one it may not rewrite: store::DestructionCheck); a file at
// fault stops it too, all before anything is written. With `dry_run`, nothing is.
PurgeReport purge(const store::Store& store, const PurgeOptions& options);

// The files a finished purge left at the top of the folder (store::left_entries: what bilan
// rendered, what it cannot classify, the synthesis no basis keeps), for `check` and `due`:
// "destruction faite" while content remains. Empty before a purge or while one is unfinished.
std::vector<std::string> left_after_purge(const store::Store& store, const BilanRecord& bilan,
                                          const Destruction& destruction);
// "a, b, c": file names on one line.
std::string joined_names(const std::vector<std::string>& names);

} // namespace bilan::ops
