// bilan set FIELD VALUE: changes one field of bilan.toml in place; an empty VALUE removes an
// optional field.
#include "cli/command.hpp"
#include "cli/context.hpp"

namespace bilan::cli {
namespace {

std::string known_fields() {
    std::string list;
    for (const auto& field : store::bilan_fields())
        list += (list.empty() ? "" : ", ") + std::string(field.key);
    return list;
}

std::optional<store::Value> parse_value(const Context& context, const store::Store& store,
                                        const store::BilanField& field, const std::string& raw) {
    using Kind = store::BilanField::Kind;
    if (raw.empty()) {
        if (field.required)
            throw UsageError("« " + std::string(field.key) + " » ne peut pas être vide");
        return std::nullopt;
    }
    switch (field.kind) {
    case Kind::date:
        return context.parse_date(raw);
    case Kind::funding: {
        // The folder's framework names the fundings; the current one may be the mistake being
        // corrected, so it is not held against this edit.
        store::Diagnostics lenient(true);
        return store.load_framework(store.load_bilan(lenient), lenient).resolve_funding(raw);
    }
    case Kind::framework: {
        const Framework framework = is_builtin_framework(raw)
                                        ? store::load_builtin_framework(raw)
                                        : store::load_framework_file(store.root() / raw);
        if (raw.find('/') != std::string::npos)
            throw UsageError("cadre : fr, be, ou le nom d'un fichier du dossier");
        store::Diagnostics strict;
        if (const std::string funding = store.load_bilan(strict).funding; !funding.empty()) {
            try {
                framework.resolve_funding(funding);
            } catch (const UsageError&) {
                throw RefusedError("le financement « " + funding +
                                   " » n'existe pas dans le cadre " + raw +
                                   " : effacez-le d'abord (bilan set funding \"\"), puis " +
                                   "donnez celui du nouveau cadre");
            }
        }
        return raw;
    }
    case Kind::text:
        break;
    }
    require_typed_text(raw, std::string(field.key));
    return raw;
}

int run_set(const Context& context, const std::string& key, const std::string& raw) {
    const store::BilanField* field = store::find_bilan_field(fold_term(key));
    if (!field) throw UsageError("champ inconnu « " + key + " » : attendu " + known_fields());
    const store::Store store = context.store();
    store.require_bilan();
    // Everything read (the framework file, the dates the new one is checked against) is read
    // under the lock: what it decides stays true until the write.
    store::Transaction transaction(store);
    const auto value = parse_value(context, store, *field, raw);

    store::Diagnostics strict;
    BilanRecord bilan = store.load_bilan(strict); // refuses to edit a file it cannot read
    if (field->kind != store::BilanField::Kind::funding &&
        field->kind != store::BilanField::Kind::framework)
        store.load_framework(bilan, strict); // nor one whose funding its framework lacks
    if (field->key == "start" || field->key == "end") {
        auto start = field->key == "start"
                         ? (value ? std::get<Date>(*value) : std::optional<Date>{})
                         : bilan.start;
        auto end = field->key == "end" ? (value ? std::get<Date>(*value) : std::optional<Date>{})
                                       : bilan.end;
        if (start && end && *end < *start)
            throw RefusedError("la fin (" + end->iso() + ") précéderait le début (" + start->iso() +
                               ") : rien n'a été modifié");
    }
    transaction.update_bilan({{std::string(field->key), value}});
    return 0;
}

} // namespace

void declare_set(Declarations& declarations, Context& context) {
    struct SetOptions {
        std::string key, value;
    };
    auto o = std::make_shared<SetOptions>();
    declarations.add({"set",
                      "Modifier un champ du bilan (" + known_fields() + ") ; VALUE vide l'efface",
                      "bilan set end 2026-05-12",
                      {{"FIELD", "Champ à modifier", &o->key, true},
                       {"VALUE", "Nouvelle valeur", &o->value, true}},
                      [&context, o] { return run_set(context, o->key, o->value); }});
}

} // namespace bilan::cli
