// One seed for every fast-check property of a test file (vitest setupFiles), so a failure can be
// replayed exactly: FC_SEED=<seed> npx vitest run <file>. Without FC_SEED each run draws a fresh
// seed (properties keep exploring new inputs); a failing test prints it. Properties that pass
// their own `seed` keep it (those are fixed on purpose).

import fc from 'fast-check';
import { beforeEach } from 'vitest';

function seedFromEnv(raw: string | undefined): number | null {
  if (raw === undefined || raw.trim() === '') return null;
  if (!/^-?\d+$/.test(raw.trim())) throw new Error(`FC_SEED must be an integer (got "${raw}").`);
  return Number(raw.trim()) | 0;
}

const seed = seedFromEnv(process.env.FC_SEED) ?? (Math.floor(Math.random() * 0x1_0000_0000) | 0);
fc.configureGlobal({ ...fc.readConfigureGlobal(), seed });

beforeEach(({ onTestFailed }) => {
  onTestFailed(() => {
    console.error(`fast-check seed of this run: ${seed} (replay with FC_SEED=${seed})`);
  });
});
