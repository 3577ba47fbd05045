#!/bin/sh
# Runs a command inside a private D-Bus session with an unlocked GNOME Keyring of its own, in a
# home of its own, so that a test of the keyring store never touches the user's keyring.
# Exits 77 (skipped) when dbus-run-session or gnome-keyring-daemon is not installed.
set -eu
command -v dbus-run-session >/dev/null 2>&1 || { echo "with-keyring: no dbus-run-session" >&2; exit 77; }
command -v gnome-keyring-daemon >/dev/null 2>&1 || { echo "with-keyring: no gnome-keyring-daemon" >&2; exit 77; }
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
mkdir -m 700 "$home/runtime"
export HOME="$home" XDG_DATA_HOME="$home/data" XDG_CACHE_HOME="$home/cache" XDG_RUNTIME_DIR="$home/runtime"
exec dbus-run-session -- sh -c '
    printf "eventscope-test" | gnome-keyring-daemon --unlock --components=secrets >/dev/null
    exec "$@"' with-keyring "$@"
