// One error, said once: the human sentence, then a closed "Details" disclosure with the machine code
// and the server's own words (status, scimType, detail…). Every place that shows an AppError uses
// this, so no view prints the message twice or puts a code in the sentence. Errors arrive redacted
// from the core; nothing here adds anything that was not already in the error.

import type { AppError } from '../../../shared/errors';

// The keychain's message names D-Bus, Secret Service and keytar: correct, but not a first sentence
// for an admin. The plain version comes first; the technical cause stays in Details.
const KEYCHAIN_SENTENCE =
  'The system keychain is not available, so the token cannot be read or saved. ' +
  'Unlock your keyring (or sign in to a desktop session where it runs), then retry. Tokens are never stored anywhere else.';

/** The sentence shown for an error: plain words first, the server's own words left for Details. */
export function humanSentence(error: AppError): string {
  if (error.code === 'keychain-unavailable') return KEYCHAIN_SENTENCE;
  const detail = error.details?.detail;
  // The core appends "Server said: …" to its advice; the server's words go into Details instead.
  if (typeof detail === 'string' && detail) {
    const suffix = ` Server said: ${detail}`;
    if (error.message.endsWith(suffix)) return error.message.slice(0, -suffix.length);
  }
  return error.message;
}

function show(value: unknown): string {
  if (typeof value === 'string') return value;
  return JSON.stringify(value) ?? String(value);
}

/** The closed disclosure: code, the full message when the sentence replaced it, and every detail. */
export function ErrorDetails({ error, sentence }: { error: AppError; sentence: string }) {
  const rows: [string, string][] = [['code', error.code]];
  // The full message only when the sentence is not already it (minus the server's words, below).
  if (!error.message.startsWith(sentence)) rows.push(['message', error.message]);
  for (const [key, value] of Object.entries(error.details ?? {})) {
    if (value !== undefined && value !== null && value !== '') rows.push([key, show(value)]);
  }
  return (
    <details className="error-details" data-testid="error-details">
      <summary>Details</summary>
      <dl>
        {rows.map(([key, value]) => (
          <div key={key}>
            <dt>{key}</dt>
            <dd className={key === 'code' ? 'code' : undefined}>{value}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}

/** An error as a sentence plus Details; `sentence` overrides the plain sentence (context advice). */
export function ErrorMessage({ error, sentence }: { error: AppError; sentence?: string }) {
  const text = sentence ?? humanSentence(error);
  return (
    <>
      <p className="error-sentence">{text}</p>
      <ErrorDetails error={error} sentence={text} />
    </>
  );
}
