// The renderer boundary: what crosses out is redacted, objects handed out redacted come back as
// their originals, and an edited copy keeps the real value of every field the admin left alone.
import { describe, expect, it } from 'vitest';
import { RendererRedaction, restoreUnchanged } from '../../../electron/core/app/redaction';
import { redactorFor, REDACTED } from '../../../electron/core/secrets/index';

const user = { id: 'u1', title: 'Engineer', name: { givenName: 'Ana', formatted: 'Ana Engineer' }, emails: [{ value: 'ana@x', type: 'work' }] };

describe('RendererRedaction', () => {
  it('redacts what goes out and swaps back an object that returns unchanged (keys in any order)', () => {
    const r = new RendererRedaction();
    r.secrets.add(redactorFor('Engineer'));
    const shown = r.outbound({ resource: user });
    expect(shown.resource.title).toBe(REDACTED);
    expect(shown.resource.name.formatted).toBe(`Ana ${REDACTED}`);
    const back = JSON.parse(JSON.stringify({ emails: shown.resource.emails, name: shown.resource.name, title: shown.resource.title, id: 'u1' })) as unknown;
    expect(r.inbound({ before: back })).toEqual({ before: user });
  });

  it('leaves input without the placeholder alone and cannot invent values it never handed out', () => {
    const r = new RendererRedaction();
    r.secrets.add(redactorFor('Engineer'));
    r.outbound(user);
    const plain = { id: 'u1', title: 'Manager' };
    expect(r.inbound(plain)).toBe(plain);
    const forged = { id: 'u2', title: REDACTED };
    expect(r.inbound(forged)).toEqual(forged);
  });
});

describe('restoreUnchanged', () => {
  const redactor = redactorFor('Engineer');
  it('puts back the real value where the edited copy still shows its redacted spelling', () => {
    const shown = redactor.value(user);
    const edited = { ...shown, displayName: 'New', name: { ...shown.name, givenName: 'Anna' } };
    expect(restoreUnchanged(edited, user, redactor)).toEqual({ ...user, displayName: 'New', name: { givenName: 'Anna', formatted: 'Ana Engineer' } });
  });
  it('keeps what the admin typed, even the placeholder itself on a field that was not redacted', () => {
    const edited = { ...redactor.value(user), title: 'Director', emails: [{ value: REDACTED, type: 'work' }] };
    expect(restoreUnchanged(edited, user, redactor)).toMatchObject({ title: 'Director', emails: [{ value: REDACTED }] });
  });
});
