// The observed facts as text for people (`discover --probe`, `profiles test` without --json).

import { observedRows, type ObservedFacts } from '../../../shared/observed';

export function observedText(facts: ObservedFacts): string {
  const rows = observedRows(facts);
  const width = Math.max(...rows.map((r) => r.label.length));
  return [
    `Observed ${facts.observedAt} (${facts.requests} reads):`,
    ...rows.map((r) => `  ${r.label.padEnd(width)}  ${r.value}${r.detail ? ` (${r.detail})` : ''}`),
    '',
  ].join('\n');
}
