// What a channel is: a request validator plus its response type carried as a phantom. Kept apart
// from channels.ts so the per-feature maps in shared/channels/ can build entries without a cycle.

export interface ChannelDef<Req, Res> {
  parse(input: unknown): Req;
  /** Never set at run time; only carries the response type. */
  readonly response?: Res;
}

/** `channel<Response>()(parse)`: a channel whose request is what `parse` returns. */
export const channel =
  <Res>() =>
  <Req>(parse: (input: unknown) => Req): ChannelDef<Req, Res> => ({ parse });
