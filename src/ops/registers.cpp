// The practice's registers: what an entry must say, checked before any lock, then written under
// the practice folder's lock.
#include "bilan/ops/registers.hpp"

#include "bilan/spelling.hpp"
#include "bilan/values.hpp"

#include <algorithm>

namespace bilan::ops {
namespace {

store::Store practice_store(const std::filesystem::path& from) {
    if (auto where = store::locate_practice(from)) return store::Store(where->folder);
    throw RefusedError(Problem{.code = "practice.none",
                               .values = {{"from", from.string()}},
                               .remedy = Remedy{"practice.init", {{"folder", {}}, {"name", {}}}}});
}

// A text an entry needs: not empty, one line (a register is read as a table).
std::string one_line(const std::string& text, std::string_view what, bool required = true) {
    if (text.empty()) {
        if (required) throw UsageError(std::string(what) + " ne peut pas être vide");
        return text;
    }
    require_typed_text(text, what);
    if (text.find_first_of("\r\n") != std::string::npos)
        throw UsageError(std::string(what) + " : une seule ligne");
    return text;
}

std::string term(const std::string& typed, std::span<const std::string_view> terms,
                 std::string_view what) {
    if (std::ranges::find(terms, typed) != terms.end()) return typed;
    std::vector<std::string> names(terms.begin(), terms.end());
    throw UsageError(std::string(what) + " : « " + typed + " » inconnu" +
                     expected_one_of(typed, names));
}

void refuse_future(const Date& date, const Date& today, std::string_view what) {
    if (date > today)
        throw RefusedError(std::string(what) + " : " + date.iso() + " est après aujourd'hui (" +
                           today.iso() + ")");
}

void refuse_before(const Date& date, const Date& opened, std::string_view what) {
    if (date < opened)
        throw RefusedError(std::string(what) + " : " + date.iso() + " précède l'enregistrement (" +
                           opened.iso() + ")");
}

template <typename Entry>
const Entry& find_entry(const std::vector<Entry>& entries, const std::string& id) {
    const auto it = std::ranges::find(entries, id, &Entry::id);
    if (it == entries.end()) throw RefusedError("« " + id + " » ne se lit pas");
    return *it;
}

} // namespace

std::string add_complaint(const std::filesystem::path& from, Complaint c, const Date& today) {
    c.subject = one_line(c.subject, "l'objet de la réclamation");
    c.from = one_line(c.from, "--de");
    c.channel = term(c.channel, complaint_channels(), "--canal");
    c.bilan = one_line(c.bilan, "--bilan", false);
    refuse_future(c.date, today, "--date");
    const store::Store practice = practice_store(from);
    store::Transaction transaction(practice);
    return store::add_complaint(transaction, c);
}

std::string add_improvement(const std::filesystem::path& from, Improvement i, const Date& today) {
    i.action = one_line(i.action, "l'action d'amélioration");
    i.owner = one_line(i.owner, "--responsable");
    i.source = term(i.source, improvement_sources(), "--source");
    i.ref = one_line(i.ref, "--ref", false);
    refuse_future(i.date, today, "--date");
    if (i.due) refuse_before(*i.due, i.date, "--echeance");
    const store::Store practice = practice_store(from);
    store::Transaction transaction(practice);
    return store::add_improvement(transaction, i);
}

void close_complaint(const std::filesystem::path& from, const std::string& id, const Date& date,
                     const std::string& answer, const Date& today) {
    const std::string checked = one_line(answer, "--reponse");
    refuse_future(date, today, "--date");
    const store::Store practice = practice_store(from);
    store::Transaction transaction(practice);
    const std::string full = store::resolve_register_id(practice, store::Register::complaints, id);
    store::Diagnostics strict;
    const std::vector<Complaint> entries = store::load_complaints(practice, strict);
    const Complaint& c = find_entry(entries, full);
    if (c.closed)
        throw RefusedError("la réclamation " + full + " est close depuis le " + c.closed->iso());
    refuse_before(date, c.date, "--date");
    store::close_complaint(transaction, full, date, checked);
}

void close_improvement(const std::filesystem::path& from, const std::string& id, const Date& date,
                       const Date& today) {
    refuse_future(date, today, "--date");
    const store::Store practice = practice_store(from);
    store::Transaction transaction(practice);
    const std::string full =
        store::resolve_register_id(practice, store::Register::improvements, id);
    store::Diagnostics strict;
    const std::vector<Improvement> entries = store::load_improvements(practice, strict);
    const Improvement& i = find_entry(entries, full);
    if (i.done)
        throw RefusedError("l'amélioration " + full + " est faite depuis le " + i.done->iso());
    refuse_before(date, i.date, "--date");
    store::close_improvement(transaction, full, date);
}

std::vector<Complaint> list_complaints(const std::filesystem::path& from) {
    const store::Store practice = practice_store(from);
    const store::ConsistentRead still(practice);
    store::Diagnostics strict;
    return store::load_complaints(practice, strict);
}

std::vector<Improvement> list_improvements(const std::filesystem::path& from) {
    const store::Store practice = practice_store(from);
    const store::ConsistentRead still(practice);
    store::Diagnostics strict;
    return store::load_improvements(practice, strict);
}

Registers read_registers(const std::filesystem::path& practice_dir) {
    std::error_code ec;
    if (!std::filesystem::exists(practice_dir / "practice.toml", ec)) return {};
    const store::Store practice(practice_dir);
    const store::ConsistentRead still(practice);
    store::Diagnostics strict;
    return {store::load_complaints(practice, strict), store::load_improvements(practice, strict)};
}

} // namespace bilan::ops
