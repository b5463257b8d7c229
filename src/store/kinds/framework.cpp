// framework.toml, or a built-in framework: the phases, their targets and aliases, the fundings.
#include "store/codec.hpp"
#include "store/kinds/kind.hpp"

#include <set>

namespace bilan::store {

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
} // namespace bilan::store
