// The operations of the CPF file (edof.toml): `edof set` and `edof show`. bilan never talks
// to the platform: it records what the counsellor declared there, and reminds the deadlines.
#pragma once

#include "bilan/layers.hpp"
#if BILAN_LAYER < BILAN_LAYER_OPS
#error "the core and the store may not include the operations"
#endif

#include "bilan/ops/common.hpp"

#include <optional>
#include <string>

namespace bilan::ops {

// `edof set`: each field given replaces the file's (nullopt: left as it is); an empty text or
// an absent date removes it. Values come parsed: dates, a service fait of service_fait_kinds()
// (or empty), a reason of edof_reasons() as its key or a text, a duration in minutes.
struct EdofEdit {
    std::optional<std::string> dossier;
    std::optional<std::optional<Date>> requested, answered, validated;
    std::optional<std::optional<Date>> entry_declared, exit_declared;
    std::optional<std::string> service_fait;
    std::optional<std::optional<int>> minutes_not_done;
    std::optional<std::string> reason;
    std::optional<std::optional<Date>> invoiced, paid;
    bool empty() const {
        return !dossier && !requested && !answered && !validated && !entry_declared &&
               !exit_declared && !service_fait && !minutes_not_done && !reason && !invoiced &&
               !paid;
    }
};

// Applies `edit` under the folder's lock. Refused (RefusedError, nothing written): an exit
// declared before the entry; minutes not done or a reason for a service fait that is not
// partial. Returns what the file now says against the rules (a late declaration, a partial
// service fait without its reason…) and a CPF file in a bilan that is none, one note each.
Notes set_edof(const store::Store& store, const EdofEdit& edit);

// `edof show`: the bilan's framework and what the rules need (the bilan, its sessions, the CPF
// file, its practice's calendar), read under the folder's shared lock.
Loaded read_edof(const store::Store& store);

} // namespace bilan::ops
