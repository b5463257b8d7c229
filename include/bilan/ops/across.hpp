// `due` and `report`: many bilans read in one process. The folders are loaded in parallel —
// reading and parsing a few hundred small files each, they are independent, and this is where
// threads pay — each reduced at once to what the command needs (its deadlines, its figures),
// so that memory holds results, never a thousand folders. Results keep the folders' order:
// the same folders give the same bytes whatever the threads did.
#pragma once

#include "bilan/layers.hpp"
#if BILAN_LAYER < BILAN_LAYER_OPS
#error "the core and the store may not include the operations"
#endif

#include "bilan/controls.hpp"
#include "bilan/deadlines.hpp"
#include "bilan/ops/registers.hpp"
#include "bilan/practice_report.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace bilan::ops {

// What to read: DIRs as given (none: `from`'s practice folder, else `from`), `today` for what
// is overdue or due, `year` to scope the figures.
struct AcrossRequest {
    std::vector<std::string> dirs;
    std::filesystem::path from = ".";
    Date today;
    std::optional<int> year;
    bool deadlines = true, figures = true; // what the command needs of each bilan
    bool sessions = false;                 // every session, held or not (`agenda`)
    bool registers = false;                // the practice folder's registers (`report`, `due`)
    bool controls = false;                 // its anomalies and its counsellor's hours (`controle`)
    SayProblem say_problem{};              // words a folder's refusal that carries a problem
};

// One bilan as the commands need it.
struct BilanSummary {
    std::string folder; // as found: "cabinet/dupont"
    std::string beneficiary;
    std::vector<Deadline> deadlines;
    BilanFigures figures;
    // With `sessions` asked for: the folder's own name ("dupont", whatever path named it), its
    // framework's country, and its sessions held, planned and cancelled.
    std::string name;
    bool belgian = false;
    std::vector<Session> sessions;
    // With `controls` asked for: the anomalies of the bilan alone (as of `today`, of `year`),
    // and its counsellor's timed sessions, for the overlaps across bilans.
    std::vector<Anomaly> anomalies;
    CounsellorSchedule schedule;
};

struct Across {
    int folders = 0;                  // bilan folders found, read or not
    std::vector<BilanSummary> bilans; // those read, in path order
    std::vector<FolderNote> problems; // not read: the strict load's message
    std::vector<FolderNote> notes;    // read with a note (a newer format)
    // The registers of the practice folder searched (a DIR holding practice.toml, or the
    // practice found above), when it keeps any: with AcrossRequest::registers only.
    std::optional<Registers> registers;
    std::string registers_folder; // that folder, as messages show it
};

// Reads every bilan the request names. Never writes; never stops at a folder that does not
// load (it becomes a problem). RefusedError only when $BILAN_PRACTICE names no practice.
Across read_bilans(const AcrossRequest& request);

// How many threads load folders: the machine's cores, at least 1 and at most `folders`;
// $BILAN_THREADS (a number from 1) overrides, for measuring.
unsigned loading_threads(std::size_t folders);

} // namespace bilan::ops
