#include "bilan/ops/across.hpp"

#include "bilan/errors.hpp"
#include "bilan/ops/common.hpp"
#include "bilan/ops/retention.hpp"
#include "bilan/store.hpp"

#include <algorithm>
#include <atomic>
#include <charconv>
#include <cstdlib>
#include <exception>
#include <set>
#include <thread>
#include <unordered_set>

namespace bilan::ops {
namespace fs = std::filesystem;

namespace {

// A bilan found, as messages show it, and what reading it gave.
struct Slot {
    fs::path path;
    std::string shown;
    std::optional<BilanSummary> summary;
    std::optional<FolderNote> problem, note;
};

// A purge marked done while files remain (R6313-7): destruction was due on its day.
void add_left_after_purge(std::vector<Deadline>& deadlines, const std::vector<std::string>& left,
                          const Destruction& destruction) {
    if (left.empty()) return;
    const auto at = std::find_if(deadlines.begin(), deadlines.end(),
                                 [&](const Deadline& d) { return destruction.date < d.date; });
    deadlines.insert(at, Deadline{"destruction", destruction.date,
                                  "fichiers restés après la purge : " + joined_names(left),
                                  Remedy{"purge", {}}});
}

// The folder's administrative records and action plan under its shared lock, strictly: the
// first bad file stops it. The other content records are counted, not read (store::Reading).
BilanSummary summarize(const fs::path& path, const std::string& shown, const AcrossRequest& request,
                       std::optional<FolderNote>& note) {
    store::Store store(path);
    store.without_format_note();
    const store::ConsistentRead still(store);
    const Loaded loaded = load_everything(store, store::Reading::figures);
    const Framework& framework = loaded.framework;
    const Folder& folder = loaded.folder;
    store::Diagnostics strict;
    const std::optional<Destruction> destruction = store.load_destruction(strict);
    if (store.format() > store::current_format)
        note = FolderNote{shown, "dossier au format " + std::to_string(store.format()) +
                                     ", plus récent que cette version de bilan (format " +
                                     std::to_string(store::current_format) +
                                     ") : lu pour ce qu'elle connaît"};
    BilanSummary summary;
    summary.folder = shown;
    summary.beneficiary = folder.bilan.beneficiary;
    if (request.deadlines) summary.deadlines = deadlines_of(framework, folder, destruction);
    if (request.deadlines && destruction)
        add_left_after_purge(summary.deadlines, left_after_purge(store, folder.bilan, *destruction),
                             *destruction);
    if (request.figures)
        summary.figures = figures_of(framework, folder, request.year, request.today);
    if (request.controls) {
        summary.anomalies = bilan_anomalies(framework, folder, shown, request.today, request.year);
        summary.schedule = counsellor_schedule(folder, shown, request.year);
    }
    if (request.sessions) {
        const fs::path absolute = fs::absolute(path).lexically_normal();
        summary.name = (absolute.has_filename() ? absolute : absolute.parent_path()).filename();
        summary.belgian = framework.name == "be";
        summary.sessions = folder.sessions;
        summary.sessions.insert(summary.sessions.end(), folder.unheld_sessions.begin(),
                                folder.unheld_sessions.end());
    }
    return summary;
}

// An error as one line: its problem in the caller's words, else its message.
std::string error_text(const Error& e, const AcrossRequest& request) {
    return single_line(e.problem() && request.say_problem ? request.say_problem(*e.problem())
                                                          : e.what());
}

void read_slot(Slot& slot, const AcrossRequest& request) {
    try {
        slot.summary = summarize(slot.path, slot.shown, request, slot.note);
    } catch (const Error& e) {
        slot.problem = FolderNote{slot.shown, error_text(e, request)};
    } catch (const std::exception& e) { // a thread must not let anything escape
        slot.problem = FolderNote{slot.shown, single_line(e.what())};
    }
}

// The DIRs to search: as given, else the practice folder above `from`, else `from`.
std::vector<fs::path> search_roots(const AcrossRequest& request) {
    std::vector<fs::path> roots(request.dirs.begin(), request.dirs.end());
    if (roots.empty()) {
        const auto practice = store::locate_practice(request.from);
        roots.push_back(practice ? practice->folder : request.from);
    }
    return roots;
}

// A bilan beyond the levels searched: named, so that it is not silently left out.
FolderNote too_deep_note(const fs::path& bilan, const fs::path& root) {
    return {bilan.lexically_normal().string(),
            "bilan non lu : plus de " + std::to_string(store::bilan_search_depth) +
                " niveaux sous " + root.string() + " ; donnez-le en DIR pour le lire"};
}

// One bilan named twice — by two paths, or through a link — is read once, under the first
// name given: by its device and inode, else (it cannot be looked at) by its name.
class SeenBilans {
public:
    bool first_time(const fs::path& bilan, const std::string& shown) {
        const bool new_name = names_.insert(shown).second;
        const auto identity = store::folder_identity(bilan);
        return identity ? identities_.insert(*identity).second && new_name : new_name;
    }

private:
    std::unordered_set<std::string> names_;
    std::set<store::FolderIdentity> identities_;
};

// The registers of `root` when it is a practice folder that keeps any: a practice without
// them shows no register figures (its report stays as it was before they existed).
// A file of theirs that does not read is a problem of the practice folder (exit 1), its bilans
// read all the same.
void read_practice_registers(const fs::path& root, Across& across, const AcrossRequest& request) {
    std::error_code ec;
    if (!fs::exists(root / "practice.toml", ec)) return;
    if (!fs::exists(root / "reclamations", ec) && !fs::exists(root / "ameliorations", ec)) return;
    try {
        across.registers = read_registers(root);
        across.registers_folder = root.lexically_normal().string();
    } catch (const Error& e) {
        across.problems.push_back({root.lexically_normal().string(), error_text(e, request)});
    }
}

} // namespace

unsigned loading_threads(std::size_t folders) {
    unsigned threads = std::max(1u, std::thread::hardware_concurrency());
    if (const char* forced = std::getenv("BILAN_THREADS"); forced && *forced) {
        unsigned n = 0;
        const char* end = forced + std::char_traits<char>::length(forced);
        if (std::from_chars(forced, end, n).ptr == end && n > 0) threads = n;
    }
    return static_cast<unsigned>(std::min<std::size_t>(threads, std::max<std::size_t>(1, folders)));
}

Across read_bilans(const AcrossRequest& request) {
    store::check_lock_wait(); // a usage error once, not a problem per folder
    Across across;
    std::vector<Slot> slots;
    SeenBilans seen;
    for (const fs::path& root : search_roots(request)) {
        try {
            if (request.registers && !across.registers)
                read_practice_registers(root, across, request);
            store::FoundBilans found = store::find_bilans(root);
            // Say it: "nothing due" would lie about a mistaken folder.
            if (found.bilans.empty() && found.unreadable.empty() && found.too_deep.empty())
                across.notes.push_back({root.string(), "aucun bilan dans ce dossier"});
            for (auto& [dir, reason] : found.unreadable)
                across.problems.push_back({dir.lexically_normal().string(), reason});
            for (const fs::path& bilan : found.too_deep)
                across.notes.push_back(too_deep_note(bilan, root));
            for (fs::path& bilan : found.bilans) {
                std::string shown = bilan.lexically_normal().string();
                if (seen.first_time(bilan, shown)) // one bilan under two DIRs is read once
                    slots.push_back({std::move(bilan), std::move(shown), {}, {}, {}});
            }
        } catch (const Error& e) {
            across.problems.push_back({root.string(), error_text(e, request)});
        }
    }
    across.folders = static_cast<int>(slots.size());

    std::atomic<std::size_t> next{0};
    const auto work = [&] {
        for (std::size_t i; (i = next.fetch_add(1)) < slots.size();)
            read_slot(slots[i], request);
    };
    std::vector<std::jthread> workers;
    const unsigned threads = loading_threads(slots.size());
    for (unsigned t = 1; t < threads; ++t)
        workers.emplace_back(work);
    work();
    for (std::jthread& worker : workers)
        worker.join();

    for (Slot& slot : slots) {
        if (slot.problem) across.problems.push_back(std::move(*slot.problem));
        if (slot.note) across.notes.push_back(std::move(*slot.note));
        if (slot.summary) across.bilans.push_back(std::move(*slot.summary));
    }
    return across;
}

} // namespace bilan::ops
