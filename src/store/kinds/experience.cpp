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
    e.from = r.date_or_month("from", e.from_month);
    e.to = r.date_or_month("to", e.to_month);
    check_order(r, e.from, e.to, "to");
    e.note = r.text("note");
    e.origin = r.file();
    return e;
}

// A month is written "2008-09", a string: TOML has no month.
std::optional<Value> date_or_month(const std::optional<Date>& date, bool month) {
    if (!date) return std::nullopt;
    if (month) return Value{iso_month(*date)};
    return Value{*date};
}

Fields write_fields(const Experience& e) {
    return {{"title", e.title},
            {"kind", e.kind},
            {"org", text_or_none(e.org)},
            {"from", date_or_month(e.from, e.from_month)},
            {"to", date_or_month(e.to, e.to_month)},
            {"note", text_or_none(e.note)}};
}

// A month came with format 5: an older version reads "2008-09" as no date.
int format_needed_by(const Experience& e) {
    return e.from_month || e.to_month ? months_format : first_format;
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
        .format = format_needed_by,
    };
    return kind;
}

} // namespace bilan::store
