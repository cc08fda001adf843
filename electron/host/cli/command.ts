// What a CLI command is. Commands are small modules registered in commands/index.ts; the host
// (run.ts) parses arguments, checks them against the command's options, and maps errors to exit
// codes, so a command only does its work and returns 0 or throws an InspectorError.

import type { OptionSpec, ParsedArgs } from './args';
import type { Output } from './output';

export interface CommandContext {
  args: ParsedArgs;
  /** Positionals after the command words. */
  operands: string[];
  out: Output;
  env: NodeJS.ProcessEnv;
  /** Aborted on SIGINT/SIGTERM so long listings stop promptly. */
  signal: AbortSignal;
}

export interface Command {
  /** Command words, e.g. ["users", "list"]. */
  words: readonly string[];
  /** Operands after the words, as shown in usage, e.g. "users|groups ID". */
  operands: string;
  minOperands: number;
  maxOperands: number;
  summary: string;
  /** Options specific to this command (output options are always allowed). */
  options: Record<string, OptionSpec>;
  /** Accepts the connection options (--profile/--url/--sandbox and the common ones). */
  connects: boolean;
  /** Resolves to the exit code; failures are thrown as InspectorError. */
  run(ctx: CommandContext): Promise<number>;
}
