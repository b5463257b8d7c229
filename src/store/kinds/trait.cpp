// A personal trait (traits/ID.toml): an interest, a value, a motivation…
#include "bilan/record_order.hpp"
#include "bilan/substance_views.hpp"
#include "store/kinds/kind.hpp"

namespace bilan::store {
namespace {

Trait read_trait(RecordReader& r) {
    Trait t;
    t.text = r.text("text", true);
    t.kind = r.term("kind", trait_kinds(), "type de caractéristique", true);
    t.note = r.text("note");
    t.origin = r.file();
    return t;
}

Fields write_fields(const Trait& t) {
    return {{"text", t.text}, {"kind", t.kind}, {"note", text_or_none(t.note)}};
}

} // namespace

template <> const RecordKind<Trait>& record_kind() {
    static const RecordKind<Trait> kind{
        .folder = "traits",
        .noun = "caractéristique",
        .removed = "Caractéristique supprimée",
        .record_class = RecordClass::content,
        .list = &Folder::traits,
        .read = [](RecordReader& r, const Framework*) { return read_trait(r); },
        .fields = write_fields,
        .before = listed_before,
        .listed = [](const std::vector<Trait>& r, const Framework&) { return traits_table(r); },
    };
    return kind;
}

} // namespace bilan::store
