#include "bilan/errors.hpp"

#include "bilan/values.hpp"

#include <cerrno>
#include <cstring>

namespace bilan {

std::string format_located(const SourcePos& pos, const std::string& message) {
    if (pos.file.empty()) return message;
    if (pos.line <= 0) return pos.file + ": " + message;
    return pos.file + ":" + std::to_string(pos.line) + ":" + std::to_string(pos.column) + ": " +
           message;
}

std::string single_line(std::string_view message) {
    return escape_controls(message);
}

namespace {

// The causes a counsellor meets, in French (strerror speaks the C locale's English, and bilan
// never changes the locale); any other, as the system words it.
std::string cause_of(int err) {
    switch (err) {
    case ENOSPC:
        return "plus de place sur le disque";
    case EDQUOT:
        return "quota de disque dépassé";
    case EACCES:
    case EPERM:
        return "permission refusée";
    case EROFS:
        return "système de fichiers en lecture seule";
    case ENOENT:
        return "fichier ou dossier introuvable";
    case ENOTDIR:
        return "un élément du chemin n'est pas un dossier";
    case EISDIR:
        return "c'est un dossier";
    case EIO:
        return "erreur d'entrée-sortie du disque";
    case EPIPE:
        return "la sortie a été fermée";
    case EBADF: // a standard stream closed before the run (main opens it unwritable)
        return "flux fermé";
    case EFBIG:
        return "taille de fichier maximale atteinte (ulimit -f)";
    case EMFILE:
    case ENFILE:
        return "trop de fichiers ouverts";
    case ENAMETOOLONG:
        return "nom trop long";
    default:
        return std::strerror(err);
    }
}

} // namespace

EnvironmentError system_error(const std::string& what, const std::string& path, int err) {
    return EnvironmentError(what + " " + path + " : " + cause_of(err));
}

} // namespace bilan
