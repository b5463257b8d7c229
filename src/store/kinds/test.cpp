// A test taken (tests/ID.toml): its instrument, date and result.
#include "bilan/record_order.hpp"
#include "bilan/substance_views.hpp"
#include "store/kinds/kind.hpp"

namespace bilan::store {
namespace {

TestResult read_test(RecordReader& r) {
    TestResult t;
    t.instrument = r.text("instrument", true);
    t.date = r.date("date", true).value_or(Date{});
    t.result = r.text("result", true);
    t.note = r.text("note");
    t.origin = r.file();
    return t;
}

Fields write_fields(const TestResult& t) {
    return {{"instrument", t.instrument},
            {"date", t.date},
            {"result", t.result},
            {"note", text_or_none(t.note)}};
}

} // namespace

template <> const RecordKind<TestResult>& record_kind() {
    static const RecordKind<TestResult> kind{
        .folder = "tests",
        .noun = "test",
        .removed = "Test supprimé",
        .record_class = RecordClass::content,
        .list = &Folder::tests,
        .read = [](RecordReader& r, const Framework*) { return read_test(r); },
        .fields = write_fields,
        .before = listed_before,
        .listed = [](const std::vector<TestResult>& r, const Framework&) { return tests_table(r); },
    };
    return kind;
}

} // namespace bilan::store
