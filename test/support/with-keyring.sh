#!/usr/bin/env sh
# Run a command inside a private dbus session with an unlocked, throw-away gnome-keyring (a real
# Secret Service), so the keychain vault is tested for real on a headless machine and never touches
# the developer's own keyring.
# Needs (Debian/Ubuntu): apt-get install -y --no-install-recommends gnome-keyring dbus
# Usage: sh test/support/with-keyring.sh COMMAND [ARGS...]
#
# If the keyring cannot be started, the reason is printed and the command still runs: the vault
# tests then fail with the product's own "keychain-unavailable" error instead of hanging or being
# skipped, which is the clearest signal for whoever reads the CI log.
set -u
if [ "$#" -eq 0 ]; then echo "usage: with-keyring.sh COMMAND [ARGS...]" >&2; exit 2; fi

missing=""
for bin in dbus-run-session dbus-send gnome-keyring-daemon; do
  command -v "$bin" >/dev/null 2>&1 || missing="$missing $bin"
done
if [ -n "$missing" ]; then
  echo "with-keyring: not found:$missing (apt-get install -y --no-install-recommends gnome-keyring dbus); running without a keyring" >&2
  exec "$@"
fi

dir=$(mktemp -d) || { echo "with-keyring: mktemp failed; running without a keyring" >&2; exec "$@"; }
# The session bus's socket file (/tmp/dbus-…) outlives its daemon: remove it with the rest.
cleanup() {
  sock=$(sed -n 's/^unix:path=\([^,]*\).*/\1/p' "$dir/run/bus-address" 2>/dev/null)
  if [ -n "$sock" ] && [ -S "$sock" ]; then rm -f "$sock"; fi
  rm -rf "$dir"
}
trap cleanup EXIT
trap 'cleanup; exit 130' INT TERM
mkdir -p "$dir/run" "$dir/data" "$dir/config"
chmod 700 "$dir/run"

# A session bus that cannot start at all is reported here, before the real command runs, so a
# failure of the command itself is never mistaken for a missing bus.
if ! dbus-run-session -- true >/dev/null 2>"$dir/dbus.err"; then
  echo "with-keyring: dbus-run-session cannot start a session bus ($(head -c 300 "$dir/dbus.err")); running without a keyring" >&2
  rm -rf "$dir"
  exec "$@"
fi

# The password only unlocks this throw-away login keyring, which is deleted on exit. The daemon
# runs in the foreground under this script (not daemonised), so it is stopped when the command
# ends — a daemonised one can outlive a short session and linger.
printf %s "throwaway-test-keyring" >"$dir/password"
XDG_DATA_HOME="$dir/data" XDG_CONFIG_HOME="$dir/config" XDG_RUNTIME_DIR="$dir/run" KEYRING_PASSWORD_FILE="$dir/password" \
  dbus-run-session -- sh -c '
  gnome-keyring-daemon --foreground --unlock --components=secrets <"$KEYRING_PASSWORD_FILE" >/dev/null 2>"$XDG_RUNTIME_DIR/keyring.err" &
  daemon=$!
  printf %s "$DBUS_SESSION_BUS_ADDRESS" >"$XDG_RUNTIME_DIR/bus-address"
  trap "kill \$daemon 2>/dev/null" EXIT
  trap "exit 130" INT TERM
  unset KEYRING_PASSWORD_FILE
  # Wait (at most 10 s) until the daemon owns the Secret Service name; otherwise the first client
  # call would have dbus start a second, locked daemon.
  i=0
  until dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
      org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q "boolean true"; do
    if ! kill -0 "$daemon" 2>/dev/null; then
      echo "with-keyring: gnome-keyring-daemon exited ($(head -c 300 "$XDG_RUNTIME_DIR/keyring.err")); running without it" >&2
      break
    fi
    i=$((i + 1))
    if [ "$i" -ge 100 ]; then echo "with-keyring: gnome-keyring-daemon did not register on the bus within 10 s; running anyway" >&2; break; fi
    sleep 0.1
  done
  "$@"
  status=$?
  kill "$daemon" 2>/dev/null
  wait "$daemon" 2>/dev/null
  exit "$status"' with-keyring "$@"
