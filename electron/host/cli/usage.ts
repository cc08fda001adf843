// Help and usage text, generated from the registry so it cannot drift from what is accepted.

import type { OptionSpec } from './args';
import type { Command } from './command';
import { CONNECTION_OPTIONS, OUTPUT_OPTIONS } from './options';

export function usageLine(command: Command): string {
  const parts = ['usage: scim-inspector', ...command.words];
  if (command.operands) parts.push(command.operands);
  if (command.connects) parts.push('(--profile NAME | --url URL --token-env VAR | --sandbox [VENDOR])');
  if (Object.keys(command.options).length > 0) parts.push('[options]');
  return parts.join(' ');
}

function optionLines(options: Record<string, OptionSpec>): string[] {
  return Object.entries(options).map(([name, spec]) => {
    const value = spec.kind === 'boolean' ? '' : spec.optionalChoices ? ` [${spec.valueName ?? 'VALUE'}]` : ` ${spec.valueName ?? 'VALUE'}`;
    return `  --${name}${value}`.padEnd(34) + spec.help;
  });
}

export function commandHelp(command: Command): string {
  const lines = [usageLine(command), '', command.summary, ''];
  if (Object.keys(command.options).length > 0) lines.push('Options:', ...optionLines(command.options), '');
  if (command.connects) lines.push('Connecting:', ...optionLines(CONNECTION_OPTIONS), '');
  lines.push('Output:', ...optionLines(OUTPUT_OPTIONS), '');
  lines.push('Exit codes: 0 ok, 1 failed or not verified complete, 2 usage, 3 not found or ambiguous, 4 refused for safety.', '');
  return lines.join('\n');
}

export function generalHelp(commands: readonly Command[]): string {
  const lines = ['usage: scim-inspector <command> [options]', '', 'Commands:'];
  for (const c of commands) lines.push(`  ${[...c.words, c.operands].filter(Boolean).join(' ')}`.padEnd(44) + c.summary);
  lines.push('', 'Run `scim-inspector <command> --help` for its options.', '');
  return lines.join('\n');
}
