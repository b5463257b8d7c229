// The feuille d'émargement, the first proof of service a funder or a controller asks for (its
// mentions are doctrine: no article lists them): one row per session held with the counsellor,
// to be signed by both. Never a note, a kind of session, a test or anything of the substance: an
// auditor or a financer reads it, and it says only who met whom, when and for how long.
#include "bilan/markdown.hpp"
#include "bilan/proof_documents.hpp"
#include "bilan/typography.hpp"

namespace bilan {

namespace {

md::Letterhead sheet_letterhead(const Folder& folder, const Practice& provider) {
    md::Letterhead head = md::Letterhead::of(folder.bilan, "Feuille d'émargement");
    head.subtitle = "Bilan de compétences";
    head.provider = provider.name;
    head.author = provider.name;
    head.date.reset(); // a sheet is signed session by session, never "handed over" on one day
    return head;
}

std::string phase_cell(const Framework& framework, const Session& s) {
    const Phase* phase = framework.find_phase(s.phase);
    const std::string label = md::line(phase ? phase->label : s.phase);
    return phase && !phase->counted ? typo::with_aside(label, "hors durée du bilan") : label;
}

// A session that starts before noon and ends after the lunch break is signed twice, once per
// half-day: controllers expect a signature each morning and each afternoon.
constexpr TimeOfDay noon{12, 0}, afternoon{13, 30};

bool spans_midday(const Session& s) {
    return s.from && s.to && *s.from<noon&& * s.to> afternoon;
}

// One row per half-day of the session: its times (empty, to fill in by hand, when the folder
// has none) and its duration on the first.
void add_session_rows(std::vector<std::vector<std::string>>& rows, const Framework& framework,
                      const Session& s) {
    const std::string times =
        s.from && s.to ? french_time(*s.from) + " – " + french_time(*s.to) : std::string();
    const std::string date = french_long_date(s.date), phase = phase_cell(framework, s),
                      mode = md::line(term_label(session_modes(), s.mode));
    if (!spans_midday(s)) {
        rows.push_back({date, times, french_hours(s.minutes), phase, mode, "", ""});
        return;
    }
    rows.push_back({date, times + " (matin)", french_hours(s.minutes), phase, mode, "", ""});
    rows.push_back({date, "(après-midi)", "", phase, mode, "", ""});
}

} // namespace

std::string render_attendance_sheet(const Framework& framework, const Folder& folder,
                                    const Practice& provider, int blank_rows) {
    const BilanRecord& b = folder.bilan;
    md::Writer w;
    md::front_matter(w, sheet_letterhead(folder, provider));
    const std::string head = provider_block(provider);
    if (!head.empty()) w.paragraph(head);
    w.heading(2, "Feuille d'émargement — Bilan de compétences");
    std::vector<std::string> people{"**Action :** bilan de compétences",
                                    "**Bénéficiaire :** " + md::line(b.beneficiary)};
    if (!md::blank(b.counsellor))
        people.push_back("**Conseiller·ère :** " + md::line(b.counsellor));
    // A CPF bilan's sheets are matched to its file on the platform by this number.
    if (!md::blank(folder.edof.dossier))
        people.push_back("**Dossier EDOF (Mon Compte Formation) :** " +
                         md::line(folder.edof.dossier));
    w.list(people);
    w.paragraph(blank_rows > 0
                    ? "À remplir à chaque séance avec le conseiller ou la conseillère : date, "
                      "horaires, durée, phase et modalité, puis les deux signatures."
                    : "Chaque séance avec le conseiller ou la conseillère est signée par les "
                      "deux, en présentiel sur cette feuille, à distance par le moyen convenu.");
    std::vector<std::vector<std::string>> rows;
    if (blank_rows > 0)
        rows.assign(static_cast<std::size_t>(blank_rows), std::vector<std::string>(7));
    else
        for (const Session* s : attendance_sessions(folder))
            add_session_rows(rows, framework, *s);
    w.table({"Date", "Horaires", "Durée", "Phase", "Modalité", "Signature bénéficiaire",
             "Signature conseiller·ère"},
            "lllllll", rows);
    return typo::document(w.str());
}

} // namespace bilan
