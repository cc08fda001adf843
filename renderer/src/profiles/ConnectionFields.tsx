// The editor's "how to connect" part: the auth scheme and its non-secret fields, API-key header
// names, and the proxy. Secrets (password, client secret, key values, proxy password) are entered
// in the profile's details after saving and go straight to the OS keychain; TLS files are chosen
// there too (with the host's file dialog).

import type { ProfileForm } from './profile-form';

export interface ConnectionFieldsProps {
  form: ProfileForm;
  set: <K extends keyof ProfileForm>(key: K, value: ProfileForm[K]) => void;
  /** Prefix for element ids (the editor's useId). */
  id: string;
}

export function ConnectionFields({ form, set, id }: ConnectionFieldsProps) {
  const f = (name: string) => `${id}-${name}`;
  return (
    <>
      <fieldset className="field-group">
        <legend>Authentication</legend>
        <div className="field">
          <label htmlFor={f('scheme')}>Scheme</label>
          <select id={f('scheme')} value={form.scheme} onChange={(e) => set('scheme', e.target.value as ProfileForm['scheme'])}>
            <option value="bearer">Bearer token</option>
            <option value="basic">HTTP Basic (user and password)</option>
            <option value="oauth2">OAuth 2.0 client credentials</option>
            <option value="api-key">API key header only</option>
          </select>
        </div>
        {form.scheme === 'basic' && (
          <div className="field">
            <label htmlFor={f('username')}>User name</label>
            <input id={f('username')} value={form.username} onChange={(e) => set('username', e.target.value)} autoComplete="off" spellCheck={false} />
          </div>
        )}
        {form.scheme === 'oauth2' && (
          <>
            <div className="field">
              <label htmlFor={f('token-url')}>Token URL</label>
              <input id={f('token-url')} type="url" value={form.tokenUrl} onChange={(e) => set('tokenUrl', e.target.value)} placeholder="https://login.example.com/oauth2/token" spellCheck={false} />
            </div>
            <div className="field-row">
              <div className="field">
                <label htmlFor={f('client-id')}>Client id</label>
                <input id={f('client-id')} value={form.clientId} onChange={(e) => set('clientId', e.target.value)} autoComplete="off" spellCheck={false} />
              </div>
              <div className="field">
                <label htmlFor={f('scope')}>Scope <span className="hint">(optional)</span></label>
                <input id={f('scope')} value={form.scope} onChange={(e) => set('scope', e.target.value)} spellCheck={false} />
              </div>
            </div>
            <div className="field">
              <label htmlFor={f('client-auth')}>Client authentication</label>
              <select id={f('client-auth')} value={form.clientAuth} onChange={(e) => set('clientAuth', e.target.value as ProfileForm['clientAuth'])}>
                <option value="basic">HTTP Basic (client_secret_basic)</option>
                <option value="post">In the form body (client_secret_post)</option>
              </select>
            </div>
          </>
        )}
        <div className="field">
          <label htmlFor={f('secret-headers')}>API-key headers <span className="hint">(header names, one per line; their values go to the keychain)</span></label>
          <textarea id={f('secret-headers')} rows={1} value={form.secretHeaders} onChange={(e) => set('secretHeaders', e.target.value)} spellCheck={false} placeholder={form.scheme === 'api-key' ? 'X-API-Key' : ''} />
        </div>
        <p className="hint">Secrets are entered after saving, in the profile's details, and kept only in the OS keychain.</p>
      </fieldset>
      <fieldset className="field-group">
        <legend>Proxy</legend>
        <div className="field">
          <label htmlFor={f('proxy-mode')}>Proxy</label>
          <select id={f('proxy-mode')} value={form.proxyMode} onChange={(e) => set('proxyMode', e.target.value as ProfileForm['proxyMode'])}>
            <option value="environment">From the environment (HTTPS_PROXY, NO_PROXY)</option>
            <option value="none">None (connect directly)</option>
            <option value="url">This proxy</option>
          </select>
        </div>
        {form.proxyMode === 'url' && (
          <div className="field-row">
            <div className="field">
              <label htmlFor={f('proxy-url')}>Proxy URL</label>
              <input id={f('proxy-url')} value={form.proxyUrl} onChange={(e) => set('proxyUrl', e.target.value)} placeholder="http://proxy.example.com:3128" spellCheck={false} />
            </div>
            <div className="field">
              <label htmlFor={f('proxy-user')}>Proxy user <span className="hint">(optional)</span></label>
              <input id={f('proxy-user')} value={form.proxyUser} onChange={(e) => set('proxyUser', e.target.value)} autoComplete="off" spellCheck={false} />
            </div>
          </div>
        )}
      </fieldset>
    </>
  );
}
