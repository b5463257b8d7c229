// Each record's TOML keys, in the one order bilan writes them: the file format lives here.
#pragma once

#include "bilan/store.hpp"
#include "record_reader.hpp"

namespace bilan::store {

BilanRecord read_bilan(RecordReader& r);
Framework read_framework(RecordReader& r, Diagnostics& diagnostics);
Session read_session(RecordReader& r, const Framework& framework);
Skill read_skill(RecordReader& r);
Experience read_experience(RecordReader& r);
Trait read_trait(RecordReader& r);
TestResult read_test(RecordReader& r);
Piste read_piste(RecordReader& r, Diagnostics& diagnostics);
Project read_project(RecordReader& r);
Action read_action(RecordReader& r);
Consent read_consent(RecordReader& r);
Practice read_practice(RecordReader& r);

} // namespace bilan::store
