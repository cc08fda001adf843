// Typed confirmation before a bulk write. Scripts pass --yes; a person at a terminal types the
// number of users; anything else (no terminal, no --yes) is refused with exit 4, never assumed.

import { createInterface } from 'node:readline/promises';
import { InspectorError } from '../../../shared/errors';

export async function confirmCount(count: number, what: string, yes: boolean, io: { stdin: NodeJS.ReadableStream & { isTTY?: boolean }; stderr: NodeJS.WritableStream & { isTTY?: boolean } } = { stdin: process.stdin, stderr: process.stderr }): Promise<void> {
  if (yes) return;
  if (!io.stdin.isTTY || !io.stderr.isTTY) {
    throw new InspectorError('refused-needs-confirmation', `Refusing to ${what} ${count} user(s) without confirmation: run with --dry-run to see the plan, then again with --yes. Nothing was written.`);
  }
  const rl = createInterface({ input: io.stdin, output: io.stderr });
  try {
    const answer = await rl.question(`Type ${count} to ${what} ${count} user(s), anything else to stop: `);
    if (answer.trim() !== String(count)) {
      throw new InspectorError('refused-needs-confirmation', `Not confirmed (typed "${answer.trim()}", expected ${count}); nothing was written.`);
    }
  } finally {
    rl.close();
  }
}
