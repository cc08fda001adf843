// The one path from "a channel name and an unknown payload" to a Result: validate with the
// channel's parse(), run the core function, turn any thrown value into an AppError. Both the IPC
// wrapper and the browser-mode HTTP twin call this, so they cannot drift apart.

import { CHANNELS, isChannelName, type ChannelName, type ResponseOf, type Result } from '../../../shared/channels';
import { InspectorError, toAppError } from '../../../shared/errors';
import type { AppContext } from './context';
import type { CoreFunctions } from './functions';

export type ErrorReporter = (channel: string, error: unknown) => void;

/** Internal errors are bugs: hosts log them (never the request, which may hold user data). */
const defaultReporter: ErrorReporter = (channel, error) => {
  console.error(`[scim-inspector] ${channel} failed unexpectedly:`, error);
};

export async function dispatch<K extends ChannelName>(
  functions: CoreFunctions,
  ctx: AppContext,
  channel: K | string,
  input: unknown,
  report: ErrorReporter = defaultReporter,
): Promise<Result<ResponseOf<K>>> {
  try {
    if (!isChannelName(channel)) throw new InspectorError('invalid-input', `There is no call named "${channel}"; the renderer and main are out of step (rebuild both).`);
    // Objects the renderer got redacted come back as the originals (a PUT must carry real values).
    const request: unknown = CHANNELS[channel].parse(ctx.redaction.inbound(input));
    // The map guarantees function and parser belong to the same channel; TypeScript cannot
    // correlate the two lookups, hence the one widening here.
    const fn = functions[channel] as (c: AppContext, r: unknown) => Promise<ResponseOf<K>>;
    return { ok: true, value: ctx.redaction.outbound(await fn(ctx, request)) };
  } catch (error) {
    const appError = ctx.redaction.outbound(toAppError(error));
    if (appError.code === 'internal') report(String(channel), ctx.redaction.secrets.value(error));
    return { ok: false, error: appError };
  }
}
