#!/usr/bin/env sh
# Runs the Playwright suite (arguments are passed on). The desktop spec (test/e2e/electron.spec.ts)
# needs Electron's binary, which `npm ci` does not download where ELECTRON_SKIP_BINARY_DOWNLOAD is
# set (these build machines). It never skips on its own: it skips only when
# SCIM_INSPECTOR_NO_ELECTRON gives a reason, and fails if that reason is false (the binary is there).
# This script sets it, saying why, only when the binary is really missing and nobody set it.
set -u
if [ -z "${SCIM_INSPECTOR_NO_ELECTRON+set}" ]; then
  if ! node -e "const p = require('electron'); if (!require('node:fs').existsSync(p)) process.exit(1)" >/dev/null 2>&1; then
    SCIM_INSPECTOR_NO_ELECTRON="the Electron binary is not installed here (npm ci with ELECTRON_SKIP_BINARY_DOWNLOAD)"
    export SCIM_INSPECTOR_NO_ELECTRON
    echo "e2e: $SCIM_INSPECTOR_NO_ELECTRON, so SCIM_INSPECTOR_NO_ELECTRON is set and the desktop spec is skipped; the same renderer runs in chromium" >&2
  fi
fi
exec npx --no-install playwright test "$@"
