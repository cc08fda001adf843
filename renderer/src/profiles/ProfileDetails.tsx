// One selected profile: where it points, its token (metadata only) with the token field, the
// "Test connection" button and its result, and the editor. The built-in sandbox shows only the
// test: its token is generated per run and kept in main. A profile of another scheme shows its
// other secrets and TLS files instead of the token field (ConnectionSecrets).

import type { ConnectionTestResult, ProfileFields, ProfileSummary } from '../../../shared/channels/profiles';
import { ConnectionSecrets, type ConnectionSecretsProps } from './ConnectionSecrets';
import { ConnectionTest } from './ConnectionTest';
import { ProfileEditor } from './ProfileEditor';
import { formFromSummary } from './profile-form';
import { StatusChip } from './StatusChip';
import { TokenField } from './TokenField';
import { describeToken } from './token-input';

export interface ProfileDetailsProps {
  profile: ProfileSummary;
  test: ConnectionTestResult | null;
  editing: boolean;
  busy: boolean;
  onEdit(editing: boolean): void;
  onSave(fields: ProfileFields): Promise<void>;
  onDelete(): Promise<void>;
  onSetToken(token: string): Promise<void>;
  onRotateToken(token: string): Promise<void>;
  onClearToken(): Promise<void>;
  onTest(): Promise<void>;
  /** Secrets besides the token and TLS files (absent: not offered, e.g. the built-in sandbox). */
  connection?: Omit<ConnectionSecretsProps, 'profile' | 'busy'>;
}

function schemeText(p: ProfileSummary): string {
  const a = p.auth;
  if (a.scheme === 'basic') return `HTTP Basic (user ${a.username})`;
  if (a.scheme === 'oauth2') return `OAuth 2.0 client credentials (client ${a.clientId} at ${a.tokenUrl}${a.scope ? `, scope ${a.scope}` : ''})`;
  if (a.scheme === 'api-key') return `API key in ${p.secretHeaders.join(', ')}`;
  return p.secretHeaders.length > 0 ? `Bearer token + ${p.secretHeaders.join(', ')}` : 'Bearer token';
}

function proxyText(p: ProfileSummary): string {
  if (p.proxy.mode === 'url') return `${p.proxy.url}${p.proxy.username ? ` (user ${p.proxy.username})` : ''}`;
  return p.proxy.mode === 'none' ? 'none (direct)' : 'from the environment';
}

export function ProfileDetails(props: ProfileDetailsProps) {
  const { profile, test, editing, busy } = props;
  if (editing && !profile.builtIn) {
    return (
      <ProfileEditor
        key={profile.id}
        initial={formFromSummary(profile)}
        creating={false}
        busy={busy}
        onSave={props.onSave}
        onCancel={() => props.onEdit(false)}
        onDelete={props.onDelete}
      />
    );
  }
  const hasToken = profile.token?.hasToken === true;
  const bearer = profile.auth.scheme === 'bearer';
  return (
    <section className="profile-details" aria-label={`Profile ${profile.name}`} data-testid="profile-details">
      <h3>
        {profile.name} <StatusChip status={profile.status} detail={profile.statusDetail} />
        {profile.readOnly && <span className="badge-ro">read-only</span>}
      </h3>
      <dl className="facts">
        <dt>Base URL</dt>
        <dd><code>{profile.baseUrl}</code></dd>
        <dt>Vendor</dt>
        <dd>{profile.vendor}</dd>
        {profile.headers.length > 0 && (
          <>
            <dt>Headers</dt>
            <dd>{profile.headers.map((h) => `${h.name}: ${h.value}`).join(' · ')}</dd>
          </>
        )}
        {profile.protectedUsers.length > 0 && (
          <>
            <dt>Protected</dt>
            <dd>{profile.protectedUsers.join(', ')}</dd>
          </>
        )}
        {!profile.builtIn && (
          <>
            <dt>Auth</dt>
            <dd data-testid="auth-scheme">{schemeText(profile)}</dd>
            <dt>Proxy</dt>
            <dd>{proxyText(profile)}</dd>
          </>
        )}
        {!profile.builtIn && bearer && (
          <>
            <dt>Token</dt>
            <dd data-testid="token-state">{describeToken(profile.token)}</dd>
          </>
        )}
      </dl>
      {!profile.builtIn && bearer && (
        <TokenField
          disabled={busy}
          submitLabel={hasToken ? 'Replace token' : 'Save token'}
          onSubmit={props.onSetToken}
          {...(hasToken ? { secondary: { label: 'Test new token, then replace', onSubmit: props.onRotateToken } } : {})}
        />
      )}
      {!profile.builtIn && props.connection && <ConnectionSecrets profile={profile} busy={busy} {...props.connection} />}
      <div className="detail-actions">
        <button type="button" onClick={() => void props.onTest()} disabled={busy}>Test connection</button>
        {!profile.builtIn && (
          <button type="button" onClick={() => props.onEdit(true)} disabled={busy}>Edit profile</button>
        )}
        {!profile.builtIn && bearer && hasToken && (
          <button type="button" onClick={() => void props.onClearToken()} disabled={busy}>Forget token</button>
        )}
      </div>
      {test && <ConnectionTest result={test} />}
    </section>
  );
}
