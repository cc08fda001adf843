// Turns what keytar / libsecret / D-Bus say into one 'keychain-unavailable' error that names what
// is missing and what to do. The product never falls back to storing tokens elsewhere, so this
// message is all the admin gets: it has to be specific.

import { InspectorError } from '../../../shared/errors';

function causeText(cause: unknown): string {
  const text = cause instanceof Error ? cause.message : String(cause);
  // Keychain errors carry no secrets, but keep them short: they end up in dialogs and CLI output.
  return text.replace(/\s+/g, ' ').trim().slice(0, 300);
}

/** The binding itself could not be loaded (not installed, built for another Node/Electron ABI). */
export function bindingUnavailable(cause: unknown): InspectorError {
  const detail = causeText(cause);
  return new InspectorError(
    'keychain-unavailable',
    `The OS keychain cannot be used: the keytar native module could not be loaded (${detail}). ` +
      'Reinstall the app, or run `npm rebuild keytar` in a source checkout. Tokens are never stored anywhere else.',
    { missing: 'keytar', cause: detail },
  );
}

/** The keychain did not answer in time (keytar can block forever without a daemon or when locked). */
export function keychainTimeout(what: string, timeoutMs: number): InspectorError {
  return new InspectorError(
    'keychain-unavailable',
    `The OS keychain did not answer within ${Math.round(timeoutMs / 100) / 10} s while ${what}. ` +
      'Unlock your keyring (or check that the Secret Service daemon, e.g. gnome-keyring, is running) and retry.',
    { missing: 'answer', timeoutMs },
  );
}

/** A keychain call failed: classify the platform's message into what is missing. */
export function keychainFailure(cause: unknown, what: string): InspectorError {
  const detail = causeText(cause);
  let missing: string;
  let advice: string;
  if (/could not connect|cannot autolaunch|dbus_session_bus_address|failed to connect to socket|no such file or directory/i.test(detail)) {
    missing = 'session-bus';
    advice =
      'there is no D-Bus session bus (DBUS_SESSION_BUS_ADDRESS is unset or points nowhere) — ' +
      'run inside a desktop session, or start one with dbus-run-session and gnome-keyring';
  } else if (/org\.freedesktop\.secrets|serviceunknown|not provided by any \.service|secret service/i.test(detail)) {
    missing = 'secret-service';
    advice = 'no Secret Service on the session bus — install gnome-keyring (or KWallet) or use a desktop session';
  } else if (/locked|dismiss|cancel|denied|not allowed/i.test(detail)) {
    missing = 'unlocked-keyring';
    advice = 'the keyring is locked or access was refused — unlock it (or accept the prompt) and retry';
  } else {
    missing = 'keychain';
    advice = 'the keychain refused the request — check that your OS keychain works (e.g. with another app) and retry';
  }
  return new InspectorError(
    'keychain-unavailable',
    `The OS keychain cannot be used while ${what}: ${advice}. Tokens are never stored anywhere else. (${detail})`,
    { missing, cause: detail },
  );
}
