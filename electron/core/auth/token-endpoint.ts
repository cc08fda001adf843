// One OAuth 2.0 client-credentials token request (RFC 6749 §4.4) and its answer: the form body,
// client authentication (§2.3.1: HTTP Basic with form-encoded id and secret, or both in the body),
// the success document (§5.1) and every kind of failure explained — the endpoint's own errors
// (§5.2: invalid_client, invalid_scope, unauthorized_client…), an unreachable endpoint, and an
// answer that is not a token response at all (a login page, a wrong URL).

import { InspectorError } from '../../../shared/errors';
import { describeNonScimBody } from '../scim/errors';
import type { AuthContext } from './types';

export interface ClientCredentials {
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  scope: string | null;
  clientAuth: 'basic' | 'post';
}

export interface IssuedToken {
  accessToken: string;
  /** expires_in in seconds, when the endpoint said. */
  expiresIn: number | null;
  /** The scope granted (the `scope` of the answer, else the one asked for). */
  scope: string | null;
}

/** application/x-www-form-urlencoded, as §2.3.1 asks for the id and secret inside Basic. */
function formEncode(value: string): string {
  return new URLSearchParams({ v: value }).toString().slice(2);
}

const ADVICE: Record<string, string> = {
  invalid_client:
    'the client id or secret is wrong, the client was disabled, or it may not authenticate this way — check them in the identity provider, and try the other client authentication (--client-auth basic|post) if the provider expects it',
  invalid_scope: 'a scope asked for is unknown or not granted to this client — check the scope (--scope) against what the API permission allows',
  unauthorized_client: 'this client may not use the client-credentials grant — enable it (machine-to-machine / service account) for the application in the identity provider',
  unsupported_grant_type: 'the endpoint does not offer the client-credentials grant — check that the token URL is the provider\'s OAuth 2.0 token endpoint',
  invalid_grant: 'the grant was refused — check that the token URL belongs to the client\'s provider',
  invalid_request: 'the request was malformed for this provider — check the token URL and client authentication method',
};

function tokenError(ctx: { tokenUrl: string; status: number }, error: string, description: string | null): InspectorError {
  const why = ADVICE[error] ?? 'check the token URL, client id, secret and scope';
  const said = description ? ` The endpoint said: ${description.replace(/\s+/g, ' ').slice(0, 300)}` : '';
  const code = error === 'invalid_scope' || error === 'invalid_request' ? 'invalid-input' : 'unauthorized';
  return new InspectorError(code, `The OAuth token endpoint ${ctx.tokenUrl} refused the token request (${ctx.status}, ${error}): ${why}.${said}`, { tokenEndpoint: ctx.tokenUrl, status: ctx.status, oauthError: error });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Fetches a token; every failure is an InspectorError saying what to fix. */
export async function requestToken(credentials: ClientCredentials, ctx: AuthContext): Promise<IssuedToken> {
  const { tokenUrl, clientId, clientSecret, scope, clientAuth } = credentials;
  ctx.secrets.add(clientSecret);
  const form = new URLSearchParams({ grant_type: 'client_credentials' });
  if (scope) form.set('scope', scope);
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' };
  if (clientAuth === 'basic') {
    const pair = `${formEncode(clientId)}:${formEncode(clientSecret)}`;
    ctx.secrets.add(pair);
    ctx.secrets.add(formEncode(clientSecret));
    // The header's base64 as a secret of its own: echoed base64 of the whole header holds it base64'd again.
    const encoded = Buffer.from(pair).toString('base64');
    ctx.secrets.add(encoded);
    headers.authorization = `Basic ${encoded}`;
  } else {
    form.set('client_id', clientId);
    form.set('client_secret', clientSecret);
  }
  let res;
  try {
    res = await ctx.post({
      url: tokenUrl,
      headers,
      body: form.toString(),
      secretsIn: (text) => {
        try {
          const doc: unknown = JSON.parse(text);
          return isRecord(doc) ? [typeof doc.access_token === 'string' ? doc.access_token : null, typeof doc.refresh_token === 'string' ? doc.refresh_token : null, typeof doc.id_token === 'string' ? doc.id_token : null] : [];
        } catch {
          return [];
        }
      },
    });
  } catch (error) {
    if (error instanceof InspectorError && (error.code === 'network' || error.code === 'timeout')) {
      throw new InspectorError(error.code, `The OAuth token endpoint ${tokenUrl} could not be reached: ${error.message} Check the token URL and the network (proxy, VPN).`, { ...error.details, tokenEndpoint: tokenUrl });
    }
    throw error;
  }
  let doc: unknown = null;
  try {
    doc = JSON.parse(res.text);
  } catch {
    doc = null;
  }
  const status = res.status;
  if (isRecord(doc) && typeof doc.error === 'string') {
    throw tokenError({ tokenUrl, status }, doc.error, typeof doc.error_description === 'string' ? doc.error_description : null);
  }
  if (status < 200 || status >= 300 || !isRecord(doc)) {
    const excerpt = describeNonScimBody(ctx.secrets.text(res.text), res.headers['content-type'] ?? '');
    throw new InspectorError(
      status === 401 || status === 403 ? 'unauthorized' : 'bad-response',
      `The OAuth token endpoint ${tokenUrl} answered ${status}${excerpt ? ` ("${excerpt}")` : ''} instead of a token. Check that the token URL is the provider's OAuth 2.0 token endpoint (it usually ends in /token).`,
      { tokenEndpoint: tokenUrl, status },
    );
  }
  const accessToken = doc.access_token;
  if (typeof accessToken !== 'string' || accessToken === '') {
    throw new InspectorError('bad-response', `The OAuth token endpoint ${tokenUrl} answered ${status} without an access_token. Check the token URL.`, { tokenEndpoint: tokenUrl, status });
  }
  ctx.secrets.add(accessToken);
  const type = doc.token_type;
  if (typeof type === 'string' && type.toLowerCase() !== 'bearer') {
    throw new InspectorError('bad-response', `The OAuth token endpoint issued a "${type.slice(0, 40)}" token; SCIM calls need a Bearer token (RFC 6750). Check the provider's token settings for this client.`, { tokenEndpoint: tokenUrl });
  }
  // Some providers send expires_in as a string.
  const rawExpiry = typeof doc.expires_in === 'string' ? Number(doc.expires_in) : doc.expires_in;
  const expiresIn = typeof rawExpiry === 'number' && Number.isFinite(rawExpiry) && rawExpiry > 0 ? rawExpiry : null;
  const granted = typeof doc.scope === 'string' && doc.scope.trim() !== '' ? doc.scope.trim() : scope;
  return { accessToken, expiresIn, scope: granted };
}
