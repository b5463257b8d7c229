// financing.toml: the price and each payer's part, in cents, format 2; the payment terms,
// format 4.
#include "store/kinds/kind.hpp"

#include <algorithm>

namespace bilan::store {
namespace {

std::string part_key(std::string_view payer) {
    std::string key(payer);
    std::replace(key.begin(), key.end(), '-', '_');
    return key + "_cents";
}
constexpr std::int64_t max_cents = 1'000'000'000;
Financing read_financing(RecordReader& r) {
    Financing f;
    f.price_cents = r.integer("price_cents", 0, max_cents);
    for (const Term& payer : funding_payers())
        if (const auto cents = r.integer(part_key(payer.key), 0, max_cents))
            f.parts.push_back({std::string(payer.key), *cents});
    f.jobseeker = r.boolean("jobseeker");
    f.payment = r.text("payment");
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
    fields.push_back({"payment", text_or_none(f.payment)});
    return fields;
}

} // namespace

template <> const FileKind<Financing>& file_kind() {
    static const FileKind<Financing> kind{
        .file = "financing.toml",
        .header = "# Financement, montants en centimes : « bilan financing set » ou à la main.\n",
        .read = read_financing,
        .fields = write_fields,
        .member = &Folder::financing,
        // A bilan of format 1 does not know it, nor one of format 3 its payment terms.
        .format =
            [](const Financing& f) { return f.payment.empty() ? funding_format : terms_format; },
    };
    return kind;
}

} // namespace bilan::store
