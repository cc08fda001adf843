import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createOutput } from '../../../electron/host/cli/output';
import { openItemStream, openSectionedDocument } from '../../../electron/host/cli/json-stream';
import { redactorFor } from '../../../electron/core/secrets/index';

function capture(mode: { json: boolean; ndjson: boolean }) {
  const io = { stdout: '', stderr: '', writes: 0 };
  const out = createOutput({ stdout: { write: (t: string) => ((io.stdout += t), (io.writes += 1)) }, stderr: { write: (t: string) => (io.stderr += t) } }, mode);
  return { io, out };
}

describe('openItemStream', () => {
  it('--json: one valid document, head fields, the array, then the trailer', () => {
    const { io, out } = capture({ json: true, ndjson: false });
    const s = openItemStream(out, 'findings', { takenAt: 't' });
    for (let i = 0; i < 3; i += 1) s.item({ i });
    s.close({ counts: { n: 3 }, complete: true });
    expect(JSON.parse(io.stdout)).toEqual({ takenAt: 't', findings: [{ i: 0 }, { i: 1 }, { i: 2 }], counts: { n: 3 }, complete: true });
    expect(Object.keys(JSON.parse(io.stdout) as object)).toEqual(['takenAt', 'findings', 'counts', 'complete']);
  });

  it('an empty array and a failure after items still leave one valid document, naming the error', () => {
    const empty = capture({ json: true, ndjson: false });
    openItemStream(empty.out, 'Resources').close({ complete: true, count: 0 });
    expect(JSON.parse(empty.io.stdout)).toEqual({ Resources: [], complete: true, count: 0 });

    const failed = capture({ json: true, ndjson: false });
    const s = openItemStream(failed.out, 'Resources');
    s.item({ id: 'a' });
    s.flush();
    s.close({ complete: false, count: s.count }, { code: 'network', message: 'reset' });
    expect(JSON.parse(failed.io.stdout)).toEqual({ Resources: [{ id: 'a' }], complete: false, count: 1, error: { code: 'network', message: 'reset' } });
  });

  it('a failure before the first item writes nothing to stdout', () => {
    const { io, out } = capture({ json: true, ndjson: false });
    openItemStream(out, 'Resources').close({ complete: false }, { code: 'unauthorized', message: 'no' });
    expect(io.stdout).toBe('');
  });

  it('--ndjson: items one a line on stdout, the trailer as {"summary"} on stderr; batched writes', () => {
    const { io, out } = capture({ json: false, ndjson: true });
    const s = openItemStream(out, 'Resources');
    for (let i = 0; i < 5000; i += 1) s.item({ id: `u${i}`, pad: 'x'.repeat(40) });
    s.close({ complete: true, count: 5000 });
    const lines = io.stdout.trim().split('\n');
    expect(lines).toHaveLength(5000);
    expect(JSON.parse(lines[4999] ?? '')).toEqual({ id: 'u4999', pad: 'x'.repeat(40) });
    expect(JSON.parse(io.stderr.trim())).toEqual({ summary: { complete: true, count: 5000 } });
    expect(io.writes).toBeLessThan(20);
  });

  it('redacts every secret of the run in items, head and trailer, and the document stays valid JSON', () => {
    const secret = 'Tok-3x4mple-Secret-9';
    for (const mode of [{ json: true, ndjson: false }, { json: false, ndjson: true }]) {
      const { io, out } = capture(mode);
      out.secrets.add(redactorFor(secret));
      const s = openItemStream(out, 'Resources', { baseUrl: `https://x/${secret}` });
      s.item({ id: 'a', title: secret, note: `say "${secret}"` });
      s.close({ warnings: [`saw ${secret}`] });
      expect(io.stdout + io.stderr).not.toContain(secret);
      expect(io.stdout + io.stderr).toContain('[redacted]');
      if (mode.json) expect((JSON.parse(io.stdout) as { Resources: { title: string }[] }).Resources[0]?.title).toBe('[redacted]');
    }
  });

  it('drained() waits while stdout (a pipe to a slow reader) is over its mark, and not otherwise', async () => {
    let needDrain = false;
    let onDrain: (() => void) | null = null;
    const stdout = { write: () => true, get writableNeedDrain() { return needDrain; }, once: (_e: 'drain', l: () => void) => void (onDrain = l) };
    const out = createOutput({ stdout, stderr: { write: () => true } }, { json: true, ndjson: false });
    const s = openItemStream(out, 'Resources');
    await s.drained(); // nothing queued: at once
    needDrain = true;
    let done = false;
    const waiting = s.drained().then(() => (done = true));
    await new Promise((r) => setTimeout(r, 10));
    expect(done).toBe(false);
    needDrain = false;
    (onDrain as (() => void) | null)?.();
    await waiting;
    expect(done).toBe(true);
  });
});

describe('openSectionedDocument', () => {
  it('writes exactly the text JSON.stringify(doc, null, 2) makes, for any object of arrays', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.array(fc.jsonValue(), { maxLength: 4 }), { minKeys: 1, maxKeys: 4 }), (doc) => {
        const { io, out } = capture({ json: true, ndjson: false });
        const d = openSectionedDocument(out);
        for (const [key, items] of Object.entries(doc)) {
          d.section(key);
          for (const item of items) d.item(item);
        }
        d.close();
        expect(io.stdout).toBe(`${JSON.stringify(doc, null, 2)}\n`);
      }),
      { numRuns: 300 },
    );
  });
});
