// Electron fuses are flipped in the packaged binary by electron-builder (`electronFuses`), which
// cannot run here (it downloads Electron); so the config is read and held to the fuses the app
// ships with, and the app is checked not to rely on what those fuses switch off.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../../..');
const require = createRequire(import.meta.url);
const config = require(join(root, 'build/electron-builder.config.cjs')) as { electronFuses?: Record<string, unknown>; asar?: unknown };

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('Electron fuses in the electron-builder config', () => {
  it('turns off running as Node, NODE_OPTIONS and --inspect, and loads only an integrity-checked app.asar', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('packs the app into app.asar (onlyLoadAppFromAsar would find nothing otherwise)', () => {
    expect(config.asar === undefined || config.asar === true || typeof config.asar === 'object').toBe(true);
  });

  it('the main process needs none of what the fuses remove (fork via ELECTRON_RUN_AS_NODE, file:// pages)', () => {
    const main = [join(root, 'electron/main.ts'), join(root, 'electron/preload.ts'), ...sources(join(root, 'electron/host')).filter((f) => !f.includes('/cli/'))];
    for (const file of main) {
      const text = readFileSync(file, 'utf8');
      expect(text, file).not.toMatch(/\bfork\(|ELECTRON_RUN_AS_NODE|loadFile\(|file:\/\/.*loadURL/);
    }
  });
});
