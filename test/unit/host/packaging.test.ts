// electron-builder cannot run here (it downloads Electron), so check that its config loads, has
// every target the app ships, and names files that exist.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../../..');
const require = createRequire(import.meta.url);
const config = require(join(root, 'build/electron-builder.config.cjs')) as Record<string, Record<string, unknown> & { target?: string[] }> & { appId: string; icon: string };

describe('electron-builder config', () => {
  it('builds nsis, dmg with the hardened runtime, AppImage and deb under one app id', () => {
    expect(config.appId).toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/);
    expect(config.win?.target).toContain('nsis');
    expect(config.mac?.target).toContain('dmg');
    expect(config.mac?.hardenedRuntime).toBe(true);
    expect(config.linux?.target).toEqual(expect.arrayContaining(['AppImage', 'deb']));
  });

  it('names icon and entitlement files that exist and are what they claim', () => {
    const files = [config.icon, config.win?.icon, config.mac?.icon, config.linux?.icon, config.mac?.entitlements, config.mac?.entitlementsInherit];
    for (const file of files) {
      expect(typeof file).toBe('string');
      expect(existsSync(join(root, String(file))), String(file)).toBe(true);
    }
    expect(readFileSync(join(root, config.icon)).subarray(1, 4).toString('ascii')).toBe('PNG');
    expect(readFileSync(join(root, String(config.mac?.entitlements)), 'utf8')).toContain('com.apple.security.cs.allow-jit');
  });

  it('ships the bundles the app starts from (package.json main is inside files)', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { main: string };
    expect(pkg.main).toBe('dist-electron/main.cjs');
    expect(config.files).toEqual(expect.arrayContaining(['dist/**/*', 'dist-electron/**/*']));
  });
});
