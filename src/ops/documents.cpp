#include "bilan/ops/documents.hpp"

#include "bilan/markdown.hpp"
#include "bilan/proof_documents.hpp"
#include "bilan/rules.hpp"

namespace bilan::ops {
namespace {

// What a document needs of the folder: the bilan, its framework and its sessions (never the
// substance), read at once.
struct Sessions {
    Framework framework;
    Folder folder;
};

Sessions read_sessions(const store::Store& store) {
    return read_still(store, [](const store::Store& s) {
        store::Diagnostics strict;
        Sessions read;
        read.folder.bilan = s.load_bilan(strict);
        read.framework = s.load_framework(read.folder.bilan, strict);
        read.folder.sessions = s.load_sessions(read.framework, strict);
        read.folder.convention = s.load<Convention>(strict); // the employer, for the certificate
        read.folder.edof = s.load<EdofFile>(strict);         // the CPF file's number, for the sheet
        set_apart_unheld(read.folder);
        return read;
    });
}

// The provider the documents name: the practice folder's identity (its name, else the bilan's
// organisation). What a financer looks for and does not find is said, never made up. A Belgian
// bilan names no French identifier (issue 26, item 4): neither SIRET nor NDA is asked or shown.
Practice provider_of(const store::Store& store, const Framework& framework,
                     const BilanRecord& bilan, std::string_view document, Notes& notes) {
    const bool belgian = certificate_is_attestation(framework);
    store::Diagnostics strict;
    std::optional<Practice> practice = store::find_practice(store, strict);
    // The document by key: "sheet" (la feuille d'émargement) or "certificate".
    const Values named{{"document", std::string(document)}};
    if (!practice) {
        notes.push_back(
            {.code = belgian ? "document.no-practice-named" : "document.no-practice",
             .severity = Severity::warning,
             .values = named,
             .remedy = belgian
                           ? Remedy{"practice.init", {{"folder", {}}, {"name", {}}}}
                           : Remedy{"practice.init",
                                    {{"folder", {}}, {"name", {}}, {"siret", {}}, {"nda", {}}}}});
        Practice none;
        none.name = bilan.organisation;
        return none;
    }
    if (md::blank(practice->name)) practice->name = bilan.organisation;
    if (belgian) {
        practice->siret.clear();
        practice->nda.clear();
        if (md::blank(practice->bce))
            notes.push_back({.code = "document.no-bce",
                             .severity = Severity::warning,
                             .values = named,
                             .remedy = Remedy{"practice.set", {{"bce", {}}}}});
        return *practice;
    }
    practice->bce.clear(); // a French bilan's documents name the French identifiers
    if (md::blank(practice->siret))
        notes.push_back({.code = "document.no-siret",
                         .severity = Severity::warning,
                         .values = named,
                         .remedy = Remedy{"practice.set", {{"siret", {}}}}});
    if (md::blank(practice->nda))
        notes.push_back({.code = "document.no-nda",
                         .severity = Severity::warning,
                         .values = named,
                         .remedy = Remedy{"practice.set", {{"nda", {}}}}});
    return *practice;
}

Notes certificate_notes(const Sessions& read, const std::vector<const Session*>& counted,
                        int realised_minutes, const CertificateOptions& options) {
    const Framework& fw = read.framework;
    const BilanRecord& b = read.folder.bilan;
    const Date& last = counted.back()->date;
    Notes notes;
    if (!b.end &&
        !abandoned_bilan(b)) // abandoned: the last session is the last day, no end to wait for
        notes.push_back({.code = "certificate.no-end",
                         .severity = Severity::warning,
                         .values = {{"last", last.iso()}},
                         .remedy = Remedy{"bilan.set", {{"end", {}}}}});
    if (floor_in_force(fw, b) && !abandoned_bilan(b) && realised_minutes < *fw.floor_minutes)
        notes.push_back(
            {.code = "certificate.under-floor",
             .severity = Severity::warning,
             .values = {{"counted", std::to_string(realised_minutes)},
                        {"kinds", floor_kinds_keys(fw)},
                        {"floor", std::to_string(*fw.floor_minutes)}},
             .source = certificate_is_attestation(fw)
                           ? std::string()
                           : std::string("R6313-4, décret 2026, date d'effet à vérifier")});
    // The same words as status and check: evidence missing for a session held, or a remote
    // one proved by a paper sheet alone.
    std::vector<Session> sessions;
    for (const Session* s : counted)
        sessions.push_back(*s);
    for (Problem& gap : evidence_problems(sessions, options.today)) {
        gap.where.reset(); // said as status says it, without the session's file
        notes.push_back(std::move(gap));
    }
    std::size_t to_come = 0;
    for (const Session* s : counted)
        if (held_with_counsellor(*s) && options.today < s->date) ++to_come;
    if (to_come)
        notes.push_back({.code = "certificate.sessions-to-come",
                         .severity = Severity::notice,
                         .values = {{"count", std::to_string(to_come)}, {"last", last.iso()}}});
    if (options.signed_on && *options.signed_on < last)
        notes.push_back({.code = "certificate.signed-before-last",
                         .severity = Severity::notice,
                         .values = {{"date", options.signed_on->iso()}, {"last", last.iso()}}});
    return notes;
}

} // namespace

Document attendance_sheet(const store::Store& store, int blank_rows,
                          const std::optional<std::string>& session) {
    const std::string id =
        session ? store.resolve_id(store::collection_of<Session>(), *session) : std::string();
    Sessions read = read_sessions(store);
    if (session) {
        // A planned session's sheet is printed before it, to be signed at its end.
        for (const Session& s : read.folder.unheld_sessions) {
            if (s.id != id) continue;
            if (s.state == "annulee") // nobody signs for a session that did not take place
                throw RefusedError(Problem{.code = "sheet.session-cancelled",
                                           .values = {{"session", id}, {"date", s.date.iso()}}});
            read.folder.sessions.push_back(s);
        }
        std::erase_if(read.folder.sessions, [&id](const Session& s) { return s.id != id; });
        if (attendance_sessions(read.folder).empty())
            throw RefusedError(
                Problem{.code = "sheet.session-not-with-counsellor", .values = {{"session", id}}});
    }
    if (blank_rows <= 0 && attendance_sessions(read.folder).empty())
        throw RefusedError(
            Problem{.code = "sheet.no-session", .remedy = Remedy{"emargement", {{"blank", {}}}}});
    Document doc;
    const Practice provider =
        provider_of(store, read.framework, read.folder.bilan, "sheet", doc.notes);
    if (md::blank(read.folder.bilan.counsellor))
        doc.notes.push_back({.code = "sheet.no-counsellor",
                             .severity = Severity::warning,
                             .remedy = Remedy{"bilan.set", {{"counsellor", {}}}}});
    doc.markdown = render_attendance_sheet(read.framework, read.folder, provider, blank_rows);
    return doc;
}

Document certificate(const store::Store& store, const CertificateOptions& options) {
    const Sessions read = read_sessions(store);
    const std::vector<const Session*> counted = counted_sessions(read.framework, read.folder);
    if (counted.empty())
        throw RefusedError(
            Problem{.code = "certificate.no-counted-session", .remedy = Remedy{"session.add", {}}});
    Document doc;
    const Practice provider =
        provider_of(store, read.framework, read.folder.bilan, "certificate", doc.notes);
    if (md::blank(provider.signatory))
        doc.notes.push_back({.code = "certificate.no-signatory",
                             .severity = Severity::warning,
                             .remedy = Remedy{"practice.set", {{"signatory", {}}}}});
    const int realised = hour_report(read.framework, read.folder).floor_counted_minutes;
    const Notes checks = certificate_notes(read, counted, realised, options);
    doc.notes.insert(doc.notes.end(), checks.begin(), checks.end());
    bilan::CertificateRequest request;
    request.signed_on = options.signed_on;
    request.place = options.place ? *options.place : provider.city;
    doc.markdown = render_certificate(read.framework, read.folder, provider, realised, request);
    return doc;
}

} // namespace bilan::ops
