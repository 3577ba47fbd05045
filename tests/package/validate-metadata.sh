#!/usr/bin/env bash
# validate-metadata.sh METAINFO DESKTOP: the AppStream metainfo must pass `appstreamcli validate
# --no-net` with no error and no warning (info and pedantic notes are printed, not failed), and the
# desktop entry `desktop-file-validate` with no error and no warning (hints are printed).
# Exit 77 (CTest: skipped) when a validator is missing and the other, if present, passed.
set -uo pipefail

if [ "$#" -ne 2 ]; then
    echo "usage: $0 METAINFO DESKTOP" >&2
    exit 2
fi
metainfo="$1"
desktop="$2"
failed=0
missing=()

if command -v appstreamcli >/dev/null 2>&1; then
    echo "== appstreamcli validate --no-net --pedantic $metainfo"
    appstreamcli validate --no-net --pedantic "$metainfo"
    status=$?
    if [ "$status" -ne 0 ]; then
        echo "FAIL: appstreamcli found errors or warnings in $metainfo (exit status $status)" >&2
        failed=1
    fi
else
    missing+=("appstreamcli (package appstream)")
fi

if command -v desktop-file-validate >/dev/null 2>&1; then
    echo "== desktop-file-validate $desktop"
    output="$(desktop-file-validate "$desktop" 2>&1)"
    status=$?
    [ -z "$output" ] || printf '%s\n' "$output"
    # It exits 0 on warnings: those fail here too.
    if [ "$status" -ne 0 ] || grep -qE ': (error|warning): ' <<<"$output"; then
        echo "FAIL: desktop-file-validate found errors or warnings in $desktop (exit status $status)" >&2
        failed=1
    else
        echo "desktop entry valid"
    fi
else
    missing+=("desktop-file-validate (package desktop-file-utils)")
fi

if [ "$failed" -ne 0 ]; then
    exit 1
fi
if [ "${#missing[@]}" -gt 0 ]; then
    echo "SKIP: not installed: ${missing[*]}"
    exit 77
fi
exit 0
