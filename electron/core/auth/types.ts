// The one interface the transport calls to authenticate a request, whatever the scheme: bearer
// token, HTTP Basic, OAuth 2.0 client credentials, API-key headers. A scheme hands out the headers
// for one request (adding every secret they carry to the connection's secret set first, so no log
// or error can show them) and may ask for one retry of a request the server refused with 401.

import type { AuthDetails } from '../../../shared/channels/profiles';
import type { SecretSet } from '../secrets/index';

/** A plain HTTP exchange through the connection's network (proxy, CAs), logged: for token endpoints. */
export interface AuthHttpRequest {
  url: string;
  headers: Record<string, string>;
  /** application/x-www-form-urlencoded body. */
  body: string;
  /** Secrets in the answer (an issued access token), added to the secret set before it is logged. */
  secretsIn?: (text: string) => (string | null | undefined)[];
}

export interface AuthHttpResponse {
  status: number;
  headers: Record<string, string>;
  text: string;
}

export interface AuthContext {
  secrets: SecretSet;
  signal?: AbortSignal;
  post(request: AuthHttpRequest): Promise<AuthHttpResponse>;
}

export interface AppliedAuth {
  /** Headers to send (Authorization, API keys). */
  headers: Record<string, string>;
  /** The same headers as the request log shows them ("Bearer [redacted]"). */
  shown: Record<string, string>;
  /** Which credential this was (an OAuth token's number), for a 401 to name the one refused. */
  generation: number;
}

/** What "Test connection" shows about the scheme; never a secret. */
export type AuthInfo = AuthDetails;

export interface RequestAuth {
  apply(ctx: AuthContext): Promise<AppliedAuth>;
  /**
   * The server answered 401 to a request sent with `applied`: true when a new credential was
   * obtained (or another request already got one), so the whole request is worth one retry.
   */
  refreshAfter?(applied: AppliedAuth, response: { status: number; headers: Record<string, string> }, ctx: AuthContext): Promise<boolean>;
  info(): AuthInfo;
}
