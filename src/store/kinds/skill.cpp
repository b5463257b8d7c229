// A skill (skills/ID.toml): what the beneficiary knows how to do, and where it comes from.
#include "bilan/record_order.hpp"
#include "bilan/substance_views.hpp"
#include "store/kinds/kind.hpp"

namespace bilan::store {
namespace {

Skill read_skill(RecordReader& r) {
    Skill k;
    k.text = r.text("text", true);
    k.type = r.term("type", skill_types(), "type de compétence", true);
    k.domain = r.text("domain");
    k.source = r.text("source");
    k.experience = r.text("experience");
    k.experience_pos = r.pos("experience");
    k.evidence = r.text("evidence");
    k.transferable = r.flag("transferable");
    k.origin = r.file();
    return k;
}

Fields write_fields(const Skill& k) {
    return {{"text", k.text},
            {"type", k.type},
            {"domain", text_or_none(k.domain)},
            {"source", text_or_none(k.source)},
            {"experience", text_or_none(k.experience)},
            {"evidence", text_or_none(k.evidence)},
            {"transferable", true_or_none(k.transferable)}};
}

} // namespace

template <> const RecordKind<Skill>& record_kind() {
    static const RecordKind<Skill> kind{
        .folder = "skills",
        .noun = "compétence",
        .removed = "Compétence supprimée",
        .record_class = RecordClass::content,
        .list = &Folder::skills,
        .read = [](RecordReader& r, const Framework*) { return read_skill(r); },
        .fields = write_fields,
        .before = listed_before,
        .listed = [](const std::vector<Skill>& r, const Framework&) { return skills_table(r); },
    };
    return kind;
}

} // namespace bilan::store
