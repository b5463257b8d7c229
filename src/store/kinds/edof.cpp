// edof.toml: the CPF file as declared on the platform (EDOF), format 2.
#include "store/kinds/kind.hpp"

#include <algorithm>

namespace bilan::store {
namespace {

// A reason of edof_reasons() as its key, any other as written.
std::string edof_reason(RecordReader& r) {
    const std::string raw = r.text("reason");
    const Term* term = nullptr;
    for (const Term& candidate : edof_reasons())
        if (fold_term(raw) == candidate.key ||
            std::find(candidate.aliases.begin(), candidate.aliases.end(), fold_term(raw)) !=
                candidate.aliases.end())
            term = &candidate;
    return term ? std::string(term->key) : raw;
}

EdofFile read_edof(RecordReader& r) {
    EdofFile e;
    e.dossier = r.text("dossier");
    e.requested = r.date("requested");
    e.answered = r.date("answered");
    e.validated = r.date("validated");
    e.entry_declared = r.date("entry_declared");
    e.exit_declared = r.date("exit_declared");
    e.service_fait = r.term("service_fait", service_fait_kinds(), "service fait");
    if (auto minutes = r.integer("minutes_not_done", 1, 100000))
        e.minutes_not_done = static_cast<int>(*minutes);
    e.reason = edof_reason(r);
    e.invoiced = r.date("invoiced");
    e.paid = r.date("paid");
    if (e.entry_declared && e.exit_declared && *e.exit_declared < *e.entry_declared)
        r.fail(r.pos("exit_declared"), "la sortie déclarée (" + e.exit_declared->iso() +
                                           ") précède l'entrée déclarée (" +
                                           e.entry_declared->iso() + ")");
    e.origin = r.file();
    e.entry_pos = r.has("entry_declared") ? r.pos("entry_declared") : r.file();
    e.exit_pos = r.has("exit_declared") ? r.pos("exit_declared") : r.file();
    e.service_fait_pos = r.has("service_fait") ? r.pos("service_fait") : r.file();
    return e;
}

Fields write_fields(const EdofFile& e) {
    return {{"dossier", text_or_none(e.dossier)},
            {"requested", date_or_none(e.requested)},
            {"answered", date_or_none(e.answered)},
            {"validated", date_or_none(e.validated)},
            {"entry_declared", date_or_none(e.entry_declared)},
            {"exit_declared", date_or_none(e.exit_declared)},
            {"service_fait", text_or_none(e.service_fait)},
            {"minutes_not_done", int_or_none(e.minutes_not_done)},
            {"reason", text_or_none(e.reason)},
            {"invoiced", date_or_none(e.invoiced)},
            {"paid", date_or_none(e.paid)}};
}

} // namespace

template <> const FileKind<EdofFile>& file_kind() {
    static const FileKind<EdofFile> kind{
        .file = "edof.toml",
        .header = "# Dossier CPF tel que déclaré sur EDOF (Mon Compte Formation) :\n"
                  "# « bilan edof set » ou à la main ; commentaires conservés.\n",
        .read = read_edof,
        .fields = write_fields,
        .member = &Folder::edof,
        // A version of format 1 would call edof.toml an unknown file.
        .format = [](const EdofFile&) { return edof_format; },
    };
    return kind;
}

} // namespace bilan::store
