// One selected profile: where it points, its token (metadata only) with the token field, the
// "Test connection" button and its result, and the editor. The built-in sandbox shows only the
// test: its token is generated per run and kept in main.

import type { ConnectionTestResult, ProfileFields, ProfileSummary } from '../../../shared/channels/profiles';
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
            <dt>Token</dt>
            <dd data-testid="token-state">{describeToken(profile.token)}</dd>
          </>
        )}
      </dl>
      {!profile.builtIn && (
        <TokenField
          disabled={busy}
          submitLabel={hasToken ? 'Replace token' : 'Save token'}
          onSubmit={props.onSetToken}
          {...(hasToken ? { secondary: { label: 'Test new token, then replace', onSubmit: props.onRotateToken } } : {})}
        />
      )}
      <div className="detail-actions">
        <button type="button" onClick={() => void props.onTest()} disabled={busy}>Test connection</button>
        {!profile.builtIn && (
          <button type="button" onClick={() => props.onEdit(true)} disabled={busy}>Edit profile</button>
        )}
        {!profile.builtIn && hasToken && (
          <button type="button" onClick={() => void props.onClearToken()} disabled={busy}>Forget token</button>
        )}
      </div>
      {test && <ConnectionTest result={test} />}
    </section>
  );
}
