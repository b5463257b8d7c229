// The operations of the evaluations à chaud and à froid (Qualiopi indicators 11 and 30,
// décret 2019-564): adding one checks its answers against the practice's question sets. `list`
// and `rm` are the common ones (ops/common.hpp, remove_record).
#pragma once

#include "bilan/layers.hpp"
#if BILAN_LAYER < BILAN_LAYER_OPS
#error "the core and the store may not include the operations"
#endif

#include "bilan/ops/common.hpp"

namespace bilan::ops {

// Adds `evaluation` (its kind resolved, its satisfaction and answers parsed by the command)
// and announces its id. Its answers are checked against the question set of its kind
// (practice.toml's [questions], else the default one): an unknown key or a value out of its
// domain is kept as given and said in the notes, never refused; so is a date that does not
// fit (before the start; à froid before the end).
Notes add_evaluation(const store::Store& store, Evaluation evaluation, const OnAdded& on_added);

} // namespace bilan::ops
