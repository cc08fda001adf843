// Reading the built renderer (dist/) for both hosts: the Electron app:// protocol and browser
// mode. Paths are resolved inside the root only, so "../" in a URL can never leave dist/.

import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

export interface StaticFile {
  body: Buffer;
  contentType: string;
}

/** The renderer build: an explicit dir, else dist/ next to the checkout or the working dir. */
export function defaultRendererDir(): string {
  // import.meta.url is absent when this file is bundled to CommonJS (Electron main passes its dir).
  const moduleUrl: unknown = import.meta.url;
  const here = typeof moduleUrl === 'string' ? fileURLToPath(new URL('.', moduleUrl)) : process.cwd();
  const candidates = [resolve(here, '../../dist'), resolve(here, '../dist'), resolve(process.cwd(), 'dist')];
  return candidates.find((dir) => existsSync(join(dir, 'index.html'))) ?? resolve(process.cwd(), 'dist');
}

/** The file for a URL path ("/" is index.html), or null when it is not inside root or missing. */
export async function readStaticFile(root: string, urlPath: string): Promise<StaticFile | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const base = resolve(root);
  const file = resolve(base, relative);
  if (file !== base && !file.startsWith(base + sep)) return null;
  try {
    const body = await readFile(file);
    return { body, contentType: TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream' };
  } catch {
    return null;
  }
}
