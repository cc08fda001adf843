// Browser mode: the renderer and the channel map on node:http at 127.0.0.1 (random port by
// default). POST /api/<channel> answers a Result; GET /api/events is a server-sent-event stream of
// the pushes. A random per-launch secret travels once in the opened URL's fragment (never sent to
// the server by the browser) and then in a header on every call. Host and Origin are pinned.

import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { homedir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { isChannelName, type EventMap, type EventName, type SandboxVendor, SANDBOX_VENDORS } from '../../shared/channels';
import { BULK_BODY_BYTES, BULK_CHANNELS, bodyLimitFor } from '../../shared/channels/body-limits';
import { InspectorError } from '../../shared/errors';
import { coreFunctions, createAppContext, dispatch, savedProfiles, type SaveFileRequest } from '../core/app/index';
import type { SavePathRequest } from '../core/app/context';
import { MAX_JSON_DEPTH, nestsDeeperThan } from '../core/io/json-depth';
import { ensurePrivateDir, PRIVATE_DIR_MODE, writePrivateFile } from '../core/io/private-files';
import { createProfileStore } from '../core/profiles/index';
import { createKeytarVault, type Vault } from '../core/vault/index';
import { securityHeaders } from './csp';
import { openInBrowser } from './open-browser';
import { defaultRendererDir, readStaticFile } from './static-files';
import { checkApi, checkHost, type GuardConfig } from './web-guards';

export interface WebHostOptions {
  /** 0 or absent: a free port. */
  port?: number;
  /** Open the URL in the default browser (best effort). */
  open?: boolean;
  /** Vendor of the demo sandbox tenant (rfc by default). */
  sandboxVendor?: string;
  sandboxUsers?: number;
  /** Built renderer; defaults to dist/ of the checkout. */
  rendererDir?: string;
  /** Where requestLog.exportHar writes (the browser cannot show main's save dialog). */
  exportDir?: string;
  /** Offer the saved profiles (profiles.json + keychain) besides the demo; default true. */
  savedProfiles?: boolean;
  /** Folder of profiles.json and the app's data (default SCIM_INSPECTOR_HOME or the OS user-data dir). */
  dataDir?: string;
  /** Fixed secret, for tests only; normally a fresh random one per launch. */
  secret?: string;
  /** Where saved profiles' tokens live; for tests and benches only (default: the OS keychain). */
  vault?: Vault;
}

export interface WebHost {
  /** http://127.0.0.1:PORT/#secret=… — open this; the fragment never reaches a server log. */
  url: string;
  origin: string;
  close(): Promise<void>;
}


function sandboxVendor(value: string | undefined): SandboxVendor | undefined {
  if (value === undefined || value === '') return undefined;
  if (!(SANDBOX_VENDORS as readonly string[]).includes(value)) {
    throw new InspectorError('usage', `Unknown sandbox vendor "${value}"; use one of ${SANDBOX_VENDORS.join(', ')}.`);
  }
  return value as SandboxVendor;
}

/** The app version from the package.json next to the renderer build (dist/..). */
function packageVersion(rendererDir: string): string {
  try {
    const pkg: unknown = JSON.parse(readFileSync(join(dirname(rendererDir), 'package.json'), 'utf8'));
    const version = typeof pkg === 'object' && pkg !== null ? (pkg as Record<string, unknown>).version : undefined;
    if (typeof version === 'string') return version;
  } catch {
    // A renderer outside a checkout (tests, custom builds) has no package.json beside it.
  }
  return process.env.npm_package_version ?? '0.0.0';
}

/**
 * Where browser-mode exports go (the page cannot show a save dialog): the user's Downloads, as in
 * the desktop app, or else the app's own data folder — never a shared folder under /tmp.
 */
function defaultExportDir(dataDir: string): { dir: string; ours: boolean } {
  const downloads = join(homedir(), 'Downloads');
  return existsSync(downloads) ? { dir: downloads, ours: false } : { dir: join(dataDir, 'exports'), ours: true };
}

/** The export folder ready to write in: the app's own one private, the user's as it is. */
async function exportFolder(target: { dir: string; ours: boolean }, dataDir: string): Promise<string> {
  if (target.ours) await ensurePrivateDir(target.dir, dataDir);
  else await mkdir(target.dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  return target.dir;
}

async function saveToDir(dir: string, request: SaveFileRequest): Promise<{ saved: boolean; path: string }> {
  const path = join(dir, basename(request.suggestedName));
  await writePrivateFile(path, request.content, { exclusive: true });
  return { saved: true, path };
}

/** A new file in the export folder for a streamed export: never an existing file's name. */
function freeExportPath(dir: string, request: SavePathRequest): string {
  const name = basename(request.suggestedName);
  const dot = name.lastIndexOf('.');
  const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
  for (let i = 0; i < 1000; i += 1) {
    const path = join(dir, i === 0 ? name : `${stem}-${i}${ext}`);
    if (!existsSync(path)) return path;
  }
  throw new InspectorError('io', `The export folder ${dir} already holds 1000 files named like ${name}; move some away.`, { path: dir });
}

/** Past the limit the rest of a body is read and dropped (so the 413 reaches the client), up to this. */
const DRAIN_LIMIT = 4 * BULK_BODY_BYTES;

/** A call's body, or how big it was when it went past `limit` (the rest is drained, not kept). */
function readBody(req: IncomingMessage, limit: number): Promise<{ text: string } | { tooLarge: number }> {
  return new Promise((done, fail) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > DRAIN_LIMIT) req.destroy();
      else if (size <= limit) chunks.push(chunk);
      else chunks.length = 0;
    });
    req.on('end', () => done(size > limit ? { tooLarge: size } : { text: Buffer.concat(chunks).toString('utf8') }));
    req.on('error', fail);
  });
}

const megabytes = (bytes: number): string => `${Number((bytes / 1024 / 1024).toFixed(1))} MB`;

function tooLargeMessage(channel: string, size: number, limit: number): string {
  const what = `The call ${channel} was sent ${megabytes(size)}; it takes at most ${megabytes(limit)}.`;
  return BULK_CHANNELS.includes(channel)
    ? `${what} For a list or export this big use the CLI (deactivate --from-csv FILE, audit --idp-csv FILE --idp-key COLUMN), or split it.`
    : `${what} This page never sends that much; reload it, and report this if it happens again.`;
}

export async function startWebHost(options: WebHostOptions = {}): Promise<WebHost> {
  const secret = options.secret ?? randomBytes(32).toString('base64url');
  const rendererDir = options.rendererDir ?? defaultRendererDir();
  const vendor = sandboxVendor(options.sandboxVendor);
  const streams = new Set<ServerResponse>();
  const headers = securityHeaders('browser');

  const emit = <E extends EventName>(event: E, payload: EventMap[E]): void => {
    const frame = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`;
    for (const res of streams) res.write(frame);
  };
  // Decided at each export: Downloads may be created while the app runs.
  const exportTarget = (): { dir: string; ours: boolean } => (options.exportDir !== undefined ? { dir: options.exportDir, ours: false } : defaultExportDir(ctx.dataDir));
  const ctx = createAppContext({
    mode: 'browser',
    version: packageVersion(rendererDir),
    emit,
    saveFile: async (request) => saveToDir(await exportFolder(exportTarget(), ctx.dataDir), request),
    choosePath: async (request) => freeExportPath(await exportFolder(exportTarget(), ctx.dataDir), request),
    // The same profiles.json as the desktop app and the CLI; tokens only through the OS keychain.
    ...(options.savedProfiles === false ? {} : { profiles: savedProfiles(createProfileStore(options.dataDir !== undefined ? { dir: options.dataDir } : {}), options.vault ?? createKeytarVault()) }),
    ...(options.dataDir !== undefined ? { dataDir: options.dataDir } : {}),
    sandbox: { ...(vendor ? { vendor } : {}), ...(options.sandboxUsers !== undefined ? { users: options.sandboxUsers } : {}) },
  });
  let guard: GuardConfig = { host: '', origin: '', secret };

  const send = (res: ServerResponse, status: number, contentType: string, body: string | Buffer): void => {
    res.writeHead(status, { ...headers, 'Content-Type': contentType });
    res.end(body);
  };
  const forbidden = (res: ServerResponse, reason: string): void =>
    send(res, 403, 'application/json', JSON.stringify({ ok: false, error: { code: 'forbidden', message: `Refused: ${reason}. Open the URL that \`serve\` printed.` } }));

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (path.startsWith('/api/')) {
      const verdict = checkApi(req, guard);
      if (!verdict.ok) return forbidden(res, verdict.reason);
      if (path === '/api/events' && req.method === 'GET') {
        res.writeHead(200, { ...headers, 'Content-Type': 'text/event-stream', Connection: 'keep-alive' });
        res.write(': connected\n\n');
        streams.add(res);
        req.on('close', () => streams.delete(res));
        return;
      }
      const channel = path.slice('/api/'.length);
      if (req.method !== 'POST') return send(res, 405, 'text/plain; charset=utf-8', 'Use POST.\n');
      if (!isChannelName(channel)) return send(res, 404, 'application/json', JSON.stringify({ ok: false, error: { code: 'not-found', message: `There is no call named "${channel}".` } }));
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return send(res, 415, 'text/plain; charset=utf-8', 'Send application/json.\n');
      const limit = bodyLimitFor(channel);
      const body = await readBody(req, limit);
      if ('tooLarge' in body) {
        return send(res, 413, 'application/json', JSON.stringify({ ok: false, error: { code: 'body-too-large', message: tooLargeMessage(channel, body.tooLarge, limit) } }));
      }
      const refuse = (message: string): void => send(res, 400, 'application/json', JSON.stringify({ ok: false, error: { code: 'invalid-input', message } }));
      // Walking a body nested thousands deep would exhaust the stack; no call takes one.
      if (nestsDeeperThan(body.text)) return refuse(`The request body is JSON nested more than ${MAX_JSON_DEPTH} levels deep; no call takes that.`);
      let input: unknown;
      try {
        input = body.text === '' ? undefined : (JSON.parse(body.text) as unknown);
      } catch {
        return refuse('The request body is not JSON.');
      }
      const result = await dispatch(coreFunctions, ctx, channel, input);
      return send(res, 200, 'application/json', JSON.stringify(result));
    }
    const hostOk = checkHost(req, guard);
    if (!hostOk.ok) return forbidden(res, hostOk.reason);
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain; charset=utf-8', 'Method not allowed.\n');
    const file = await readStaticFile(rendererDir, path);
    if (file) return send(res, 200, file.contentType, file.body);
    if (path === '/' || path === '/index.html') {
      return send(res, 503, 'text/plain; charset=utf-8', `The renderer is not built (${rendererDir} has no index.html). Run \`npm run build:renderer\`, then reload.\n`);
    }
    return send(res, 404, 'text/plain; charset=utf-8', 'Not found.\n');
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error('[scim-inspector] web host request failed:', error);
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', 'Internal error; see the terminal.\n');
      else res.destroy();
    });
  });
  await new Promise<void>((done, fail) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      fail(new InspectorError('io', `Browser mode could not listen on 127.0.0.1: ${error.code === 'EADDRINUSE' ? `port ${String(options.port)} is in use; pick another or use 0` : error.message}.`));
    });
    server.listen(options.port ?? 0, '127.0.0.1', () => done());
  });
  const { port } = server.address() as AddressInfo;
  guard = { host: `127.0.0.1:${port}`, origin: `http://127.0.0.1:${port}`, secret };
  const url = `${guard.origin}/#secret=${secret}`;
  let removeRedirect: (() => Promise<void>) | null = null;
  if (options.open) {
    // Best effort, as the URL is printed anyway; a failure is said, not hidden.
    removeRedirect = await openInBrowser(url, join(ctx.dataDir, 'run')).catch((error: unknown) => {
      console.error(`[scim-inspector] could not open a browser (${error instanceof Error ? error.message : String(error)}); open the printed URL.`);
      return null;
    });
  }

  let closing: Promise<void> | null = null;
  return {
    url,
    origin: guard.origin,
    close: () => {
      closing ??= (async () => {
        for (const res of streams) res.end();
        streams.clear();
        await new Promise<void>((done) => {
          server.close(() => done());
          server.closeAllConnections();
        });
        await removeRedirect?.();
        await ctx.close();
      })();
      return closing;
    },
  };
}
