#!/usr/bin/env sh
# System packages SCIM Inspector needs on Debian/Ubuntu (used by `npm run setup` and by .ci/run):
# - libsecret-1-dev, python3, make, g++: keytar (OS keychain) builds from source
# - gnome-keyring, dbus, dbus-bin: a throw-away Secret Service for the vault tests
# - chromium: Playwright e2e in real Chromium (Playwright cannot download its own browser here)
set -eu
export DEBIAN_FRONTEND=noninteractive
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
if ! command -v apt-get >/dev/null 2>&1; then
  echo "setup-system: apt-get not found; install the equivalents of: libsecret-1-dev gnome-keyring dbus chromium, a C++ toolchain and python3" >&2
  exit 0
fi
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends \
  chromium libsecret-1-dev gnome-keyring dbus dbus-bin python3 make g++ ca-certificates fonts-dejavu-core >/dev/null
echo "setup-system: system packages installed"
