// project.toml: the professional project, content (R6313-7) like the substance.
#include "store/kinds/kind.hpp"

namespace bilan::store {
namespace {

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

} // namespace

template <> const FileKind<Project>& file_kind() {
    static const FileKind<Project> kind{
        .file = "project.toml",
        .header = "# Projet professionnel : « bilan project set » ou à la main.\n",
        .read = read_project,
        .fields = write_fields,
        .member = &Folder::project,
        // Clearing it brings nothing; giving it a value does.
        .brings_content = [](const Project*, const Project& after) { return !after.empty(); },
    };
    return kind;
}

} // namespace bilan::store
