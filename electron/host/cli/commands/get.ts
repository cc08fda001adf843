// `get users|groups ID` → the resource as the server holds it (meta.version carries the ETag).

import { InspectorError } from '../../../../shared/errors';
import type { ResourceKind } from '../../../../shared/scim';
import type { Command } from '../command';
import { requireKind, withConnection } from '../connect';

const KINDS: Record<string, ResourceKind> = { users: 'Users', groups: 'Groups' };

export function kindOperand(raw: string | undefined, forms: Record<string, ResourceKind>): ResourceKind {
  const kind = raw === undefined ? undefined : forms[raw.toLowerCase()];
  if (!kind) throw new InspectorError('usage', `Expected ${Object.keys(forms).join(' or ')}, got "${raw ?? ''}".`);
  return kind;
}

export const getCommand: Command = {
  words: ['get'],
  operands: 'users|groups ID',
  minOperands: 2,
  maxOperands: 2,
  summary: 'one user or group by id',
  options: {},
  connects: true,
  run: async (ctx) => {
    const kind = kindOperand(ctx.operands[0], KINDS);
    const id = ctx.operands[1] ?? '';
    if (id.trim() === '') throw new InspectorError('usage', 'The id is empty.');
    return withConnection(ctx.args, ctx.env, ctx.out, async (conn) => {
      requireKind(conn, kind);
      const { client } = conn;
      const resource = await client.get(kind, id, { signal: ctx.signal });
      ctx.out.result(resource);
      return 0;
    }, { signal: ctx.signal });
  },
};
