// Benchmark (not a test): the memory bench at 1M users and 10k groups (issue 15's scale case),
// run only when named: `npm run bench -- scale`. Takes several minutes (the sandbox alone builds
// 1M users). Target: every command under 500 MB peak RSS, output verified.

import { runSizes, type MemoryFigures } from './memory.bench';

export async function run(): Promise<{ figures: MemoryFigures[]; failedGates: string[] }> {
  const figures = await runSizes([Number(process.env.BENCH_SCALE_USERS ?? 1_000_000)]);
  const failedGates = figures.filter((f) => !f.verified || f.peakMb >= 500).map((f) => `scale: ${f.command} ${f.peakMb} MB${f.verified ? '' : ', output not verified'}`);
  console.log(`scale bench: ${failedGates.length === 0 ? 'PASS' : 'FAIL'} (every command < 500 MB peak RSS with verified output)`);
  return { figures, failedGates };
}
