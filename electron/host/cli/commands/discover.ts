// `discover`: what the server says about itself and what the client concluded it can do.

import type { DiscoveryResult } from '../../../../shared/scim';
import type { Command } from '../command';
import { withConnection } from '../connect';
import { optFlag } from '../args';
import { probeServer } from '../../../core/probe/index';
import { observedText } from '../observed-text';

/** The document of design/cli.md; capabilities keep any extra keys the core adds (extension). */
export function discoveryDocument(d: DiscoveryResult): Record<string, unknown> {
  return {
    baseUrl: d.baseUrl,
    serviceProviderConfig: d.serviceProviderConfig,
    resourceTypes: d.resourceTypes,
    schemas: d.schemas,
    capabilities: d.capabilities,
    warnings: d.warnings,
  };
}

function human(d: DiscoveryResult): string {
  const c = d.capabilities;
  const yes = (b: boolean): string => (b ? 'yes' : 'no');
  return [
    `SCIM service at ${d.baseUrl}`,
    `  groups: ${yes(c.groups)}   patch: ${yes(c.patch)}   etag: ${yes(c.etag)}   sort: ${yes(c.sort)}   filter: ${yes(c.filter)}`,
    `  pagination: ${c.pagination}   max page size: ${c.maxPageSize ?? 'not stated'}`,
    `  resource types: ${d.resourceTypes.map((r) => String(r.name ?? r.id ?? '?')).join(', ') || 'not published'}`,
    `  schemas: ${d.schemas.length || 'not published'}`,
    '',
  ].join('\n');
}

export const discoverCommand: Command = {
  words: ['discover'],
  operands: '',
  minOperands: 0,
  maxOperands: 0,
  summary: 'service provider config, resource types, schemas and the capabilities concluded from them (--probe: and what the server was seen to do)',
  options: {
    probe: { kind: 'boolean', help: 'also probe what the server really does (read-only): filters honoured/ignored/under-matching/rejected, page cap, startIndex base, sort, ETags, members; saved in the profile' },
  },
  connects: true,
  run: (ctx) =>
    withConnection(
      ctx.args,
      ctx.env,
      ctx.out,
      async ({ client, recordObserved }) => {
        const result = await client.discover(ctx.signal);
        for (const w of result.warnings) ctx.out.warn(w);
        if (!optFlag(ctx.args, 'probe')) {
          ctx.out.result(discoveryDocument(result), () => human(result));
          return 0;
        }
        ctx.out.info('Probing what the server really does (read-only)…');
        const observed = await probeServer(client, { discovery: result, signal: ctx.signal });
        recordObserved?.(observed);
        ctx.out.result({ ...discoveryDocument(result), observed }, () => `${human(result)}${observedText(observed)}`);
        return 0;
      },
      { discover: false, signal: ctx.signal },
    ),
};
