// The CLI host: parse argv, pick the command, check its options, run it, and turn any failure
// into the exit code and error document of design/cli.md. Kept free of process globals (streams,
// env and signal come in) so the unit tests can drive it in-process.

import { exitCodeFor, InspectorError, toAppError } from '../../../shared/errors';
import { checkChoices, optFlag, parseArgs, type OptionSpec, type ParsedArgs } from './args';
import type { Command } from './command';
import { COMMANDS } from './commands/index';
import { CONNECTION_OPTIONS, OUTPUT_OPTIONS } from './options';
import { createOutput, type OutputStreams } from './output';
import { commandHelp, generalHelp, usageLine } from './usage';

export interface RunEnvironment extends OutputStreams {
  env: NodeJS.ProcessEnv;
  signal: AbortSignal;
}

/** Every option any command knows, so argv can be parsed before the command is known. */
export function allOptionSpecs(commands: readonly Command[]): Map<string, OptionSpec> {
  const specs = new Map<string, OptionSpec>(Object.entries({ ...OUTPUT_OPTIONS, ...CONNECTION_OPTIONS }));
  for (const command of commands) {
    for (const [name, spec] of Object.entries(command.options)) {
      const known = specs.get(name);
      // One name, one meaning: the parser relies on it to know whether a value follows.
      if (known && (known.kind !== spec.kind || known.optionalChoices !== spec.optionalChoices)) {
        throw new InspectorError('internal', `Option --${name} is declared with two meanings (${command.words.join(' ')}).`);
      }
      specs.set(name, spec);
    }
  }
  return specs;
}

/** The registered command whose words start the positionals, longest match first. */
export function findCommand(positionals: readonly string[], commands: readonly Command[]): Command | undefined {
  let best: Command | undefined;
  for (const command of commands) {
    const matches = command.words.every((w, i) => positionals[i] === w);
    if (matches && (!best || command.words.length > best.words.length)) best = command;
  }
  return best;
}

function specsFor(command: Command): Record<string, OptionSpec> {
  return { ...OUTPUT_OPTIONS, ...(command.connects ? CONNECTION_OPTIONS : {}), ...command.options };
}

function checkCommandArgs(command: Command, args: ParsedArgs): string[] {
  const specs = specsFor(command);
  for (const name of args.options.keys()) {
    if (!(name in specs)) throw new InspectorError('usage', `Unknown option "--${name}" for "${command.words.join(' ')}".`, { option: name });
  }
  checkChoices(args, specs);
  const operands = args.positionals.slice(command.words.length);
  if (operands.length < command.minOperands || operands.length > command.maxOperands) {
    throw new InspectorError('usage', `"${command.words.join(' ')}" takes ${command.operands || 'no operands'}; got ${operands.length === 0 ? 'none' : operands.map((o) => `"${o}"`).join(' ')}.`);
  }
  return operands;
}

/** Runs one CLI invocation and resolves to its exit code (0–4). Never throws. */
export async function runCli(argv: readonly string[], io: RunEnvironment, commands: readonly Command[] = COMMANDS): Promise<number> {
  // Output mode is known before parsing so even a usage error can be reported as JSON.
  const json = argv.includes('--json');
  const ndjson = argv.includes('--ndjson');
  const out = createOutput(io, { json, ndjson });
  // Best guess of the command for the usage line, even when parsing fails.
  let command = findCommand(argv.filter((a) => !a.startsWith('-')), commands);
  try {
    const args = parseArgs(argv, allOptionSpecs(commands));
    command = findCommand(args.positionals, commands);
    if (!command) {
      if (optFlag(args, 'help')) {
        io.stdout.write(generalHelp(commands));
        return 0;
      }
      if (args.positionals.length === 0) {
        io.stderr.write(generalHelp(commands));
        return 2;
      }
      throw new InspectorError('usage', `Unknown command "${args.positionals.slice(0, 2).join(' ')}".`, { command: args.positionals.slice(0, 2) });
    }
    if (optFlag(args, 'help')) {
      io.stdout.write(commandHelp(command));
      return 0;
    }
    const operands = checkCommandArgs(command, args);
    return await command.run({ args, operands, out, env: io.env, signal: io.signal });
  } catch (error) {
    const appError = io.signal.aborted ? { code: 'cancelled' as const, message: 'Cancelled.' } : toAppError(error);
    out.error(appError);
    if (appError.code === 'usage') io.stderr.write(`${command ? usageLine(command) : 'usage: scim-inspector <command> [options]   (scim-inspector --help lists the commands)'}\n`);
    return exitCodeFor(appError.code);
  }
}
