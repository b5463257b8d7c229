#include "codec.hpp"

#include "bilan/calendar.hpp"
#include "bilan/evaluations.hpp"
#include "bilan/provider_ids.hpp"
#include "bilan/synthesis.hpp"

#include <algorithm>
#include <array>
#include <set>
#include <stdexcept>
#include <tuple>

namespace bilan::store {
namespace {

std::optional<Value> text_or_none(const std::string& text) {
    return text.empty() ? std::nullopt : std::optional<Value>(text);
}
std::optional<Value> date_or_none(const std::optional<Date>& date) {
    return date ? std::optional<Value>(*date) : std::nullopt;
}
std::optional<Value> list_or_none(const std::vector<std::string>& items) {
    return items.empty() ? std::nullopt : std::optional<Value>(items);
}
std::optional<Value> int_or_none(const std::optional<int>& n) {
    return n ? std::optional<Value>(std::int64_t{*n}) : std::nullopt;
}
std::optional<Value> true_or_none(bool flag) {
    return flag ? std::optional<Value>(true) : std::nullopt;
}

void check_order(RecordReader& r, const std::optional<Date>& from, const std::optional<Date>& to,
                 std::string_view to_key) {
    if (from && to && *to < *from)
        r.fail(r.pos(to_key),
               "la date de fin (" + to->iso() + ") précède celle de début (" + from->iso() + ")");
}

} // namespace

// ---- bilan.toml --------------------------------------------------------------------------

BilanRecord read_bilan(RecordReader& r) {
    BilanRecord b;
    r.integer("format", 1, 1'000'000); // checked, and read by Store::format()
    b.beneficiary = r.text("beneficiary", true);
    b.framework = r.text("framework");
    if (b.framework.empty()) b.framework = "fr";
    b.start = r.date("start");
    b.end = r.date("end");
    // Checked against the framework once it is loaded (Store::load_framework): each framework
    // names its own fundings.
    b.funding = r.text("funding");
    b.funding_origin = r.pos("funding");
    b.counsellor = r.text("counsellor");
    b.organisation = r.text("organisation");
    b.demand = r.text("demand");
    b.expectations = r.text("expectations");
    b.situation = r.text("situation");
    b.circumstances = r.text("circumstances");
    b.handover = r.date("handover");
    b.handover_mode = r.term("handover_mode", handover_modes(), "mode de remise");
    b.abandoned = r.date("abandoned");
    b.abandon_reason = r.text("abandon_reason");
    b.retention_agreed = r.date("retention_agreed");
    b.retention_scope = r.text("retention_scope");
    if (!b.retention_scope.empty() && b.retention_scope != "documents")
        r.fail(r.pos("retention_scope"), "portée de conservation « " + b.retention_scope +
                                             " » inconnue : attendu « documents »");
    b.retention_until = r.date("retention_until");
    check_order(r, b.start, b.end, "end");
    check_order(r, b.retention_agreed, b.retention_until, "retention_until");
    for (const auto& [date, key, what] : {std::tuple{&b.handover, "handover", "la remise"},
                                          std::tuple{&b.abandoned, "abandoned", "l'abandon"}})
        if (b.start && *date && **date < *b.start)
            r.fail(r.pos(key), std::string(what) + " (" + (*date)->iso() +
                                   ") précède le début du bilan (" + b.start->iso() + ")");
    b.origin = r.file();
    b.framework_origin = r.pos("framework");
    return b;
}

Fields write_fields(const BilanRecord& b) {
    // A new folder is of the first format; the writes that need a later one raise it.
    return {{"format", std::int64_t{first_format}},
            {"beneficiary", b.beneficiary},
            {"framework", b.framework},
            {"start", date_or_none(b.start)},
            {"end", date_or_none(b.end)},
            {"funding", text_or_none(b.funding)},
            {"counsellor", text_or_none(b.counsellor)},
            {"organisation", text_or_none(b.organisation)},
            {"demand", text_or_none(b.demand)},
            {"expectations", text_or_none(b.expectations)},
            {"situation", text_or_none(b.situation)},
            {"circumstances", text_or_none(b.circumstances)},
            {"handover", date_or_none(b.handover)},
            {"handover_mode", text_or_none(b.handover_mode)},
            {"abandoned", date_or_none(b.abandoned)},
            {"abandon_reason", text_or_none(b.abandon_reason)},
            {"retention_agreed", date_or_none(b.retention_agreed)},
            {"retention_scope", text_or_none(b.retention_scope)},
            {"retention_until", date_or_none(b.retention_until)}};
}

int format_needed(const BilanRecord& b) {
    const bool end_keys =
        b.handover || !b.handover_mode.empty() || b.abandoned || !b.abandon_reason.empty();
    const bool retention = b.retention_agreed || b.retention_until || !b.retention_scope.empty();
    return end_keys || retention ? 3 : first_format;
}

// ---- destruction.toml (what `purge` destroyed) ---------------------------------------------

std::vector<std::string> destruction_categories() {
    std::vector<std::string> all;
    for (const Collection& c : record_collections())
        if (c.record_class == RecordClass::content) all.emplace_back(c.folder);
    for (const char* more : {"project", "session_notes", "bilan_fields"})
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
    d.origin = r.file();
    return d;
}

Fields write_fields(const Destruction& d) {
    Fields fields{{"state", std::string(d.done ? "faite" : "en-cours")}, {"date", d.date}};
    for (const auto& [category, count] : d.destroyed)
        fields.push_back({category, std::int64_t{count}});
    fields.push_back({"kept", list_or_none(d.kept)});
    fields.push_back({"synthesis_kept_until", date_or_none(d.synthesis_kept_until)});
    fields.push_back({"documents_kept_until", date_or_none(d.documents_kept_until)});
    return fields;
}

// ---- frameworks --------------------------------------------------------------------------

namespace {
bool valid_phase_key(std::string_view key) {
    if (key.empty()) return false;
    for (char c : key)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
    return true;
}
std::optional<int> minutes_or_none(RecordReader& r, std::string_view key, std::int64_t min) {
    auto n = r.integer(key, min, 100000);
    return n ? std::optional<int>(static_cast<int>(*n)) : std::nullopt;
}
} // namespace

namespace {
// An alias names one phase: equal to another phase's key, or to another phase's alias, it
// would file `--phase investigation` under a phase that is not investigation.
template <typename Alias>
void check_aliases(RecordReader& r, const Framework& fw, const std::vector<Alias>& aliases) {
    for (std::size_t i = 0; i < aliases.size(); ++i) {
        const Alias& a = aliases[i];
        const std::string start = "alias « " + a.text + " » de la phase « " + a.phase + " » : ";
        for (const Phase& other : fw.phases)
            if (other.key != a.phase && fold_term(other.key) == a.folded)
                r.fail(a.where, start + "c'est la clé de la phase « " + other.key + " »");
        for (std::size_t j = 0; j < i; ++j)
            if (aliases[j].phase != a.phase && aliases[j].folded == a.folded)
                r.fail(a.where, start + "déjà un alias de la phase « " + aliases[j].phase + " »");
    }
}
} // namespace

Framework read_framework(RecordReader& r, Diagnostics& diagnostics) {
    Framework fw;
    fw.name = r.text("name");
    fw.label = r.text("label");
    fw.notice = r.text("notice");
    fw.cap_minutes = minutes_or_none(r, "cap_minutes", 1);
    fw.floor_minutes = minutes_or_none(r, "floor_minutes", 1);
    if (auto kinds = r.texts("floor_kinds"); !kinds.empty()) {
        fw.floor_kinds.clear();
        for (const auto& kind : kinds) {
            try {
                fw.floor_kinds.emplace_back(resolve_term(session_kinds(), kind, "type de séance"));
            } catch (const UsageError& e) {
                r.fail(r.pos("floor_kinds"), e.what());
            }
        }
    }
    fw.min_sessions = minutes_or_none(r, "min_sessions", 1);
    fw.max_months = minutes_or_none(r, "max_months", 1);
    fw.followup_months = minutes_or_none(r, "followup_months", 1);
    fw.followup_within_months = minutes_or_none(r, "followup_within_months", 1);
    std::set<std::string> keys;
    struct Alias {
        std::string folded, text, phase;
        SourcePos where;
    };
    std::vector<Alias> aliases;
    for (const toml::table* table : r.tables("phases")) {
        RecordReader p(*table, position_of(*table, r.file().file), diagnostics);
        Phase phase;
        phase.key = p.text("key", true);
        phase.label = p.text("label");
        if (phase.label.empty()) phase.label = phase.key;
        phase.target_minutes = static_cast<int>(p.integer("target_minutes", 0, 100000).value_or(0));
        phase.counted = p.boolean("counted").value_or(true);
        phase.aliases = p.texts("aliases");
        if (!phase.key.empty() && !valid_phase_key(phase.key))
            p.fail(p.pos("key"), "clé de phase « " + phase.key +
                                     " » : lettres minuscules ASCII, chiffres et tirets seulement");
        else if (!phase.key.empty() && !keys.insert(phase.key).second)
            p.fail(p.pos("key"), "phase « " + phase.key + " » définie deux fois");
        for (std::size_t i = 0; i < phase.aliases.size(); ++i)
            aliases.push_back(
                {fold_term(phase.aliases[i]), phase.aliases[i], phase.key, p.pos("aliases", i)});
        if (!p.finish()) r.fail(p.file(), "phase invalide");
        fw.phases.push_back(std::move(phase));
    }
    check_aliases(r, fw, aliases);
    if (fw.phases.empty()) r.fail(r.file(), "le cadre ne définit aucune phase ([[phases]])");
    std::set<std::string> funding_keys;
    for (const toml::table* table : r.tables("funding")) {
        RecordReader p(*table, position_of(*table, r.file().file), diagnostics);
        Funding funding;
        funding.key = p.text("key", true);
        funding.label = p.text("label");
        funding.aliases = p.texts("aliases");
        if (!funding.key.empty() && !valid_phase_key(funding.key))
            p.fail(p.pos("key"), "clé de financement « " + funding.key +
                                     " » : lettres minuscules ASCII, chiffres et tirets seulement");
        else if (!funding.key.empty() && !funding_keys.insert(funding.key).second)
            p.fail(p.pos("key"), "financement « " + funding.key + " » défini deux fois");
        if (!p.finish()) r.fail(p.file(), "financement invalide");
        fw.fundings.push_back(std::move(funding));
    }
    fw.origin = r.file();
    return fw;
}

// ---- sessions ----------------------------------------------------------------------------

Session read_session(RecordReader& r, const Framework& framework) {
    Session s;
    s.date = r.date("date", true).value_or(Date{});
    const std::string phase = r.text("phase", true);
    if (!phase.empty()) {
        if (framework.find_phase(phase))
            s.phase = phase;
        else {
            try {
                s.phase = framework.resolve_phase(phase);
            } catch (const UsageError& e) {
                r.fail(r.pos("phase"), std::string(e.what()) + " (cadre " + framework.name + ")");
            }
        }
    }
    s.from = r.time("from");
    s.to = r.time("to");
    const auto minutes = r.integer("minutes", 1, max_session_minutes);
    if (s.from.has_value() != s.to.has_value())
        r.fail(r.pos(s.from ? "from" : "to"), "« from » et « to » vont ensemble");
    if (s.from && s.to) {
        if (*s.to <= *s.from)
            r.fail(r.pos("to"),
                   "« to » (" + s.to->text() + ") doit suivre « from » (" + s.from->text() + ")");
        s.minutes = s.to->minutes() - s.from->minutes();
        if (minutes && *minutes != s.minutes)
            r.fail(r.pos("minutes"), "« minutes » vaut " + std::to_string(*minutes) + " mais de " +
                                         s.from->text() + " à " + s.to->text() + " font " +
                                         std::to_string(s.minutes));
    } else if (minutes) {
        s.minutes = static_cast<int>(*minutes);
    } else if (!s.from && !s.to && !r.has("minutes")) {
        r.fail({r.file().file, 1, 1}, "clé « minutes » manquante (ou « from » et « to »)");
    }
    s.kind = r.term("kind", session_kinds(), "type de séance", false, "entretien");
    s.mode = r.term("mode", session_modes(), "modalité", false, "presentiel");
    s.note = r.text("note");
    // [[evidence]] tables (format 2), oldest first: how the attendance is proved.
    for (const toml::table* table : r.tables("evidence")) {
        RecordReader e(*table, position_of(*table, r.file().file), r.diagnostics());
        Evidence evidence;
        evidence.kind = e.term("kind", evidence_kinds(), "type de preuve", true);
        evidence.ref = e.text("ref");
        if (!e.finish()) r.fail(e.file(), "preuve de présence invalide dans « evidence »");
        s.evidence.push_back(std::move(evidence));
    }
    s.origin = r.file();
    return s;
}

Fields write_fields(const Session& s) {
    const bool timed = s.from && s.to;
    return {{"date", s.date},
            {"phase", s.phase},
            {"from", timed ? std::optional<Value>(*s.from) : std::nullopt},
            {"to", timed ? std::optional<Value>(*s.to) : std::nullopt},
            {"minutes", timed ? std::nullopt : std::optional<Value>(std::int64_t{s.minutes})},
            {"kind", s.kind},
            {"mode", s.mode},
            {"note", text_or_none(s.note)}};
}

Fields write_fields(const Evidence& e) {
    return {{"kind", e.kind}, {"ref", text_or_none(e.ref)}};
}

std::vector<Fields> evidence_tables(const Session& s) {
    std::vector<Fields> tables;
    for (const Evidence& e : s.evidence)
        tables.push_back(write_fields(e));
    return tables;
}

int format_needed(const Session& s) {
    return !s.evidence.empty() || s.kind == "atelier" ? 2 : first_format;
}

// ---- substance ---------------------------------------------------------------------------

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

Piste read_piste(RecordReader& r, Diagnostics& diagnostics) {
    Piste p;
    p.title = r.text("title", true);
    auto rating = [&](std::string_view key) {
        auto n = r.integer(key, 1, 5);
        return n ? std::optional<int>(static_cast<int>(*n)) : std::nullopt;
    };
    p.desire = rating("desire");
    p.feasibility = rating("feasibility");
    p.favourable = r.texts("for");
    p.unfavourable = r.texts("against");
    p.decision = r.term("decision", piste_decisions(), "décision");
    p.why = r.text("why");
    for (const toml::table* table : r.tables("surveys")) {
        RecordReader s(*table, position_of(*table, r.file().file), diagnostics);
        Survey survey;
        survey.date = s.date("date", true).value_or(Date{});
        survey.with = s.text("with", true);
        survey.note = s.text("note");
        if (!s.finish()) r.fail(s.file(), "enquête métier invalide");
        p.surveys.push_back(std::move(survey));
    }
    p.origin = r.file();
    return p;
}

Fields write_fields(const Piste& p) {
    return {{"title", p.title},
            {"desire", int_or_none(p.desire)},
            {"feasibility", int_or_none(p.feasibility)},
            {"for", list_or_none(p.favourable)},
            {"against", list_or_none(p.unfavourable)},
            {"decision", text_or_none(p.decision)},
            {"why", text_or_none(p.why)}};
}

Fields write_fields(const Survey& s) {
    return {{"date", s.date}, {"with", s.with}, {"note", text_or_none(s.note)}};
}

Project read_project(RecordReader& r) {
    Project p;
    p.title = r.text("title");
    p.training = r.text("training");
    p.strengths = r.texts("strength");
    p.watch = r.texts("watch");
    p.origin = r.file();
    return p;
}

Fields write_fields(const Project& p) {
    return {{"title", text_or_none(p.title)},
            {"training", text_or_none(p.training)},
            {"strength", list_or_none(p.strengths)},
            {"watch", list_or_none(p.watch)}};
}

// ---- edof.toml (the CPF file) -------------------------------------------------------------

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
} // namespace

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

namespace {

// One [[history]] table: an earlier grant and how it ended, revoked (`revoked = true`, with
// `revoked_on` when the revocation has a date) or replaced by a later grant (`replaced_on`).
ConsentPeriod read_consent_period(RecordReader& h) {
    ConsentPeriod period;
    period.date = h.date("date", true).value_or(Date{});
    const std::vector<std::string> sections = h.texts("sections");
    std::string list;
    for (const std::string& section : sections)
        list += (list.empty() ? "" : ",") + section;
    try {
        period.sections = parse_sections(list);
    } catch (const UsageError& e) {
        h.fail(h.has("sections") ? h.pos("sections") : h.file(),
               h.has("sections") ? std::string("historique : ") + e.what()
                                 : "historique : clé « sections » manquante");
    }
    const bool revoked = h.flag("revoked");
    period.revoked_on = h.date("revoked_on");
    period.replaced_on = h.date("replaced_on");
    if (revoked && period.replaced_on)
        h.fail(h.pos("replaced_on"), "historique : un accord est retiré ou remplacé, pas les deux");
    else if (!revoked && !period.replaced_on)
        h.fail(h.file(), "historique : attendu « revoked = true » ou « replaced_on = AAAA-MM-JJ »");
    if (period.revoked_on && !revoked)
        h.fail(h.pos("revoked_on"), "historique : « revoked_on » sans « revoked = true »");
    if (period.revoked_on && *period.revoked_on < period.date)
        h.fail(h.pos("revoked_on"), "historique : le retrait (" + period.revoked_on->iso() +
                                        ") précède l'accord (" + period.date.iso() + ")");
    if (period.replaced_on && *period.replaced_on < period.date)
        h.fail(h.pos("replaced_on"), "historique : le remplacement (" + period.replaced_on->iso() +
                                         ") précède l'accord (" + period.date.iso() + ")");
    return period;
}

// `history`: [[history]] tables, or the lines of text bilan wrote before them ("accordé le
// 2026-05-04 (projet, plan), retiré le 2026-06-01"), still read; never both in one file.
void read_consent_history(RecordReader& r, Consent& c) {
    const toml::node* node = r.node("history");
    if (!node) return;
    const toml::array* array = node->as_array();
    const bool old_form = array && !array->empty() && array->get(0)->is_string();
    if (array)
        for (std::size_t i = 0; i < array->size(); ++i)
            if (array->get(i)->is_string() != old_form)
                return r.fail(r.pos("history", i),
                              "« history » mêle des lignes de texte (ancienne forme) et des "
                              "tables [[history]] : attendu l'une ou l'autre");
    if (old_form) {
        const std::vector<std::string> lines = r.texts("history");
        for (std::size_t i = 0; i < lines.size(); ++i) {
            try {
                c.history.push_back(parse_consent_period(lines[i]));
            } catch (const UsageError& e) {
                r.fail(r.pos("history", i), e.what());
            }
        }
        return;
    }
    for (const toml::table* table : r.tables("history")) {
        RecordReader h(*table, position_of(*table, r.file().file), r.diagnostics());
        c.history.push_back(read_consent_period(h));
        if (!h.finish()) r.fail(h.file(), "accord antérieur invalide dans « history »");
    }
}

} // namespace

Consent read_consent(RecordReader& r) {
    Consent c;
    c.recipient = r.text("recipient", true);
    c.date = r.date("date", true).value_or(Date{});
    c.sections = r.texts("sections");
    c.revoked = r.flag("revoked");
    c.revoked_on = r.date("revoked_on");
    if (c.revoked_on && *c.revoked_on < c.date)
        r.fail(r.pos("revoked_on"),
               "le retrait (" + c.revoked_on->iso() + ") précède l'accord (" + c.date.iso() + ")");
    read_consent_history(r, c);
    c.origin = r.file();
    return c;
}

Fields write_fields(const Consent& c) {
    return {{"recipient", c.recipient},
            {"date", c.date},
            {"sections", list_or_none(c.sections)},
            {"revoked", true_or_none(c.revoked)},
            {"revoked_on", date_or_none(c.revoked_on)}};
}

Fields write_fields(const ConsentPeriod& p) {
    return {{"date", p.date},
            {"sections", p.sections},
            {"revoked", true_or_none(!p.replaced_on)},
            {"revoked_on", date_or_none(p.revoked_on)},
            {"replaced_on", date_or_none(p.replaced_on)}};
}

std::vector<Fields> history_tables(const Consent& c) {
    std::vector<Fields> tables;
    for (const ConsentPeriod& period : c.history)
        tables.push_back(fields_of(period));
    return tables;
}

// ---- evaluations -------------------------------------------------------------------------

// `answers = ["attentes=5", "recommande=oui"]`: KEY=VALUE texts, in the order given.
Evaluation read_evaluation(RecordReader& r) {
    Evaluation e;
    e.kind = r.term("kind", evaluation_kinds(), "type d'évaluation", true);
    e.date = r.date("date", true).value_or(Date{});
    e.satisfaction = static_cast<int>(r.integer("satisfaction", 1, 5, true).value_or(0));
    const std::vector<std::string> answers = r.texts("answers");
    for (std::size_t i = 0; i < answers.size(); ++i) {
        try {
            Answer answer = parse_answer(answers[i]);
            for (const Answer& earlier : e.answers)
                if (earlier.key == answer.key)
                    throw UsageError("réponse « " + answer.key + " » donnée deux fois");
            e.answers.push_back(std::move(answer));
        } catch (const UsageError& error) {
            r.fail(r.pos("answers", i), error.what());
        }
    }
    e.comment = r.text("comment");
    e.origin = r.file();
    return e;
}

Fields write_fields(const Evaluation& e) {
    std::vector<std::string> answers;
    for (const Answer& a : e.answers)
        answers.push_back(a.key + "=" + a.value);
    return {{"kind", e.kind},
            {"date", e.date},
            {"satisfaction", std::int64_t{e.satisfaction}},
            {"answers", list_or_none(answers)},
            {"comment", text_or_none(e.comment)}};
}

// ---- practice.toml (the practice folder) --------------------------------------------------

namespace {
// A SIRET or an NDA as the file writes it (spaces between groups allowed), checked by `parse`;
// a wrong one is reported at its value.
std::string provider_id(RecordReader& r, std::string_view key,
                        std::string (*parse)(std::string_view)) {
    const std::string raw = r.text(key);
    if (raw.empty()) return {};
    try {
        return parse(raw);
    } catch (const UsageError& e) {
        r.fail(r.pos(key), e.what());
        return raw; // as written: `practice set` replaces or removes it like any other value
    }
}
// [questions] chaud = [...], froid = [...]: each a question as parse_question reads it.
void read_questions(RecordReader& r, Practice& p) {
    const toml::node* node = r.node("questions");
    if (!node) return;
    const toml::table* table = node->as_table();
    if (!table) return r.fail(r.pos("questions"), "« questions » doit être une table [questions]");
    RecordReader q(*table, position_of(*table, r.file().file), r.diagnostics());
    for (auto [kind, list] :
         {std::pair{"chaud", &p.questions_chaud}, std::pair{"froid", &p.questions_froid}}) {
        const bool given = q.has(kind);
        std::vector<std::string> specs = q.texts(kind);
        if (!given) continue;
        *list = std::move(specs);
        for (std::size_t i = 0; i < (*list)->size(); ++i) {
            try {
                parse_question((**list)[i]);
            } catch (const UsageError& e) {
                q.fail(q.pos(kind, i), e.what());
            }
        }
    }
    if (!q.finish()) r.fail(q.file(), "questions d'évaluation invalides");
}

} // namespace

Practice read_practice(RecordReader& r) {
    Practice p;
    p.name = r.text("name", true);
    p.siret = provider_id(r, "siret", parse_siret);
    p.nda = provider_id(r, "nda", parse_nda);
    p.qualiopi = r.text("qualiopi");
    p.address = r.text("address");
    p.city = r.text("city");
    p.signatory = r.text("signatory");
    p.holidays = r.text("holidays");
    if (const auto calendar = parse_holiday_calendar(p.holidays))
        p.holidays = holiday_calendar_key(*calendar);
    else if (!p.holidays.empty())
        r.fail(r.pos("holidays"), "« holidays » : « " + p.holidays +
                                      " » inconnu (attendu metropole ou alsace-moselle)");
    read_questions(r, p);
    p.origin = r.file();
    return p;
}

Fields write_fields(const Practice& p) {
    return {{"name", p.name},
            {"siret", text_or_none(p.siret)},
            {"nda", text_or_none(p.nda)},
            {"qualiopi", text_or_none(p.qualiopi)},
            {"address", text_or_none(p.address)},
            {"city", text_or_none(p.city)},
            {"signatory", text_or_none(p.signatory)},
            {"holidays", text_or_none(p.holidays)}};
}

// ---- convention.toml and financing.toml (the funding's paperwork) --------------------------

Convention read_convention(RecordReader& r) {
    Convention c;
    c.employer = r.text("employer");
    c.employer_siret = provider_id(r, "employer_siret", parse_siret);
    c.employer_address = r.text("employer_address");
    c.employer_signatory = r.text("employer_signatory");
    c.title = r.text("title");
    c.objective = r.text("objective");
    c.content = r.text("content");
    c.means = r.text("means");
    c.conduct = r.text("conduct");
    c.payment = r.text("payment");
    if (const auto minutes = r.integer("duration_minutes", 1, 100000))
        c.duration_minutes = static_cast<int>(*minutes);
    c.start = r.date("start");
    c.end = r.date("end");
    check_order(r, c.start, c.end, "end");
    c.sent = r.date("sent");
    c.signed_employee = r.date("signed_employee");
    c.signed_employer = r.date("signed_employer");
    c.signed_provider = r.date("signed_provider");
    c.sent_origin = r.has("sent") ? r.pos("sent") : r.file();
    c.signed_employee_origin = r.has("signed_employee") ? r.pos("signed_employee") : r.file();
    c.origin = r.file();
    c.exists = true;
    return c;
}

Fields write_fields(const Convention& c) {
    return {{"employer", text_or_none(c.employer)},
            {"employer_siret", text_or_none(c.employer_siret)},
            {"employer_address", text_or_none(c.employer_address)},
            {"employer_signatory", text_or_none(c.employer_signatory)},
            {"title", text_or_none(c.title)},
            {"objective", text_or_none(c.objective)},
            {"content", text_or_none(c.content)},
            {"means", text_or_none(c.means)},
            {"conduct", text_or_none(c.conduct)},
            {"payment", text_or_none(c.payment)},
            {"duration_minutes", int_or_none(c.duration_minutes)},
            {"start", date_or_none(c.start)},
            {"end", date_or_none(c.end)},
            {"sent", date_or_none(c.sent)},
            {"signed_employee", date_or_none(c.signed_employee)},
            {"signed_employer", date_or_none(c.signed_employer)},
            {"signed_provider", date_or_none(c.signed_provider)}};
}

namespace {
// Each payer's part is `<payer>_cents` (france-travail: france_travail_cents).
std::string part_key(std::string_view payer) {
    std::string key(payer);
    std::replace(key.begin(), key.end(), '-', '_');
    return key + "_cents";
}
constexpr std::int64_t max_cents = 1'000'000'000;
} // namespace

Financing read_financing(RecordReader& r) {
    Financing f;
    f.price_cents = r.integer("price_cents", 0, max_cents);
    for (const Term& payer : funding_payers())
        if (const auto cents = r.integer(part_key(payer.key), 0, max_cents))
            f.parts.push_back({std::string(payer.key), *cents});
    f.jobseeker = r.boolean("jobseeker");
    f.origin = r.file();
    f.exists = true;
    return f;
}

Fields write_fields(const Financing& f) {
    Fields fields{
        {"price_cents", f.price_cents ? std::optional<Value>(*f.price_cents) : std::nullopt}};
    for (const Term& payer : funding_payers()) {
        const auto cents = f.part(payer.key);
        fields.push_back(
            {part_key(payer.key), cents ? std::optional<Value>(*cents) : std::nullopt});
    }
    fields.push_back(
        {"jobseeker", f.jobseeker ? std::optional<Value>(*f.jobseeker) : std::nullopt});
    return fields;
}

// ---- the kinds of records ---------------------------------------------------------------

namespace {

// Every order ends with the id, unique in its folder: no two records tie, so the result does
// not depend on the order the files were read in.
template <typename Record, typename Less> void sort_by(std::vector<Record>& list, Less less) {
    std::sort(list.begin(), list.end(), less);
}

void sort_sessions(std::vector<Session>& list) {
    sort_by(list, [](const Session& a, const Session& b) {
        return std::tie(a.date, a.from, a.id) < std::tie(b.date, b.from, b.id);
    });
}

void sort_skills(std::vector<Skill>& list) {
    sort_by(list, [](const Skill& a, const Skill& b) {
        return std::tie(a.type, a.domain, a.text, a.id) < std::tie(b.type, b.domain, b.text, b.id);
    });
}

void sort_experiences(std::vector<Experience>& list) {
    sort_by(list, [](const Experience& a, const Experience& b) {
        return std::tie(a.from, a.title, a.id) < std::tie(b.from, b.title, b.id);
    });
}

void sort_traits(std::vector<Trait>& list) {
    auto rank = [](const Trait& t) {
        const auto kinds = trait_kinds();
        return std::find_if(kinds.begin(), kinds.end(),
                            [&](const Term& k) { return k.key == t.kind; }) -
               kinds.begin();
    };
    sort_by(list, [&](const Trait& a, const Trait& b) {
        return std::make_tuple(rank(a), a.text, a.id) < std::make_tuple(rank(b), b.text, b.id);
    });
}

void sort_tests(std::vector<TestResult>& list) {
    sort_by(list, [](const TestResult& a, const TestResult& b) {
        return std::tie(a.date, a.instrument, a.id) < std::tie(b.date, b.instrument, b.id);
    });
}

void sort_pistes(std::vector<Piste>& list) {
    sort_by(list, [](const Piste& a, const Piste& b) {
        return std::tie(a.title, a.id) < std::tie(b.title, b.id);
    });
}

void sort_actions(std::vector<Action>& list) {
    sort_by(list, [](const Action& a, const Action& b) {
        // court < long < moyen alphabetically: rank the horizons as time goes.
        auto rank = [](const std::string& h) { return h == "court" ? 0 : h == "moyen" ? 1 : 2; };
        return std::make_tuple(rank(a.horizon), a.due, a.text, a.id) <
               std::make_tuple(rank(b.horizon), b.due, b.text, b.id);
    });
}

void sort_consents(std::vector<Consent>& list) {
    sort_by(list, [](const Consent& a, const Consent& b) { return a.id < b.id; });
}

void sort_evaluations(std::vector<Evaluation>& list) {
    sort_by(list, [](const Evaluation& a, const Evaluation& b) {
        return std::tie(a.date, a.kind, a.id) < std::tie(b.date, b.kind, b.id);
    });
}

// One descriptor per kind of record drives its folder, its loading, its order and its writes:
// a new kind is its struct (model.hpp, with its member of Folder), its reader and
// write_fields above, its line below and its BILAN_RECORD_KIND line; then its views and its
// command file.
template <typename Record> struct RecordKind {
    std::string_view folder;  // "sessions"
    std::string_view noun;    // "séance", for messages
    std::string_view removed; // "Séance supprimée", said by `rm`
    // content (destroyed by `purge` unless an agreement keeps it) or administrative (kept):
    // practice.md §8. A new kind says which here, and nowhere else.
    RecordClass record_class;
    std::vector<Record> Folder::*list;
    Record (*read)(RecordReader& reader, const Framework* framework); // sessions need it
    void (*sort)(std::vector<Record>& list); // an order that ends with the id
    bool named_by_recipient = false; // consents: named after their recipient, not a random id
};

constexpr std::tuple kinds{
    RecordKind<Session>{"sessions", "séance", "Séance supprimée", RecordClass::administrative,
                        &Folder::sessions,
                        [](RecordReader& r, const Framework* f) {
                            if (f == nullptr)
                                throw std::logic_error("une séance se lit avec son cadre");
                            return read_session(r, *f);
                        },
                        sort_sessions},
    RecordKind<Skill>{"skills", "compétence", "Compétence supprimée", RecordClass::content,
                      &Folder::skills,
                      [](RecordReader& r, const Framework*) { return read_skill(r); }, sort_skills},
    RecordKind<Experience>{"experiences", "expérience", "Expérience supprimée",
                           RecordClass::content, &Folder::experiences,
                           [](RecordReader& r, const Framework*) { return read_experience(r); },
                           sort_experiences},
    RecordKind<Trait>{"traits", "caractéristique", "Caractéristique supprimée",
                      RecordClass::content, &Folder::traits,
                      [](RecordReader& r, const Framework*) { return read_trait(r); }, sort_traits},
    RecordKind<TestResult>{"tests", "test", "Test supprimé", RecordClass::content, &Folder::tests,
                           [](RecordReader& r, const Framework*) { return read_test(r); },
                           sort_tests},
    RecordKind<Piste>{
        "pistes", "piste", "Piste supprimée", RecordClass::content, &Folder::pistes,
        [](RecordReader& r, const Framework*) { return read_piste(r, r.diagnostics()); },
        sort_pistes},
    RecordKind<Action>{
        "actions", "action", "Action supprimée", RecordClass::content, &Folder::actions,
        [](RecordReader& r, const Framework*) { return read_action(r); }, sort_actions},
    RecordKind<Consent>{"consents", "consentement", "Consentement supprimé",
                        RecordClass::administrative, &Folder::consents,
                        [](RecordReader& r, const Framework*) { return read_consent(r); },
                        sort_consents, true},
    RecordKind<Evaluation>{"evaluations", "évaluation", "Évaluation supprimée",
                           RecordClass::administrative, &Folder::evaluations,
                           [](RecordReader& r, const Framework*) { return read_evaluation(r); },
                           sort_evaluations},
};

template <typename Record> constexpr const RecordKind<Record>& kind_of() {
    return std::get<RecordKind<Record>>(kinds);
}

// The same descriptor without its type, for the store's loops over every kind.
template <typename Record> RecordKindInfo erased(const RecordKind<Record>& kind) {
    RecordKindInfo info;
    info.collection = {kind.folder, kind.noun, kind.removed, kind.record_class};
    info.named_by_recipient = kind.named_by_recipient;
    info.read_into = [](RecordReader& reader, const Framework* framework, std::string id,
                        Folder& into) {
        Record record = kind_of<Record>().read(reader, framework);
        if (!reader.finish()) return;
        record.id = std::move(id);
        (into.*kind_of<Record>().list).push_back(std::move(record));
    };
    info.sort = [](Folder& folder) { kind_of<Record>().sort(folder.*kind_of<Record>().list); };
    return info;
}

} // namespace

template <typename Record> Record read_record(RecordReader& reader, const Framework* framework) {
    return kind_of<Record>().read(reader, framework);
}

template <typename Record> Collection collection_of() {
    const RecordKind<Record>& kind = kind_of<Record>();
    return {kind.folder, kind.noun, kind.removed, kind.record_class};
}

template <typename Record> std::vector<Record>& records_of(Folder& folder) {
    return folder.*kind_of<Record>().list;
}

std::span<const RecordKindInfo> record_kinds() {
    // Built on first use, so that no static initialiser elsewhere can run before it.
    static const auto erased_kinds =
        std::apply([](const auto&... kind) { return std::array{erased(kind)...}; }, kinds);
    return erased_kinds;
}

std::vector<Collection> record_collections() {
    std::vector<Collection> all;
    for (const RecordKindInfo& kind : record_kinds())
        all.push_back(kind.collection);
    return all;
}

const RecordKindInfo& kind_info(Collection collection) {
    for (const RecordKindInfo& kind : record_kinds())
        if (kind.collection == collection) return kind;
    throw std::logic_error("type d'enregistrement inconnu : " + std::string(collection.folder));
}

// Every record's keys, whichever of the write_fields above it takes.
template <typename Record> Fields fields_of(const Record& record) {
    return write_fields(record);
}
template Fields fields_of(const BilanRecord&);
template Fields fields_of(const Survey&);
template Fields fields_of(const Evidence&);
template Fields fields_of(const Project&);
template Fields fields_of(const EdofFile&);
template Fields fields_of(const Convention&);
template Fields fields_of(const Financing&);
template Fields fields_of(const ConsentPeriod&);
template Fields fields_of(const Practice&);
template Fields fields_of(const Destruction&);

// What the other files use of each kind, compiled here where the descriptors are.
#define BILAN_RECORD_KIND(Record)                                                                  \
    template Fields fields_of(const Record&);                                                      \
    template Record read_record(RecordReader&, const Framework*);                                  \
    template Collection collection_of<Record>();                                                   \
    template std::vector<Record>& records_of<Record>(Folder&);
BILAN_RECORD_KIND(Session)
BILAN_RECORD_KIND(Skill)
BILAN_RECORD_KIND(Experience)
BILAN_RECORD_KIND(Trait)
BILAN_RECORD_KIND(TestResult)
BILAN_RECORD_KIND(Piste)
BILAN_RECORD_KIND(Action)
BILAN_RECORD_KIND(Consent)
BILAN_RECORD_KIND(Evaluation)
#undef BILAN_RECORD_KIND

} // namespace bilan::store
