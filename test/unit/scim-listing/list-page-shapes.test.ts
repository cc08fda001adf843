// parseListPage (listing-page.ts) over the bodies real servers and gateways answer where a
// ListResponse page belongs. The listing-level tests (page-dialects.test.ts) show what an admin
// gets; these pin each rule of the reading itself: which key wins, which number is a total, what
// marks a SCIM Error or a ListResponse, so a body is never read as an empty or a short page.

import { describe, expect, it } from 'vitest';
import { SCHEMAS } from '../../../shared/scim';
import { InspectorError } from '../../../shared/errors';
import { parseListPage } from '../../../electron/core/scim/listing-page';

const URL = 'https://scim.example.test/v2/Users?startIndex=1&count=5';
const ERROR = 'urn:ietf:params:scim:api:messages:2.0:Error';
const user = (id: string) => ({ schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], id, userName: `${id}@example.test` });
const read = (body: unknown) => parseListPage(body, 'Users', URL);
const refusal = (body: unknown): InspectorError => {
  try {
    read(body);
  } catch (error) {
    if (error instanceof InspectorError) return error;
    throw error;
  }
  throw new Error(`read as a page: ${JSON.stringify(body)}`);
};
const ids = (body: unknown) => read(body).resources.map((r) => r.id);

describe('which key is read', () => {
  it('the exact spelling wins over another case of the same key listed before it', () => {
    expect(ids({ resources: [user('a')], Resources: [user('a'), user('b')], totalResults: 2 })).toEqual(['a', 'b']);
    expect(read({ totalresults: 9, totalResults: 2, Resources: [] }).totalResults).toBe(2);
  });
});

describe('which number is a total', () => {
  it.each([
    [12.9, 12],
    [0, 0],
    [' 7 ', 7],
    [-1, null],
    ['many', null],
    ['7.5', null],
    [null, null],
    [true, null],
  ])('totalResults %j reads as %j', (total, expected) => {
    expect(read({ schemas: [SCHEMAS.listResponse], totalResults: total, Resources: [] }).totalResults).toBe(expected);
  });
});

describe('a SCIM Error where the page belongs', () => {
  it.each([
    ['its schema among others, beside Resources', { schemas: ['urn:example:gateway', ERROR], detail: 'Backend down', Resources: [] }, '(status ?: "Backend down")'],
    ['its schema alone, with totalResults', { schemas: [ERROR], status: 503, totalResults: 0 }, '(status 503)'],
    ['no schema, a status only', { status: '500' }, '(status 500)'],
    ['no schema, a detail only', { detail: 'Unauthorized' }, '(status ?: "Unauthorized")'],
  ])('%s: a retryable bad-response naming it', (_name, body, said) => {
    const error = refusal(body);
    expect(error.code).toBe('bad-response');
    expect(error.message).toBe(`GET ${URL} answered 200 with a SCIM Error body ${said} instead of a ListResponse page, so that page was not read.`);
    expect(error.details).toMatchObject({ url: URL, retryable: true });
  });

  it('a schema that only begins like the Error URN, or a non-text schema, is not one', () => {
    expect(ids({ schemas: [`${ERROR}Report`, 7], detail: 'x', Resources: [user('a')], totalResults: 1 })).toEqual(['a']);
  });

  it('status or detail beside a total, or beside Resources, is a page', () => {
    expect(read({ totalResults: 0, detail: 'nothing here' })).toEqual({ resources: [], totalResults: 0, nextCursor: null });
    expect(ids({ Resources: [user('a')], status: 'ok' })).toEqual(['a']);
  });
});

describe('what counts as a ListResponse', () => {
  it('Resources alone, a total alone, or the ListResponse schema alone (among others) is a page', () => {
    expect(read({ Resources: [user('a')] })).toMatchObject({ totalResults: null, nextCursor: null });
    expect(read({ totalResults: 0 })).toEqual({ resources: [], totalResults: 0, nextCursor: null });
    expect(read({ schemas: ['urn:example:paging', SCHEMAS.listResponse] })).toEqual({ resources: [], totalResults: null, nextCursor: null });
  });

  it('a body with none of them is refused, naming what is missing', () => {
    for (const body of [{ schemas: ['urn:example:Thing'] }, { schemas: [`${SCHEMAS.listResponse}Draft`] }, { schemas: [42] }, {}]) {
      const error = refusal(body);
      expect(error.message, JSON.stringify(body)).toBe(`The answer to GET ${URL} has neither "Resources" nor "totalResults", so it is not a SCIM ListResponse. Check the base URL.`);
      expect(error.details).toEqual({ url: URL, retryable: true });
    }
  });

  it('Resources that is not a list is refused, not retried, naming the url', () => {
    const error = refusal({ Resources: { id: 'a' }, totalResults: 1 });
    expect(error.details).toEqual({ url: URL });
  });
});

describe('the next cursor', () => {
  it.each([
    ['b64', 'b64'],
    ['', null],
    [5, null],
    [null, null],
  ])('nextCursor %j reads as %j', (cursor, expected) => {
    expect(read({ Resources: [], totalResults: 0, nextCursor: cursor }).nextCursor).toBe(expected);
  });
});
