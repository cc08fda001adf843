// A small, strict argument parser. Strict because scripts depend on the CLI: an option we do not
// know is a typo or a misunderstanding, and guessing would run the wrong thing against a tenant.

import { InspectorError } from '../../../shared/errors';

export type OptionKind = 'boolean' | 'string' | 'integer' | 'repeatable';

export interface OptionSpec {
  kind: OptionKind;
  /** For a string option: the value may be left out; it is only taken when it is one of these. */
  optionalChoices?: readonly string[];
  /** Value used when an optional-value option is given without one. */
  defaultValue?: string;
  /**
   * A repeatable option that may also stand alone (at the end, or before another option): it then
   * records '' and the command says what a bare one means (deactivate's `--header`).
   */
  allowBare?: boolean;
  /** Allowed values for a string option. */
  choices?: readonly string[];
  /** Inclusive bounds for an integer option. */
  min?: number;
  max?: number;
  valueName?: string;
  help: string;
}

export type OptionValue = boolean | string | number | string[];

export interface ParsedArgs {
  positionals: string[];
  options: Map<string, OptionValue>;
}

/**
 * Why a token flag is refused instead of ignored: a token typed as an argument lands in shell
 * history and in `ps` output for every user of the machine.
 */
export const TOKEN_FLAG_REFUSAL =
  'A token is never accepted as a command-line argument: it would be saved in your shell history and be visible to other users in `ps`. ' +
  'Put it in an environment variable and pass its name instead, e.g. SCIM_TOKEN=… scim-inspector users list --url URL --token-env SCIM_TOKEN.';

/** Secret flags people try, and the flag that takes the NAME of an environment variable instead. */
const SECRET_FLAGS: Record<string, string> = {
  password: 'password-env',
  'client-secret': 'client-secret-env',
  'proxy-password': 'proxy-password-env',
  'client-key-passphrase': 'client-key-passphrase-env',
  'api-key': 'header-env "Name=VAR"',
  secret: 'the -env flag of that secret',
};

function usageError(message: string, details?: Record<string, unknown>): InspectorError {
  return new InspectorError('usage', message, details);
}

function parseInteger(name: string, raw: string, spec: OptionSpec): number {
  if (!/^-?\d+$/.test(raw.trim())) throw usageError(`--${name} needs a whole number, got "${raw}".`, { option: name });
  const value = Number.parseInt(raw, 10);
  if (spec.min !== undefined && value < spec.min) throw usageError(`--${name} must be at least ${spec.min}, got ${value}.`, { option: name });
  if (spec.max !== undefined && value > spec.max) throw usageError(`--${name} must be at most ${spec.max}, got ${value}.`, { option: name });
  return value;
}

/** Checks string values against the allowed choices of the command's own option specs. */
export function checkChoices(args: ParsedArgs, specs: Readonly<Record<string, OptionSpec>>): void {
  for (const [name, value] of args.options) {
    const spec = specs[name];
    const allowed = spec?.choices ?? spec?.optionalChoices;
    if (typeof value === 'string' && allowed && !allowed.includes(value)) {
      throw usageError(`--${name} must be one of ${allowed.join(', ')}; got "${value}".`, { option: name, allowed: [...allowed] });
    }
  }
}

/**
 * Parses argv against the given option specs. Options may come before, between or after the
 * command words; `--name=value` and `--name value` both work; `--` ends option parsing.
 * Throws InspectorError('usage') for anything it does not understand.
 */
export function parseArgs(argv: readonly string[], specs: ReadonlyMap<string, OptionSpec>): ParsedArgs {
  const positionals: string[] = [];
  const options = new Map<string, OptionValue>();
  let i = 0;
  while (i < argv.length) {
    const arg = argv[i] ?? '';
    i += 1;
    if (arg === '--') {
      positionals.push(...argv.slice(i));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    if (!arg.startsWith('--')) throw usageError(`Unknown option "${arg}": options are spelled out in full, like --json.`, { option: arg });
    const eq = arg.indexOf('=');
    const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
    const inline = eq === -1 ? undefined : arg.slice(eq + 1);
    if (name === 'token' || name.startsWith('token=')) throw usageError(TOKEN_FLAG_REFUSAL, { option: 'token' });
    const secretFlag = SECRET_FLAGS[name];
    if (secretFlag !== undefined) {
      throw usageError(`A secret is never accepted as a command-line argument (shell history, \`ps\`): put it in an environment variable and pass its name with --${secretFlag}.`, { option: name });
    }
    const spec = specs.get(name);
    if (!spec) throw usageError(`Unknown option "--${name}".`, { option: name });

    if (spec.kind === 'boolean') {
      if (inline !== undefined) throw usageError(`--${name} takes no value.`, { option: name });
      options.set(name, true);
      continue;
    }
    let raw = inline;
    if (raw === undefined) {
      const next = argv[i];
      if (spec.optionalChoices) {
        // Only a known choice is taken, so `--sandbox users list` still reads "users" as a command.
        if (next !== undefined && spec.optionalChoices.includes(next)) {
          raw = next;
          i += 1;
        } else {
          raw = spec.defaultValue ?? '';
        }
      } else if (next === undefined || (next.startsWith('--') && next.length > 2)) {
        if (!spec.allowBare) throw usageError(`--${name} needs a value${spec.valueName ? ` (${spec.valueName})` : ''}.`, { option: name });
        raw = ''; // a bare flag: the command gives it its meaning
      } else {
        raw = next;
        i += 1;
      }
    }
    if (spec.kind === 'integer') {
      if (options.has(name)) throw usageError(`--${name} is given twice.`, { option: name });
      options.set(name, parseInteger(name, raw, spec));
    } else if (spec.kind === 'repeatable') {
      const list = options.get(name);
      options.set(name, [...(Array.isArray(list) ? list : []), raw]);
    } else {
      if (options.has(name)) throw usageError(`--${name} is given twice.`, { option: name });
      // Choices are checked per command (checkChoices): two commands may share a name with
      // different allowed values (sandbox --vendor vs profiles add --vendor).
      options.set(name, raw);
    }
  }
  return { positionals, options };
}

/** Typed accessors; the parser has already checked kinds, these only narrow for TypeScript. */
export function optString(args: ParsedArgs, name: string): string | undefined {
  const v = args.options.get(name);
  return typeof v === 'string' ? v : undefined;
}

export function optInt(args: ParsedArgs, name: string): number | undefined {
  const v = args.options.get(name);
  return typeof v === 'number' ? v : undefined;
}

export function optFlag(args: ParsedArgs, name: string): boolean {
  return args.options.get(name) === true;
}

export function optList(args: ParsedArgs, name: string): string[] {
  const v = args.options.get(name);
  return Array.isArray(v) ? v : [];
}

/** "a,b , c" → ["a","b","c"]; empty items are a usage error rather than silently dropped. */
export function commaList(args: ParsedArgs, name: string): string[] | undefined {
  const raw = optString(args, name);
  if (raw === undefined) return undefined;
  const items = raw.split(',').map((s) => s.trim());
  if (items.some((s) => s === '')) throw usageError(`--${name} is a comma-separated list of attribute names, got "${raw}".`, { option: name });
  return items;
}
