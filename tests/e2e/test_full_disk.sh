#!/usr/bin/env bash
# A real full disk: a tiny tmpfs, mounted as root or in a user namespace (skipped where this
# machine allows neither). Each write on it must end in exit 3 with one line on stderr, the
# old state, and no temp or lock file left; once there is room again, writing works.
. "$(dirname "$0")/lib.sh" "$@"

# Runs inside a private mount namespace, on a tmpfs of SIZE: fills it, then tries to write.
# Prints one line per step: NAME STATUS STDERR_LINES SAME_CONTENT LITTER.
full_disk_steps() { # BILAN DISK OPTIONS
    local B=$1 disk=$2 snap st lines same
    mount -t tmpfs -o "$3" tmpfs "$disk" || exit 77
    fp() { (cd "$1" && find . -print0 | LC_ALL=C sort -z | xargs -0 stat -c '%n %F %a %s' &&
        find . -type f -print0 | LC_ALL=C sort -z | xargs -0 -r sha256sum); }
    step() { # NAME ARGS…
        local name=$1
        shift
        snap=$(fp "$disk")
        "$B" "$@" >/dev/null 2>"$disk.err"
        st=$?
        lines=$(wc -l <"$disk.err")
        [ "$(fp "$disk")" = "$snap" ] && same=same || same=changed
        echo "$name $st $lines $same $(find "$disk" \( -name .lock -o -name '.*.tmp-*' \) | wc -l)"
    }
    "$B" init "$disk/b" --beneficiary "Ana Lopes" --start 2026-03-02 >/dev/null || exit 78
    "$B" -C "$disk/b" session add --date 2026-03-03 --phase investigation --duration 1h >/dev/null
    # Fill what is left: pages (the size) or inodes, whichever the mount limits.
    dd if=/dev/zero of="$disk/filler" bs=1k 2>/dev/null
    for i in $(seq 1 200); do { : >"$disk/f$i"; } 2>/dev/null || break; done
    step add -C "$disk/b" session add --date 2026-03-04 --phase investigation --duration 1h \
        --note "$(head -c 3000 /dev/zero | tr '\0' x)"
    step set -C "$disk/b" set demand "$(head -c 6000 /dev/zero | tr '\0' y)"
    step init init "$disk/c" --beneficiary "Ana Lopes"
    rm -f "$disk/filler" "$disk"/f*
    step after -C "$disk/b" session add --date 2026-03-04 --phase investigation --duration 1h
}

in_private_mount() { # COMMAND… : as root, or in a user namespace; fails when neither works
    unshare -m true 2>/dev/null && { unshare -m "$@"; return; }
    unshare -rm true 2>/dev/null && { unshare -rm "$@"; return; }
    return 77
}

check_full_disk() { # OPTIONS
    local disk=$TMP_ROOT/disk.$RANDOM result name st lines same litter
    mkdir "$disk"
    export -f full_disk_steps
    result=$(in_private_mount bash -c 'full_disk_steps "$@"' _ "$BILAN" "$disk" "$1")
    case $? in
    77) skip "cannot mount a tmpfs here (neither root nor user namespaces)"; return ;;
    78) skip "no room for a bilan on a tmpfs of $1"; return ;;
    esac
    while read -r name st lines same litter; do
        case $name in
        after) expect_equal "$st" 0 "$1: once there is room again" ;;
        *) expect_equal "$st $lines $same $litter" "3 1 same 0" "$1: $name on a full disk (exit, lines, content, litter)" ;;
        esac
    done <<<"$result"
    expect_equal "$(printf '%s\n' "$result" | wc -l)" 4 "steps run"
}

test_a_full_tmpfs() { check_full_disk size=64k; }
test_a_tmpfs_out_of_inodes() { check_full_disk size=1m,nr_inodes=16; }

run_tests
