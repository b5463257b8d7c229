// bilan.toml: the bilan's own record (beneficiary, dates, funding, demand, its end).
#include "bilan/contacts.hpp"
#include "bilan/rules.hpp"
#include "store/kinds/kind.hpp"

#include <algorithm>
#include <tuple>

namespace bilan::store {
namespace {

// email and telephone as `set` stores them: a hand edit that no draft could use is said.
void read_contacts(RecordReader& r, BilanRecord& b) {
    b.email = r.text("email");
    b.telephone = r.text("telephone");
    const PhoneCountry national =
        b.framework == "be" ? PhoneCountry::belgium : PhoneCountry::france;
    try {
        if (!b.email.empty()) parse_email(b.email);
    } catch (const UsageError& e) {
        r.fail(r.pos("email"), e.what());
    }
    try {
        if (!b.telephone.empty()) parse_phone(b.telephone, national);
    } catch (const UsageError& e) {
        r.fail(r.pos("telephone"), e.what());
    }
}

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
    b.handover_sha256 = r.text("handover_sha256");
    if (!b.handover_sha256.empty() &&
        (b.handover_sha256.size() != 64 ||
         b.handover_sha256.find_first_not_of("0123456789abcdef") != std::string::npos))
        r.fail(r.pos("handover_sha256"),
               "empreinte « " + b.handover_sha256 +
                   " » : attendu 64 chiffres hexadécimaux en minuscules (SHA-256)");
    b.public_line = r.term("public", beneficiary_publics(), "public");
    b.abandoned = r.date("abandoned");
    b.abandon_reason = r.text("abandon_reason");
    b.retention_agreed = r.date("retention_agreed");
    b.retention_scope = r.text("retention_scope");
    if (!b.retention_scope.empty() && b.retention_scope != "documents")
        r.fail(r.pos("retention_scope"), "portée de conservation « " + b.retention_scope +
                                             " » inconnue : attendu « documents »");
    b.retention_until = r.date("retention_until");
    read_contacts(r, b);
    b.retention_ref = r.text("retention_ref");
    b.synthesis_agreed = r.date("synthesis_agreed");
    b.synthesis_motif = r.term("synthesis_motif", retention_motifs(), "motif de conservation");
    b.synthesis_until = r.date("synthesis_until");
    b.synthesis_ref = r.text("synthesis_ref");
    check_order(r, b.start, b.end, "end");
    check_order(r, b.retention_agreed, b.retention_until, "retention_until");
    check_order(r, b.synthesis_agreed, b.synthesis_until, "synthesis_until");
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
            {"handover_sha256", text_or_none(b.handover_sha256)},
            {"abandoned", date_or_none(b.abandoned)},
            {"abandon_reason", text_or_none(b.abandon_reason)},
            {"retention_agreed", date_or_none(b.retention_agreed)},
            {"retention_scope", text_or_none(b.retention_scope)},
            {"retention_until", date_or_none(b.retention_until)},
            {"public", text_or_none(b.public_line)},
            {"email", text_or_none(b.email)},
            {"telephone", text_or_none(b.telephone)},
            {"retention_ref", text_or_none(b.retention_ref)},
            {"synthesis_agreed", date_or_none(b.synthesis_agreed)},
            {"synthesis_motif", text_or_none(b.synthesis_motif)},
            {"synthesis_until", date_or_none(b.synthesis_until)},
            {"synthesis_ref", text_or_none(b.synthesis_ref)}};
}

// The keys on the end of a bilan are format 3, and so are a retention agreement's; the hash of
// the copy handed over (and the copy beside it) format 4; the contact details, a basis for the
// synthesis and an agreement's reference format 5.
int format_needed_by(const BilanRecord& b) {
    const bool end_keys =
        b.handover || !b.handover_mode.empty() || b.abandoned || !b.abandon_reason.empty();
    const bool retention = b.retention_agreed || b.retention_until || !b.retention_scope.empty();
    const bool bases = !b.retention_ref.empty() || b.synthesis_agreed ||
                       !b.synthesis_motif.empty() || b.synthesis_until || !b.synthesis_ref.empty();
    return std::max({first_format, end_keys ? end_format : first_format,
                     retention ? retention_format : first_format,
                     b.handover_sha256.empty() ? first_format : handover_copy_format,
                     b.public_line.empty() ? first_format : public_format,
                     b.email.empty() && b.telephone.empty() ? first_format : contacts_format,
                     bases ? bases_format : first_format});
}

// A personal field given a new value is content (R6313-7); clearing one is not.
bool brings_personal_fields(const BilanRecord* before, const BilanRecord& after) {
    for (const auto field : personal_fields)
        if (!(after.*field).empty() && (!before || after.*field != before->*field)) return true;
    return false;
}

} // namespace

template <> const FileKind<BilanRecord>& file_kind() {
    static const FileKind<BilanRecord> kind{
        .file = "bilan.toml",
        .read = read_bilan,
        .fields = write_fields,
        .format = format_needed_by,
        .brings_content = brings_personal_fields,
    };
    return kind;
}

} // namespace bilan::store
