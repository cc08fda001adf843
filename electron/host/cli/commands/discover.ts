// `discover`: what the server says about itself and what the client concluded it can do.

import type { DiscoveryResult } from '../../../../shared/scim';
import type { Command } from '../command';
import { withConnection } from '../connect';

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
  summary: 'service provider config, resource types, schemas and the capabilities concluded from them',
  options: {},
  connects: true,
  run: (ctx) =>
    withConnection(
      ctx.args,
      ctx.env,
      ctx.out,
      async ({ client }) => {
        const result = await client.discover(ctx.signal);
        for (const w of result.warnings) ctx.out.warn(w);
        ctx.out.result(discoveryDocument(result), () => human(result));
        return 0;
      },
      { discover: false, signal: ctx.signal },
    ),
};
