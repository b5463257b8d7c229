// An action of the plan (actions/ID.toml): its horizon, due date, and whether it is done.
#include "bilan/record_order.hpp"
#include "bilan/substance_views.hpp"
#include "store/kinds/kind.hpp"

namespace bilan::store {
namespace {

Action read_action(RecordReader& r) {
    Action a;
    a.text = r.text("text", true);
    a.horizon = r.term("horizon", action_horizons(), "horizon", true);
    a.due = r.date("due");
    a.done = r.flag("done");
    a.origin = r.file();
    return a;
}

Fields write_fields(const Action& a) {
    return {{"text", a.text},
            {"horizon", a.horizon},
            {"due", date_or_none(a.due)},
            {"done", true_or_none(a.done)}};
}

} // namespace

template <> const RecordKind<Action>& record_kind() {
    static const RecordKind<Action> kind{
        .folder = "actions",
        .noun = "action",
        .removed = "Action supprimée",
        .record_class = RecordClass::content,
        .list = &Folder::actions,
        .read = [](RecordReader& r, const Framework*) { return read_action(r); },
        .fields = write_fields,
        .before = listed_before,
        .listed = [](const std::vector<Action>& r, const Framework&) { return actions_table(r); },
    };
    return kind;
}

} // namespace bilan::store
