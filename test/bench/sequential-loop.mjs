// The baseline of the listing bench: what a script without the engine does — one page after
// another, startIndex advanced by what came back, until an empty page or the reported total —
// written in plain JavaScript (no TypeScript loader, so no start-up handicap) and printing every
// resource as an NDJSON line, as the CLI under test does. Usage: node sequential-loop.mjs URL
// (token in BENCH_TOKEN).

const [base] = process.argv.slice(2);
const headers = { authorization: `Bearer ${process.env.BENCH_TOKEN}`, accept: 'application/scim+json' };
let startIndex = 1;
let listed = 0;
for (;;) {
  const res = await fetch(`${base}/Users?startIndex=${startIndex}&count=100`, { headers });
  if (res.status === 429) {
    await new Promise((r) => setTimeout(r, Number(res.headers.get('retry-after') ?? 1) * 1000));
    continue;
  }
  if (!res.ok) throw new Error(`GET answered ${res.status}`);
  const page = await res.json();
  const resources = Array.isArray(page.Resources) ? page.Resources : [];
  if (resources.length === 0) break;
  let text = '';
  for (const r of resources) text += `${JSON.stringify(r)}\n`;
  if (!process.stdout.write(text)) await new Promise((r) => process.stdout.once('drain', r));
  listed += resources.length;
  startIndex += resources.length;
  if (typeof page.totalResults === 'number' && startIndex > page.totalResults) break;
}
process.stderr.write(`${JSON.stringify({ listed })}\n`);
