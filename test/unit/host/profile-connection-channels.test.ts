// The profile-connection channels as the desktop app uses them: main's open dialog picks a TLS
// file (the renderer sends no path and gets back only the file name and certificate), a cancel
// changes nothing, a wrong file is refused naming it, and the file the admin picked is never
// deleted with the profile (only the app's own uploaded copies are). Also the channel contract:
// secrets are write-only and bounded, header secret names are case-insensitive, roles are closed.
import { existsSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coreFunctions, createAppContext, dispatch, savedProfiles } from '../../../electron/core/app/index';
import type { OpenFileRequest } from '../../../electron/core/app/context';
import { createProfileStore } from '../../../electron/core/profiles/index';
import { createMemoryVault } from '../../../electron/core/vault/index';
import { makeTestPki, type TestPki } from '../../support/tls-certs';
import { fileDir } from '../../support/temp-dir';

let pki: TestPki;
const dir = fileDir('scim-profile-connection-');
beforeAll(() => {
  pki = makeTestPki();
});
afterAll(() => {
  pki.remove();
});

function desktop(answers: (string | null)[]) {
  const asked: OpenFileRequest[] = [];
  const vault = createMemoryVault();
  const ctx = createAppContext({
    mode: 'electron',
    version: '1',
    emit: () => undefined,
    saveFile: async () => ({ saved: false, path: null }),
    chooseOpenFile: async (request) => {
      asked.push(request);
      return answers.shift() ?? null;
    },
    profiles: savedProfiles(createProfileStore({ dir: mkdtempSync(join(dir, 'd-')) }), vault),
    dataDir: mkdtempSync(join(dir, 'data-')),
  });
  const call = (channel: string, input?: unknown) => dispatch(coreFunctions, ctx, channel, input);
  return { ctx, asked, vault, call };
}

describe('TLS files through the host dialog', () => {
  it('keeps the picked paths, shows the page names and certificates only, and survives cancel and a wrong file', async () => {
    const { ctx, asked, vault, call } = desktop([null, pki.clientKey, pki.caCert, pki.clientCert, pki.clientKeyEncrypted]);
    try {
      const added = await call('profiles.add', { name: 'desk', baseUrl: 'https://scim.example.com/scim/v2' });
      const profileId = added.ok ? (added.value as { id: string }).id : '';
      expect(await call('profiles.chooseTlsFile', { profileId, role: 'ca' })).toEqual({ ok: true, value: { chosen: false } });
      const wrong = await call('profiles.chooseTlsFile', { profileId, role: 'ca' });
      expect(wrong).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringMatching(/client\.key.*certificate|certificate.*client\.key/i) as unknown } });
      const ca = await call('profiles.chooseTlsFile', { profileId, role: 'ca' });
      expect(ca).toMatchObject({ ok: true, value: { chosen: true, profile: { tls: { ca: { fileName: 'ca.pem', problem: null, certificate: { subject: expect.stringContaining('Inspector Test Private CA') as unknown } } } } } });
      expect(JSON.stringify(ca)).not.toContain(pki.dir);
      expect(asked[0]).toMatchObject({ title: 'Private CA certificate (PEM)', extensions: expect.arrayContaining(['pem']) as unknown });
      // The certificate alone is allowed while the key is picked next; the status says what is missing.
      const half = await call('profiles.chooseTlsFile', { profileId, role: 'clientCert' });
      expect(half).toMatchObject({ ok: true, value: { profile: { statusDetail: expect.stringMatching(/needs its key file/) as unknown } } });
      const full = await call('profiles.chooseTlsFile', { profileId, role: 'clientKey' });
      expect(full).toMatchObject({ ok: true, value: { profile: { secrets: [{ kind: 'key-passphrase', stored: false }] } } });
      expect(await call('profiles.setSecret', { profileId, kind: 'key-passphrase', value: pki.clientKeyPassphrase })).toMatchObject({ ok: true, value: { kind: 'key-passphrase', notices: [] } });
      expect(JSON.stringify(await call('profiles.list'))).not.toContain(pki.clientKeyPassphrase);
      expect((await vault.list()).some((a) => a.startsWith(`${profileId}.key-passphrase@`))).toBe(true);
      // Removing the key file deletes the passphrase it no longer needs.
      expect(await call('profiles.clearTlsFile', { profileId, role: 'clientKey' })).toMatchObject({ ok: true });
      expect((await vault.list()).some((a) => a.includes('key-passphrase'))).toBe(false);
      expect(await call('profiles.remove', { profileId })).toMatchObject({ ok: true });
      // The admin's own files stay where they were.
      for (const f of [pki.caCert, pki.clientCert, pki.clientKeyEncrypted]) expect(existsSync(f)).toBe(true);
    } finally {
      await ctx.close();
    }
  });

  it('in browser mode (no host dialog) asks for the PEM text instead', async () => {
    const noDialog = createAppContext({ mode: 'browser', version: '1', emit: () => undefined, saveFile: async () => ({ saved: false, path: null }), profiles: savedProfiles(createProfileStore({ dir: mkdtempSync(join(dir, 'b-')) }), createMemoryVault()), dataDir: mkdtempSync(join(dir, 'bd-')) });
    try {
      const added = await dispatch(coreFunctions, noDialog, 'profiles.add', { name: 'web', baseUrl: 'https://scim.example.com/scim/v2' });
      const profileId = added.ok ? (added.value as { id: string }).id : '';
      expect(await dispatch(coreFunctions, noDialog, 'profiles.chooseTlsFile', { profileId, role: 'ca' })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/pick the PEM file in the page/) as unknown } });
      expect(await dispatch(coreFunctions, noDialog, 'profiles.chooseTlsFile', { profileId, role: 'clientKey', pem: 'not a key', fileName: 'k.pem' })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/k\.pem is not a PEM private key/) as unknown } });
    } finally {
      await noDialog.close();
    }
  });
});

describe('the channel contract', () => {
  it('refuses what is not a secret kind, an unknown role, an oversized secret or PEM; header kinds match any case', async () => {
    const { ctx, call } = desktop([]);
    try {
      const added = await call('profiles.add', { name: 'k', baseUrl: 'https://scim.example.com/scim/v2', auth: { scheme: 'api-key' }, secretHeaders: ['X-API-Key'] });
      const profileId = added.ok ? (added.value as { id: string }).id : '';
      expect(await call('profiles.setSecret', { profileId, kind: 'header:X-API-Key', value: 'k-123456' })).toMatchObject({ ok: true });
      const listed = JSON.stringify(await call('profiles.list'));
      expect(listed).toContain('"kind":"header:x-api-key","label":"value of the x-api-key header","stored":true');
      expect(listed).not.toContain('k-123456');
      expect(await call('profiles.setSecret', { profileId, kind: 'token', value: 'x' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
      expect(await call('profiles.setSecret', { profileId, kind: 'password', value: 'x' })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/does not use the Basic password/) as unknown } });
      expect(await call('profiles.setSecret', { profileId, kind: 'header:X-API-Key', value: 'x'.repeat(64 * 1024 + 1) })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
      expect(await call('profiles.chooseTlsFile', { profileId, role: 'server' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
      expect(await call('profiles.chooseTlsFile', { profileId, role: 'ca', pem: 'x'.repeat(1024 * 1024 + 1) })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/larger than 1 MB/) as unknown } });
      expect(await call('profiles.setSecret', { profileId: 'sandbox', kind: 'password', value: 'x' })).toMatchObject({ ok: false });
    } finally {
      await ctx.close();
    }
  });
});
