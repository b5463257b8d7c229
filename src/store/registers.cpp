// The practice's registers on disk (reclamations/, ameliorations/): read with the same guards
// as a bilan's records (RecordReader: typos and wrong types at FILE:LINE:COLUMN), written with
// the Transaction's generic record writes, which keep the rest of a file as a person left it.
#include "bilan/store/registers.hpp"

#include "posix_io.hpp"
#include "record_reader.hpp"
#include "toml_text.hpp"

#include <algorithm>

namespace bilan::store {
namespace {

// Administrative records of the practice, not content of a bilan: `purge` never sees them.
constexpr Collection complaints_collection{"reclamations", "réclamation", "Réclamation supprimée"};
constexpr Collection improvements_collection{"ameliorations", "amélioration",
                                             "Amélioration supprimée"};

Collection collection(Register which) {
    return which == Register::complaints ? complaints_collection : improvements_collection;
}

// An entry's name as bilan gives it (8 hex digits, .toml): a conflict copy or a backup beside
// it is not read as a second entry.
bool is_entry_name(std::string_view name) {
    if (!name.ends_with(".toml")) return false;
    const std::string_view id = name.substr(0, name.size() - 5);
    return id.size() == 8 && std::all_of(id.begin(), id.end(), [](char c) {
               return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
           });
}

// Each entry's file of `which`, read by `read` (nullopt when it did not read).
template <typename Entry, typename Read>
std::vector<Entry> load_entries(const Store& practice, Register which, Diagnostics& diagnostics,
                                Read read) {
    const std::string dir(collection(which).folder);
    std::vector<Entry> entries;
    FolderReader folder(practice.root() / dir);
    for (const ListedFile& file : folder.list()) {
        if (!is_entry_name(file.name)) continue;
        const std::string shown = practice.display(dir + "/" + file.name);
        try {
            const std::optional<std::string> text = folder.read_if_exists(file.name, file.regular);
            if (!text) continue; // removed since listed
            const toml::table table = parse_toml(*text, shown);
            RecordReader reader(table, {shown, 0, 0}, diagnostics);
            Entry entry = read(reader);
            entry.id = file.name.substr(0, file.name.size() - 5);
            if (reader.finish()) entries.push_back(std::move(entry));
        } catch (const DataError& e) {
            diagnostics.report({shown, e.where.line, e.where.column}, e.detail);
        }
    }
    std::ranges::sort(entries, [](const Entry& a, const Entry& b) {
        return std::tie(a.date, a.id) < std::tie(b.date, b.id);
    });
    return entries;
}

// A date the reader found, or the epoch when it reported it missing (the entry is dropped).
Date required_date(RecordReader& reader, std::string_view key) {
    return reader.date(key, true).value_or(Date{});
}

Complaint read_complaint(RecordReader& r) {
    Complaint c;
    c.date = required_date(r, "date");
    c.from = r.text("from", true);
    c.channel = r.text("channel", true);
    c.subject = r.text("subject", true);
    c.bilan = r.text("bilan");
    c.answer = r.text("answer");
    c.closed = r.date("closed");
    return c;
}

Improvement read_improvement(RecordReader& r) {
    Improvement i;
    i.date = required_date(r, "date");
    i.source = r.text("source", true);
    i.ref = r.text("ref");
    i.action = r.text("action", true);
    i.owner = r.text("owner", true);
    i.due = r.date("due");
    i.done = r.date("done");
    return i;
}

// A text key written only when it has a value.
void add_text(Fields& fields, std::string key, const std::string& value) {
    if (!value.empty()) fields.push_back({std::move(key), value});
}

} // namespace

std::vector<Complaint> load_complaints(const Store& practice, Diagnostics& diagnostics) {
    return load_entries<Complaint>(practice, Register::complaints, diagnostics, read_complaint);
}

std::vector<Improvement> load_improvements(const Store& practice, Diagnostics& diagnostics) {
    return load_entries<Improvement>(practice, Register::improvements, diagnostics,
                                     read_improvement);
}

std::string resolve_register_id(const Store& practice, Register which, std::string_view id) {
    const std::string dir(collection(which).folder);
    const std::string wanted(id);
    std::vector<std::string> matches;
    FolderReader folder(practice.root() / dir);
    for (const ListedFile& file : folder.list()) {
        if (!is_entry_name(file.name)) continue;
        const std::string name = file.name.substr(0, file.name.size() - 5);
        if (name == wanted) return name;
        if (wanted.size() >= 3 && name.starts_with(wanted)) matches.push_back(name);
    }
    const std::string command = which == Register::complaints ? "reclamation" : "amelioration";
    if (matches.empty())
        throw RefusedError("aucune entrée « " + wanted + " » dans " + practice.display(dir) +
                           " (voir « bilan " + command + " list »)");
    if (matches.size() > 1)
        throw RefusedError("identifiant ambigu « " + wanted + " » : " + matches[0] + ", " +
                           matches[1] + (matches.size() > 2 ? "…" : ""));
    return matches.front();
}

std::string add_complaint(Transaction& transaction, const Complaint& c) {
    Fields fields{
        {"date", c.date}, {"from", c.from}, {"channel", c.channel}, {"subject", c.subject}};
    add_text(fields, "bilan", c.bilan);
    add_text(fields, "answer", c.answer);
    if (c.closed) fields.push_back({"closed", *c.closed});
    return transaction.add_record(complaints_collection, fields);
}

std::string add_improvement(Transaction& transaction, const Improvement& i) {
    Fields fields{{"date", i.date}, {"source", i.source}};
    add_text(fields, "ref", i.ref);
    fields.push_back({"action", i.action});
    fields.push_back({"owner", i.owner});
    if (i.due) fields.push_back({"due", *i.due});
    if (i.done) fields.push_back({"done", *i.done});
    return transaction.add_record(improvements_collection, fields);
}

void close_complaint(Transaction& transaction, const std::string& id, const Date& closed,
                     const std::string& answer) {
    transaction.update_record(complaints_collection, id, {{"answer", answer}, {"closed", closed}});
}

void close_improvement(Transaction& transaction, const std::string& id, const Date& done) {
    transaction.update_record(improvements_collection, id, {{"done", done}});
}

} // namespace bilan::store
