// Where a quick-search keystroke's time goes (issue 15's "search p95 < 50 ms"), for the explorer
// bench when BENCH_TRACE=FILE is set: the web host child writes its side to FILE (each table.window
// call's arrival and time in main, main's GC pauses and event-loop stalls: web-host-process.ts),
// the page its side to FILE.page (each keystroke's keydown, the rows' DOM change, the next frame
// and the paint after it; each table.window fetch's start and response), and this prints, per
// keystroke, the segments in between on one clock (performance.timeOrigin + now, in ms):
//   key→send: keydown to the grid's request leaving; send→main: to the call reaching main's
//   handler (the browser's network stack and the HTTP parse); main: the call itself;
//   main→page: back to the page (JSON, HTTP, the browser); page→DOM: the answer's render;
//   DOM→frame: to the next animation frame; frame→painted: that frame's work and its paint.
// BENCH_CTRACE=FILE also records a Chromium trace (layout, paint, raster) of the keystrokes.

import { readFileSync, writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';

/** Records each table.window fetch's start and response time in the page (no body read: no cost). */
export const FETCH_PROBE = `(() => {
  const f = window.fetch;
  window.__fetches = [];
  window.fetch = async (u, o) => {
    const t = performance.timeOrigin + performance.now();
    const r = await f(u, o);
    if (String(u).includes('table.window')) window.__fetches.push({ t, h: performance.timeOrigin + performance.now(), req: o && o.body });
    return r;
  };
})()`;

export async function savePageTrace(page: Page, file: string): Promise<void> {
  writeFileSync(`${file}.page`, JSON.stringify(await page.evaluate('({ keys: window.__trace || [], fetches: window.__fetches || [] })')));
}

interface Key { key: number; q: string; mut: number; raf: number; shown: number }
interface Fetch { t: number; h: number; req: string }
interface HostLine { arrive?: number; win?: number; ms?: number; q?: string; count?: number; gc?: number; kind?: number; blocked?: number }

const SEGMENTS = ['key→send', 'send→main', 'main', 'main→page', 'page→DOM', 'DOM→frame', 'frame→painted'] as const;

/** Per-keystroke segments, and their medians and p95s. */
export function keystrokeBreakdown(file: string): string {
  const host = readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as HostLine);
  const { keys, fetches } = JSON.parse(readFileSync(`${file}.page`, 'utf8')) as { keys: Key[]; fetches: Fetch[] };
  const arrivals = host.flatMap((h) => (h.arrive !== undefined ? [h.arrive] : []));
  const calls = host.filter((h) => h.win !== undefined);
  const rows: { total: number; q: string; seg: (number | null)[]; gc: number }[] = [];
  for (const k of keys) {
    const f = fetches.find((x) => x.t >= k.key - 1 && x.t <= k.shown && (JSON.parse(x.req) as { search: string; count: number }).search === k.q && (JSON.parse(x.req) as { count: number }).count > 0);
    if (!f) continue;
    const arrive = arrivals.find((a) => a >= f.t - 1 && a <= f.h) ?? null;
    const call = calls.find((c) => (c.win as number) >= f.t - 1 && (c.win as number) <= f.h && c.q === k.q && (c.count ?? 0) > 0) ?? null;
    const mainEnd = call ? (call.win as number) + (call.ms as number) : null;
    const gc = host.filter((h) => h.gc !== undefined && h.gc >= k.key && h.gc <= k.shown).reduce((s, h) => s + (h.ms ?? 0), 0);
    rows.push({
      total: k.shown - k.key,
      q: k.q,
      seg: [f.t - k.key, arrive !== null && call ? (call.win as number) - f.t : null, call ? (call.ms as number) : null, mainEnd !== null ? f.h - mainEnd : null, k.mut - f.h, k.raf - k.mut, k.shown - k.raf],
      gc,
    });
  }
  const stat = (values: number[], p: number): string => {
    const s = [...values].sort((a, b) => a - b);
    return s.length === 0 ? '-' : (s[Math.min(s.length - 1, Math.floor(p * s.length))] as number).toFixed(1);
  };
  const out = [`keystroke breakdown (${rows.length} keystrokes; ms, median / p95):`];
  SEGMENTS.forEach((name, i) => {
    const values = rows.flatMap((r) => (r.seg[i] === null ? [] : [r.seg[i] as number]));
    out.push(`  ${name.padEnd(14)} ${stat(values, 0.5).padStart(6)} / ${stat(values, 0.95).padStart(6)}`);
  });
  out.push('  slowest:');
  for (const r of [...rows].sort((a, b) => b.total - a.total).slice(0, 8)) {
    out.push(`    ${r.total.toFixed(1).padStart(6)} ms ${JSON.stringify(r.q).padEnd(10)} ${r.seg.map((v, i) => `${SEGMENTS[i]} ${v === null ? '?' : v.toFixed(1)}`).join(', ')}${r.gc > 0 ? `, main GC ${r.gc.toFixed(1)}` : ''}`);
  }
  return out.join('\n');
}
