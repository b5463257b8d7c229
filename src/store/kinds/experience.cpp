// An experience (experiences/ID.toml): a job, a training, an activity, with its dates.
#include "bilan/record_order.hpp"
#include "bilan/substance_views.hpp"
#include "store/kinds/kind.hpp"

namespace bilan::store {
namespace {

Experience read_experience(RecordReader& r) {
    Experience e;
    e.title = r.text("title", true);
    e.kind = r.term("kind", experience_kinds(), "type d'expérience", true);
    e.org = r.text("org");
    e.from = r.date("from");
    e.to = r.date("to");
    check_order(r, e.from, e.to, "to");
    e.note = r.text("note");
    e.origin = r.file();
    return e;
}

Fields write_fields(const Experience& e) {
    return {{"title", e.title},           {"kind", e.kind},
            {"org", text_or_none(e.org)}, {"from", date_or_none(e.from)},
            {"to", date_or_none(e.to)},   {"note", text_or_none(e.note)}};
}

} // namespace

template <> const RecordKind<Experience>& record_kind() {
    static const RecordKind<Experience> kind{
        .folder = "experiences",
        .noun = "expérience",
        .removed = "Expérience supprimée",
        .record_class = RecordClass::content,
        .list = &Folder::experiences,
        .read = [](RecordReader& r, const Framework*) { return read_experience(r); },
        .fields = write_fields,
        .before = listed_before,
        .listed = [](const std::vector<Experience>& r,
                     const Framework&) { return experiences_table(r); },
    };
    return kind;
}

} // namespace bilan::store
