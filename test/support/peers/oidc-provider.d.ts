// oidc-provider ships no types; the test peer (oauth-server.ts) uses only its constructor and
// narrows what it returns itself.
declare module 'oidc-provider' {
  export default class Provider {
    constructor(issuer: string, configuration: Record<string, unknown>);
  }
}
