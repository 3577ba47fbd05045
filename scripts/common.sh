#!/usr/bin/env bash
# Shared set-up for scripts/run and scripts/test: installs what is missing on Debian 12, then
# configures and builds with CMake and Ninja under build/ at the repository root.
# Sourced, not executed.

set -euo pipefail

EVENTSCOPE_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# Build and runtime packages (Debian 12 names). xvfb and xauth let the dashboard run and be
# screenshotted on a machine without a display; librsvg2-bin (rsvg-convert) renders the PNG icons
# of the package from the SVG; qt6-tools-dev and qt6-l10n-tools compile the translations, and
# qt6-translations-l10n has Qt's own.
EVENTSCOPE_PACKAGES=(
    build-essential cmake ninja-build pkg-config
    qt6-base-dev qt6-base-dev-tools libqt6opengl6-dev qt6-charts-dev qt6-svg-dev libqt6svg6
    libgl-dev libsimdjson-dev qtkeychain-qt6-dev librsvg2-bin
    qt6-tools-dev qt6-l10n-tools qt6-translations-l10n
    xvfb xauth
)
# What scripts/test needs beyond them: clang with its sanitizer and libFuzzer runtimes, a keyring
# (GNOME Keyring in a private D-Bus session) for the suite of the keyring store, the validators
# of the metainfo and the desktop entry, and dpkg-dev (dpkg-shlibdeps) for building the .deb.
EVENTSCOPE_TEST_PACKAGES=(clang libclang-rt-14-dev gnome-keyring dbus-daemon
    appstream desktop-file-utils dpkg-dev)

log() {
    printf '==> %s\n' "$*" >&2
}

die() {
    printf 'error: %s\n' "$*" >&2
    exit 1
}

ensure_packages() {
    local missing=() pkg
    for pkg in "${EVENTSCOPE_PACKAGES[@]}"; do
        if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
            missing+=("$pkg")
        fi
    done
    if [ "${#missing[@]}" -eq 0 ]; then
        return 0
    fi

    command -v apt-get >/dev/null 2>&1 \
        || die "missing packages (${missing[*]}) and no apt-get to install them; install them by hand"
    local sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null 2>&1 \
            || die "missing packages (${missing[*]}); run as root or install sudo"
        sudo=(sudo)
    fi
    log "installing ${missing[*]}"
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
}

# build_project <build dir relative to the repository> <CMAKE_BUILD_TYPE> [extra cmake arguments...]
build_project() {
    local dir="$EVENTSCOPE_ROOT/$1" type="$2"
    shift 2
    log "configuring $dir ($type)"
    cmake -S "$EVENTSCOPE_ROOT" -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE="$type" "$@" >/dev/null
    log "building $dir"
    cmake --build "$dir"
}
