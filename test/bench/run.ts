// `npm run bench`: runs the benchmarks (never part of npm test) and prints their figures.
// `npm run bench -- listing audit` runs only the named ones. `scale` and `explorer-1m` (1M users,
// several minutes) run only when named.

const BENCHES: Record<string, () => Promise<{ run: () => Promise<unknown> }>> = {
  sandbox: () => import('./sandbox.bench'),
  listing: () => import('./listing.bench'),
  audit: () => import('./audit.bench'),
  explorer: () => import('./explorer.bench'),
  'explorer-1m': () => import('./explorer-1m.bench'),
  memory: () => import('./memory.bench'),
  scale: () => import('./scale.bench'),
};
const ONLY_WHEN_NAMED = new Set(['scale', 'explorer-1m']);

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const names = wanted.length > 0 ? wanted : Object.keys(BENCHES).filter((n) => !ONLY_WHEN_NAMED.has(n));
const unknown = names.filter((n) => !(n in BENCHES));
if (unknown.length > 0) {
  console.error(`Unknown benchmark(s): ${unknown.join(', ')}. Known: ${Object.keys(BENCHES).join(', ')}.`);
  process.exit(2);
}
const results: Record<string, unknown> = {};
for (const name of names) {
  const load = BENCHES[name];
  if (!load) continue;
  console.log(`\n== ${name} ==`);
  results[name] = await (await load()).run();
}
console.log(`\n${JSON.stringify(results, null, 2)}`);
// A bench that names gates (e.g. the explorer's p5 frame rate) fails the run when one is missed.
const failed = Object.values(results).flatMap((r) => (typeof r === 'object' && r !== null && Array.isArray((r as { failedGates?: unknown }).failedGates) ? ((r as { failedGates: string[] }).failedGates) : []));
if (failed.length > 0) console.error(`\nbench gates failed: ${failed.join('; ')}`);
process.exit(failed.length > 0 ? 1 : 0);
export {};
