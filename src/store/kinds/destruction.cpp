// destruction.toml: what `purge` destroyed and when (R6313-7), categories and counts, never
// content; written whole by Transaction::write (format 3).
#include "store/codec.hpp"
#include "store/kinds/kind.hpp"

namespace bilan::store {

std::vector<std::string> destruction_categories() {
    std::vector<std::string> all;
    for (const Collection& c : record_collections())
        if (c.record_class == RecordClass::content) all.emplace_back(c.folder);
    for (const char* more : {"project", "session_notes", "bilan_fields", "synthesis_files",
                             "rendered_files", "other_files"})
        all.emplace_back(more);
    return all;
}

Destruction read_destruction(RecordReader& r) {
    Destruction d;
    const std::string state = r.text("state", true);
    if (state != "faite" && state != "en-cours" && !state.empty())
        r.fail(r.pos("state"),
               "état « " + state + " » inconnu : attendu « faite » ou « en-cours »");
    d.done = state == "faite";
    d.date = r.date("date", true).value_or(Date{});
    for (const std::string& category : destruction_categories())
        if (auto n = r.integer(category, 0, 1'000'000))
            d.destroyed.emplace_back(category, static_cast<int>(*n));
    d.kept = r.texts("kept");
    d.synthesis_kept_until = r.date("synthesis_kept_until");
    d.documents_kept_until = r.date("documents_kept_until");
    d.synthesis_basis = r.term("synthesis_basis", retention_motifs(), "motif de conservation");
    d.documents_basis = r.term("documents_basis", retention_motifs(), "motif de conservation");
    d.synthesis_destroyed = r.date("synthesis_destroyed");
    d.origin = r.file();
    return d;
}

template <> Fields fields_of(const Destruction& d) {
    Fields fields{{"state", std::string(d.done ? "faite" : "en-cours")}, {"date", d.date}};
    for (const auto& [category, count] : d.destroyed)
        fields.push_back({category, std::int64_t{count}});
    fields.push_back({"kept", list_or_none(d.kept)});
    fields.push_back({"synthesis_kept_until", date_or_none(d.synthesis_kept_until)});
    fields.push_back({"documents_kept_until", date_or_none(d.documents_kept_until)});
    fields.push_back({"synthesis_basis", text_or_none(d.synthesis_basis)});
    fields.push_back({"documents_basis", text_or_none(d.documents_basis)});
    fields.push_back({"synthesis_destroyed", date_or_none(d.synthesis_destroyed)});
    return fields;
}
} // namespace bilan::store
