// A saved profile's secrets besides the bearer token (Basic password, OAuth client secret, API-key
// values, proxy password, key passphrase) and its TLS files. Each secret field is a password input
// whose value goes to main once, to the OS keychain, and is cleared right after; the page only
// ever learns "stored" or "not stored". TLS files are picked with main's open dialog in the desktop
// app; in browser mode the browser's file input reads the PEM and main keeps an owner-only copy.

import { useId, useState, type FormEvent } from 'react';
import type { ProfileSummary, SecretState, TlsFileInfo } from '../../../shared/channels/profiles';
import type { TlsRole } from '../../../shared/channels/profile-connection';

export interface ConnectionSecretsProps {
  profile: ProfileSummary;
  busy: boolean;
  /** true: main shows the open dialog (desktop app); false: the page's file input sends the PEM. */
  hostDialog: boolean;
  onSetSecret(kind: string, value: string): Promise<void>;
  onClearSecret(kind: string): Promise<void>;
  onChooseTls(role: TlsRole, file?: { pem: string; fileName: string }): Promise<void>;
  onClearTls(role: TlsRole): Promise<void>;
}

function SecretRow({ secret, busy, onSave, onClear }: { secret: SecretState; busy: boolean; onSave(value: string): Promise<void>; onClear(): Promise<void> }) {
  const id = useId();
  const [value, setValue] = useState('');
  const label = secret.label.charAt(0).toUpperCase() + secret.label.slice(1);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const sent = value;
    // Cleared before the answer: the page never keeps the secret longer than the send.
    setValue('');
    if (sent !== '') void onSave(sent);
  };
  return (
    <form className="secret-field" onSubmit={submit} aria-label={label}>
      <label htmlFor={id}>{label}</label>
      <input id={id} type="password" autoComplete="off" spellCheck={false} value={value} disabled={busy} onChange={(e) => setValue(e.target.value)} />
      <span data-testid={`secret-state-${secret.kind}`}>{secret.stored ? 'stored in the keychain' : 'not stored yet'}</span>
      <button type="submit" disabled={busy || value === ''}>{secret.stored ? 'Replace' : 'Save'}</button>
      {secret.stored && (
        <button type="button" disabled={busy} onClick={() => void onClear()}>Forget</button>
      )}
    </form>
  );
}

const TLS_LABEL: Record<TlsRole, string> = { ca: 'Private CA', clientCert: 'Client certificate', clientKey: 'Client key' };

function describe(info: TlsFileInfo | null): string {
  if (info === null) return 'none';
  if (info.problem) return `${info.fileName}: ${info.problem}`;
  return info.certificate ? `${info.fileName} (${info.certificate.subject}, issued by ${info.certificate.issuer})` : info.fileName;
}

function TlsRow({ role, info, busy, hostDialog, onChoose, onClear }: { role: TlsRole; info: TlsFileInfo | null; busy: boolean; hostDialog: boolean; onChoose: ConnectionSecretsProps['onChooseTls']; onClear(): Promise<void> }) {
  const id = useId();
  return (
    <div className="tls-file" data-tls-role={role}>
      <span id={`${id}-label`}>{TLS_LABEL[role]}</span>: <span data-testid={`tls-${role}`}>{describe(info)}</span>{' '}
      {hostDialog ? (
        <button type="button" disabled={busy} aria-describedby={`${id}-label`} onClick={() => void onChoose(role)}>Choose file…</button>
      ) : (
        <input
          type="file"
          aria-label={`${TLS_LABEL[role]} file`}
          accept=".pem,.crt,.cer,.key"
          disabled={busy}
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void file.text().then((pem) => onChoose(role, { pem, fileName: file.name }));
          }}
        />
      )}
      {info && (
        <button type="button" disabled={busy} onClick={() => void onClear()}>Remove</button>
      )}
    </div>
  );
}

export function ConnectionSecrets({ profile, busy, hostDialog, onSetSecret, onClearSecret, onChooseTls, onClearTls }: ConnectionSecretsProps) {
  return (
    <section className="connection-secrets" aria-label="Secrets and TLS files">
      {profile.secrets.map((s) => (
        <SecretRow key={s.kind} secret={s} busy={busy} onSave={(v) => onSetSecret(s.kind, v)} onClear={() => onClearSecret(s.kind)} />
      ))}
      {profile.secrets.length > 0 && <p className="hint">Each secret is sent once to the app and kept only in the OS keychain; it is never shown again.</p>}
      <fieldset className="field-group">
        <legend>TLS files</legend>
        {(['ca', 'clientCert', 'clientKey'] as const).map((role) => (
          <TlsRow key={role} role={role} info={profile.tls[role]} busy={busy} hostDialog={hostDialog} onChoose={onChooseTls} onClear={() => onClearTls(role)} />
        ))}
      </fieldset>
    </section>
  );
}
