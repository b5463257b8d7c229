// The practice's figures across bilans (the BPF, L6352-11; Qualiopi, L6316-1): what `bilan report`
// prints. Each bilan is first reduced to its BilanFigures (small, whatever the folder's size),
// which are then added up in the folders' order; so a thousand folders cost their figures, not
// their content, and the same folders give the same bytes.
#pragma once

#include "bilan/framework.hpp"
#include "bilan/funding.hpp"
#include "bilan/model.hpp"
#include "bilan/registers.hpp"

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace bilan {

// One evaluation as the figures need it: no comment, no answer but the two counted.
struct EvaluationFigure {
    std::string kind; // chaud, froid
    int satisfaction = 0;
    std::string situation; // froid: its `situation` answer, or empty
    std::string projet;    // froid: its `projet` answer, or empty
    std::string by;        // empty: the beneficiary's; financeur, employeur (Qualiopi ind. 30)
};

// One bilan's share of the figures, for the year asked (every date when none).
struct BilanFigures {
    bool in_scope = false; // a held session of a counted phase in the year (any bilan without)
    bool belgian = false;  // the `be` framework: never in the BPF nor the Qualiopi figures
    std::string funding;   // the framework's key, or "non-renseigne"
    // The date falls in the year, and on or before `today`. An abandoned bilan never ended: the
    // end it may also have set does not make it completed.
    bool started = false, ended = false, abandoned = false;
    std::int64_t accompaniment_minutes = 0; // counted phases, with the counsellor, in the year
    int appointments = 0;                   // those sessions
    bool floor_breach = false;              // ended in the year under the framework's floor
    bool cap_breach = false;                // in scope and over the framework's cap
    std::string counsellor;
    bool counsellor_external = false; // the practice names the counsellor as external
    // The BPF's line F-1 by the beneficiary's public ("a" … "e"); empty: not known. Jobseekers
    // that financing.toml declares go to c when no public is set.
    std::string f1_line;
    bool remote = false; // in scope, and at least one accompaniment session of the year remote
    std::vector<EvaluationFigure> evaluations;           // dated in the year
    bool chaud_expected = false, chaud_answered = false; // ended in the year
    bool froid_expected = false, froid_answered = false; // à froid due in the year, by `today`
    // The financing's parts, counted in the year of the invoice (edof.toml), else of the end; a
    // CPF file's every part is the platform's (the holder's participation included).
    std::vector<FundingPart> income;
};

BilanFigures figures_of(const Framework& framework, const Folder& folder, std::optional<int> year,
                        const Date& today);

struct EvaluationTotals {
    int responses = 0;
    int satisfaction_sum = 0;
    int satisfied = 0; // 4 or 5
    std::map<std::string, int> situations;
    int projet_answers = 0, projet_moving = 0; // moving: realise or en-cours
};

struct FundingTotals {
    int bilans = 0;
    std::int64_t accompaniment_minutes = 0;
};

// A folder `report` or `due` could not read (`message` as the strict load says it), or read
// with a note (a newer format).
struct FolderNote {
    std::string folder;
    std::string message;
    // One line for a terminal: the message alone when it already names a file of the folder
    // ("cabinet/casse/sessions/x.toml:1:10: …"), else "FOLDER : MESSAGE".
    std::string line() const;
};

class JsonWriter;
// `"key": [{"folder","message"}…]`, for `report` and `due` alike.
void write_folder_notes(JsonWriter& json, std::string_view key,
                        const std::vector<FolderNote>& notes);

// Figures added up over some bilans: all of them, the French ones (the BPF, Qualiopi), the
// Belgian ones.
struct Tally {
    int bilans = 0; // in scope
    int started = 0, ended = 0, abandoned = 0;
    std::int64_t accompaniment_minutes = 0;
    int appointments = 0;
    std::map<std::string, FundingTotals> by_funding;
    EvaluationTotals chaud, froid;         // the beneficiaries'
    EvaluationTotals financeur, employeur; // the other stakeholders' (Qualiopi ind. 30)
    int floor_breaches = 0, cap_breaches = 0;
    int chaud_expected = 0, chaud_answered = 0, froid_expected = 0, froid_answered = 0;
    // BPF frame E: the people named in bilan.toml, internal or external to the provider, and
    // the hours of their bilans; a bilan naming nobody is the provider's own.
    std::set<std::string> internal_counsellors, external_counsellors;
    int unnamed = 0; // bilans in scope without a counsellor's name
    std::int64_t internal_minutes = 0, external_minutes = 0;
    // BPF frame F-1, lines a to e, and the bilans whose public is unknown.
    std::array<int, 5> f1_count{};
    std::array<std::int64_t, 5> f1_minutes{};
    int f1_unknown = 0;
    int remote = 0;
    std::map<std::string, std::int64_t> income_cents; // by payer

    void add(const BilanFigures& bilan);
};

struct PracticeReport {
    std::optional<int> year;
    int folders = 0; // bilan folders found, read or not
    Tally all, france, belgium;
    // The folders behind each figure, by the figure's key ("bpf.f1a_count"), in the order
    // added: what `report --detail` prints.
    std::map<std::string, std::vector<std::string>> detail;
    bool with_detail = false;
    std::vector<FolderNote> problems, notes;
    // The practice folder's registers (Qualiopi 31, 32), when it keeps any: `registers` in
    // the JSON and the CSV, a table of its own in Markdown.
    std::optional<RegisterFigures> registers;

    void add(const BilanFigures& bilan, const std::string& folder = {});
};

// `report --json` (schema 1), its Markdown tables, its CSV (`indicateur,valeur`).
std::string report_json(const PracticeReport& report);
std::string report_markdown(const PracticeReport& report);
std::string report_csv(const PracticeReport& report);
// `report --bpf`: the BPF's lines alone, each named as cerfa 10443 names it, in the order the
// online form asks for them: a Markdown table (hours, amounts as French writes them) and a CSV
// (`cle,ligne,valeur,unite`, minutes and cents as the JSON gives them).
std::string bpf_markdown(const PracticeReport& report);
std::string bpf_csv(const PracticeReport& report);

} // namespace bilan
