// Nesting deep enough to exhaust the stack gets a clear error naming what was too deep, never
// "internal: Maximum call stack size exceeded": a server answering JSON nested thousands deep (in a
// resource, a listing or an error body) and a filter with 5,000 nested parentheses. A real CLI
// process against a real loopback server.

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, stderrError } from './spawn-cli';

const DEPTH = 5000;
const deep = `${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}`;
const user = `{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"id":"u1","userName":"a","x":${deep}}`;
let server: Server;
let url: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    res.setHeader('content-type', 'application/scim+json');
    const path = req.url ?? '';
    if (path.includes('/ServiceProviderConfig')) {
      return res.end('{"schemas":["urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig"],"patch":{"supported":true},"filter":{"supported":true,"maxResults":100},"bulk":{"supported":false},"changePassword":{"supported":false},"sort":{"supported":false},"etag":{"supported":false},"authenticationSchemes":[]}');
    }
    if (path.includes('/Users/u1')) return res.end(user);
    if (path.includes('/Users/bad')) {
      res.statusCode = 400;
      return res.end(`{"schemas":["urn:ietf:params:scim:api:messages:2.0:Error"],"status":"400","detail":${deep}}`);
    }
    if (path.includes('/Users')) return res.end(`{"schemas":["urn:ietf:params:scim:api:messages:2.0:ListResponse"],"totalResults":1,"startIndex":1,"itemsPerPage":1,"Resources":[${user}]}`);
    res.statusCode = 404;
    return res.end('{"schemas":["urn:ietf:params:scim:api:messages:2.0:Error"],"status":"404"}');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', () => done()));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/scim/v2`;
});
afterAll(async () => {
  await new Promise<void>((done) => server.close(() => done()));
});

const cli = (args: string[]) => runCli([...args, '--url', url, '--token-env', 'T', '--json'], { env: { T: 'token-for-a-test-server' }, timeoutMs: 60_000 });

describe('deep nesting', { timeout: 120_000 }, () => {
  it.each([
    ['a resource', ['get', 'users', 'u1']],
    ['a listing', ['users', 'list']],
  ])('a server answer nested %s 5,000 deep is a bad-response saying so', async (_what, args) => {
    const r = await cli(args);
    expect(r.code, r.stderr).toBe(1);
    const error = stderrError(r);
    expect(error.code).toBe('bad-response');
    expect(error.message).toMatch(/nested more than \d+ levels deep/);
  });

  it('an error answer nested 5,000 deep still gives the HTTP error, not a crash', async () => {
    const r = await cli(['get', 'users', 'bad']);
    expect(r.code, r.stderr).toBe(1);
    expect(stderrError(r).code).not.toBe('internal');
  });

  it('a filter with 5,000 nested parentheses is an invalid filter (exit 2) naming the depth', async () => {
    const r = await cli(['users', 'list', '--filter', `${'('.repeat(DEPTH)}userName eq "a"${')'.repeat(DEPTH)}`]);
    expect(r.code, r.stderr).toBe(2);
    const error = stderrError(r);
    expect(error.code).toBe('invalid-filter');
    expect(error.message).toMatch(/nests more than \d+ levels/);
  });
});
