// The token entry: a password field whose value goes to main once and is cleared right after,
// whatever the answer (a failed attempt must not leave the secret sitting in the page). Pasting
// strips "Bearer " and surrounding whitespace with a notice and warns about whitespace inside.

import { useId, useState, type ClipboardEvent, type FormEvent } from 'react';
import { inspectPastedToken } from './token-input';

export interface TokenFieldProps {
  /** Sends the token to main; resolves when main has answered (success or not). */
  onSubmit(token: string): Promise<void>;
  /** Label of the submit button ("Save token", "Replace and test"). */
  submitLabel: string;
  /** Second action, e.g. rotation (test first, keep the old token on failure). */
  secondary?: { label: string; onSubmit(token: string): Promise<void> };
  disabled?: boolean;
}

export function TokenField({ onSubmit, submitLabel, secondary, disabled = false }: TokenFieldProps) {
  const id = useId();
  const [value, setValue] = useState('');
  const [notices, setNotices] = useState<string[]>([]);
  const [warnings, setWarnings] = useState<string[]>([]);
  const [sending, setSending] = useState(false);

  const onPaste = (event: ClipboardEvent<HTMLInputElement>) => {
    const text = event.clipboardData.getData('text');
    const inspected = inspectPastedToken(text);
    // The field takes the cleaned text, not the raw clipboard: what is shown is what is sent.
    event.preventDefault();
    setValue(inspected.value);
    setNotices(inspected.notices);
    setWarnings(inspected.warnings);
  };

  const send = async (submit: (token: string) => Promise<void>) => {
    const token = value;
    // Cleared before the answer arrives: the field never holds the token longer than the send.
    setValue('');
    setNotices([]);
    setWarnings([]);
    setSending(true);
    try {
      await submit(token);
    } finally {
      setSending(false);
    }
  };

  const onFormSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (value !== '') void send(onSubmit);
  };

  const busy = disabled || sending;
  return (
    <form className="token-field" onSubmit={onFormSubmit} aria-label="Token">
      <label htmlFor={id}>Bearer token</label>
      <input
        id={id}
        type="password"
        name="scim-token"
        autoComplete="off"
        spellCheck={false}
        value={value}
        disabled={busy}
        placeholder="Paste the token your SCIM provider issued"
        onChange={(e) => {
          setValue(e.target.value);
          setWarnings(/\s/.test(e.target.value.trim()) ? ['The token has whitespace inside it and will be refused.'] : []);
        }}
        onPaste={onPaste}
        aria-describedby={`${id}-help`}
      />
      <div className="token-actions">
        <button type="submit" disabled={busy || value === ''}>{submitLabel}</button>
        {secondary && (
          <button type="button" disabled={busy || value === ''} onClick={() => void send(secondary.onSubmit)}>
            {secondary.label}
          </button>
        )}
      </div>
      <p id={`${id}-help`} className="hint">Sent once to the app and stored only in the OS keychain; it is never shown again.</p>
      {notices.map((n) => (
        <p key={n} className="notice" role="status">{n}</p>
      ))}
      {warnings.map((w) => (
        <p key={w} className="warning" role="alert">{w}</p>
      ))}
    </form>
  );
}
