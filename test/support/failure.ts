// What a call threw, as an InspectorError, so a test can assert on its code and message (and
// that it carries no token); any other outcome fails the test.

import { InspectorError } from '../../shared/errors';

export async function failure(promise: Promise<unknown>): Promise<InspectorError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof InspectorError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}
