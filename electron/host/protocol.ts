// The renderer is served from app://renderer/ rather than file:// (Electron's security guidance):
// a real origin for the sender check, paths confined to dist/, and a CSP header with
// connect-src 'none' on every response.

import { protocol } from 'electron';
import { APP_HOST, APP_SCHEME } from './ipc';
import { securityHeaders } from './csp';
import { readStaticFile } from './static-files';

/** Must run before app 'ready'. */
export function registerAppScheme(): void {
  // standard: relative URLs, origin and storage like https; secure: a secure context; vite emits
  // <script type="module" crossorigin>, which Chromium fetches in CORS mode, hence corsEnabled and
  // supportFetchAPI (as VS Code does for its vscode-file scheme). Responses carry no
  // Access-Control-Allow-Origin, so no other origin can read them.
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } }]);
}

export function serveRenderer(rendererDir: string): void {
  const headers = securityHeaders('electron');
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const file = url.host === APP_HOST && request.method === 'GET' ? await readStaticFile(rendererDir, url.pathname) : null;
    if (!file) return new Response('Not found', { status: 404, headers });
    return new Response(new Uint8Array(file.body), { status: 200, headers: { ...headers, 'Content-Type': file.contentType } });
  });
}
