// `bilan controle`: the anomalies a controller looks for across the bilans of a practice
// (controls.hpp), read as `due` reads the folders (ops::read_bilans). Reading only: no write,
// no write lock.
#pragma once

#include "bilan/layers.hpp"
#if BILAN_LAYER < BILAN_LAYER_OPS
#error "the core and the store may not include the operations"
#endif

#include "bilan/controls.hpp"
#include "bilan/ops/across.hpp"

#include <vector>

namespace bilan::ops {

struct Controls {
    std::vector<Anomaly> anomalies;   // sorted (sort_anomalies)
    std::vector<FolderNote> problems; // folders not read
    std::vector<FolderNote> notes;    // read with a note, or no bilan found
};

// The anomalies of the bilans `request` names, each bilan's own and the overlaps between them,
// as of its `today`, of its `year` when given.
Controls read_controls(AcrossRequest request);

} // namespace bilan::ops
