// The in-memory Vault (sandbox tenant, other areas' tests): the same contract as the keychain one.
import { describe, expect, it } from 'vitest';
import { createMemoryVault } from '../../../electron/core/vault';

describe('memory vault', () => {
  it('stores, reads, overwrites, lists sorted and deletes, starting from the given tokens', async () => {
    const vault = createMemoryVault({ 'b-profile': 'token-b' });
    expect(await vault.get('b-profile')).toBe('token-b');
    expect(await vault.get('a-profile')).toBeNull();
    await vault.set('a-profile', 'token-a');
    await vault.set('c-profile', 'token-c');
    expect(await vault.list()).toEqual(['a-profile', 'b-profile', 'c-profile']);
    await vault.set('a-profile', 'token-a2');
    expect(await vault.get('a-profile')).toBe('token-a2');
    expect(await vault.delete('a-profile')).toBe(true);
    expect(await vault.delete('a-profile')).toBe(false);
    expect(await vault.get('a-profile')).toBeNull();
    expect(await vault.list()).toEqual(['b-profile', 'c-profile']);
    expect(await createMemoryVault().list()).toEqual([]);
  });

  it('refuses account names the keychain would refuse, on every call', async () => {
    const vault = createMemoryVault({ p1: 'token' });
    await expect(vault.get('../p1')).rejects.toMatchObject({ code: 'invalid-input' });
    await expect(vault.set('../p1', 'token')).rejects.toMatchObject({ code: 'invalid-input' });
    await expect(vault.delete('../p1')).rejects.toMatchObject({ code: 'invalid-input' });
    expect(await vault.list()).toEqual(['p1']);
  });
});
