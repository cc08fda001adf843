import { describe, expect, it } from 'vitest';
import { InspectorError } from '../../../shared/errors';
import { createMemoryVault, rotateToken } from '../../../electron/core/vault';

describe('rotateToken', () => {
  it('stores the new token only after the test passes with it', async () => {
    const vault = createMemoryVault({ p1: 'old-token' });
    const seen: Array<{ candidate: string; stored: string | null }> = [];
    const result = await rotateToken(vault, 'p1', 'Bearer new-token', async (candidate) => {
      seen.push({ candidate, stored: await vault.get('p1') });
    });
    expect(seen).toEqual([{ candidate: 'new-token', stored: 'old-token' }]);
    expect(await vault.get('p1')).toBe('new-token');
    expect(result.notices).toHaveLength(1);
    expect(Number.isNaN(Date.parse(result.setAt))).toBe(false);
  });

  it('keeps the old token when the test fails, and says so', async () => {
    const vault = createMemoryVault({ p1: 'old-token' });
    const error: unknown = await rotateToken(vault, 'p1', 'new-token', async () => {
      throw new InspectorError('unauthorized', 'The server answered 401.');
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InspectorError);
    expect((error as InspectorError).code).toBe('unauthorized');
    expect((error as InspectorError).message).toMatch(/old token was kept/);
    expect(await vault.get('p1')).toBe('old-token');
  });

  it('keeps the failure\'s code and details, adds that the old token was kept, and stamps a stored token', async () => {
    const vault = createMemoryVault({ p1: 'old-token' });
    const error: unknown = await rotateToken(vault, 'p1', 'new-token', async () => {
      throw new InspectorError('forbidden', 'The server answered 403.', { status: 403 });
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'forbidden',
      message: 'The new token did not pass the connection test, so the old token was kept: The server answered 403.',
      details: { status: 403, rotation: 'kept-old-token' },
    });
    const plain: unknown = await rotateToken(vault, 'p1', 'new-token', async () => {
      throw new Error('socket hang up');
    }).catch((e: unknown) => e);
    expect(plain).toMatchObject({ code: 'internal', message: expect.stringMatching(/old token was kept: .*socket hang up/), details: { rotation: 'kept-old-token' } });
    expect(await vault.get('p1')).toBe('old-token');

    const before = Date.now();
    const result = await rotateToken(vault, 'p1', 'new-token', async () => undefined);
    const after = Date.now();
    expect(result.notices).toEqual([]);
    expect(result.setAt).toBe(new Date(Date.parse(result.setAt)).toISOString());
    expect(Date.parse(result.setAt)).toBeGreaterThanOrEqual(before);
    expect(Date.parse(result.setAt)).toBeLessThanOrEqual(after);
  });

  it('never tests or stores an invalid token', async () => {
    const vault = createMemoryVault({ p1: 'old-token' });
    let tested = false;
    await expect(
      rotateToken(vault, 'p1', 'has space', async () => {
        tested = true;
      }),
    ).rejects.toMatchObject({ code: 'invalid-input' });
    expect(tested).toBe(false);
    expect(await vault.get('p1')).toBe('old-token');
  });
});
