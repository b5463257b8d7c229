#include "bilan/errors.hpp"

#include "bilan/values.hpp"

#include <cerrno>
#include <cstring>
#include <new>
#include <system_error>

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

Failure failure_of(std::exception_ptr thrown) {
    try {
        std::rethrow_exception(thrown);
    } catch (const Error& e) {
        return {e.code(), e.what()};
    } catch (const std::bad_alloc&) {
        return {ExitCode::environment, "mémoire insuffisante"};
    } catch (const std::system_error& e) { // std::filesystem and std::thread report the system's
        return {ExitCode::environment, e.what()};
    } catch (const std::exception& e) {
        return {ExitCode::bug, std::string("erreur interne de bilan (un bogue) : ") + e.what() +
                                   " ; signalez-la avec la commande lancée et ce message"};
    } catch (...) {
        return {ExitCode::bug, "erreur interne de bilan (un bogue) : exception inconnue ; "
                               "signalez-la avec la commande lancée et ce message"};
    }
}

} // namespace bilan
