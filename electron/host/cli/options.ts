// The option sets shared by commands. Kept in one place so every command spells them the same
// way, and so the parser can know every option's kind before it knows the command.

import { SANDBOX_VENDORS } from '../../../shared/channels';
import type { OptionSpec } from './args';
import { AUTH_OPTIONS, NETWORK_OPTIONS } from './auth-flags';

/** Vendor profiles of the built-in sandbox tenant: the one list the app's channels validate too. */
export { SANDBOX_VENDORS };

export const OUTPUT_OPTIONS: Record<string, OptionSpec> = {
  json: { kind: 'boolean', help: 'machine output on stdout; progress and warnings go to stderr' },
  help: { kind: 'boolean', help: 'show help for the command' },
};

export const CONNECTION_OPTIONS: Record<string, OptionSpec> = {
  profile: { kind: 'string', valueName: 'NAME', help: 'a saved profile; its token comes from the OS keychain' },
  url: { kind: 'string', valueName: 'URL', help: 'base URL of the SCIM service' },
  'token-env': { kind: 'string', valueName: 'VAR', help: 'environment variable holding the bearer token' },
  sandbox: {
    kind: 'string',
    optionalChoices: SANDBOX_VENDORS,
    defaultValue: 'rfc',
    valueName: 'VENDOR',
    help: `start the built-in sandbox tenant in-process (${SANDBOX_VENDORS.join(', ')})`,
  },
  // Bare (no value), `--header` is deactivate's "line 1 of --from-csv is a header".
  header: { kind: 'repeatable', allowBare: true, valueName: '"Name: value"', help: 'extra request header (repeatable)' },
  'page-size': { kind: 'integer', min: 1, max: 10_000, valueName: 'N', help: 'resources per page' },
  concurrency: { kind: 'integer', min: 1, max: 16, valueName: 'N', help: 'pages fetched at once' },
  timeout: { kind: 'integer', min: 1, max: 3600, valueName: 'SECONDS', help: 'per call: connect, headers and body timeout, and the total time spent retrying' },
  har: { kind: 'string', valueName: 'FILE', help: 'write the request log as HAR 1.2 (secrets redacted)' },
  ...AUTH_OPTIONS,
  ...NETWORK_OPTIONS,
};

/** Strict lookups and filters: what the server's filter answers, never a local check over a complete listing. */
export const SERVER_FILTER_ONLY: OptionSpec = {
  kind: 'boolean',
  help: "trust the server's filter alone: never list the tenant to apply a filter locally or to prove \"not found\"",
};

export const LIST_OPTIONS: Record<string, OptionSpec> = {
  filter: { kind: 'string', valueName: 'F', help: 'SCIM filter (RFC 7644 §3.4.2.2)' },
  attributes: { kind: 'string', valueName: 'a,b', help: 'attributes to return' },
  'excluded-attributes': { kind: 'string', valueName: 'a,b', help: 'attributes to leave out' },
  members: { kind: 'boolean', help: 'groups: every group with its full member list' },
  limit: { kind: 'integer', min: 1, valueName: 'N', help: 'stop after N resources (the result is then not complete)' },
  ndjson: { kind: 'boolean', help: 'one resource per line on stdout; the summary goes to stderr' },
  'server-filter-only': SERVER_FILTER_ONLY,
};

