// How many pages a listing fetches at once. Pinned when the admin says (--concurrency N, a
// profile's setting); otherwise adaptive in the manner of TCP's AIMD, as Netflix's
// concurrency-limits does it: start at 4, add one for each page answered while latency holds
// (and the slots are in use), up to 16; halve on a 429 or when latency jumps to over twice the
// best seen plus 50 ms (the slack keeps a loaded machine's timer and GC noise on millisecond
// answers from halving it all the time; a 429's Retry-After of a second or a server slowing
// under load is far beyond it). A decrease is applied once per round: answers to requests sent
// before it carry no news. Retry-After itself is honoured by the transport, which waits before
// repeating the page.

export const ADAPTIVE_START = 4;
export const MAX_CONCURRENCY = 16;
/** Latency above JUMP_FACTOR x the best seen plus JUMP_SLACK_MS is a jump. */
const JUMP_FACTOR = 2;
const JUMP_SLACK_MS = 50;

export interface ConcurrencyReport {
  adaptive: boolean;
  start: number;
  /** The highest limit reached, and the limit when the listing ended. */
  max: number;
  final: number;
  decreases: number;
}

export class ConcurrencyLimit {
  private limit: number;
  private best = Number.POSITIVE_INFINITY;
  private sent = 0;
  /** Requests numbered below this were sent before the last decrease. */
  private decreasedAt = 0;
  private maxSeen: number;
  private decreases = 0;

  /** `pinned`: a fixed limit (1..16); undefined: adaptive from ADAPTIVE_START. */
  constructor(private readonly pinned?: number) {
    this.limit = pinned ?? ADAPTIVE_START;
    this.maxSeen = this.limit;
  }

  get current(): number {
    return Math.floor(this.limit);
  }

  /** Call as a request is sent; pass the ticket to done(). */
  send(): number {
    this.sent += 1;
    return this.sent;
  }

  /** A page answered after `latencyMs`; `inFlight` requests (this one included) were out. */
  done(ticket: number, latencyMs: number, inFlight: number): void {
    if (this.pinned !== undefined) return;
    const jumped = this.best !== Number.POSITIVE_INFINITY && latencyMs > this.best * JUMP_FACTOR + JUMP_SLACK_MS;
    this.best = Math.min(this.best, latencyMs);
    if (jumped) {
      this.decrease(ticket);
    } else if (inFlight * 2 >= this.current) {
      // Only a limit that is being used has earned a raise.
      this.limit = Math.min(MAX_CONCURRENCY, this.limit + 1);
      this.maxSeen = Math.max(this.maxSeen, this.current);
    }
  }

  /** The server answered 429 (Too Many Requests) to the request with this ticket (0: unknown). */
  rateLimited(ticket = this.sent): void {
    if (this.pinned !== undefined) return;
    this.decrease(ticket);
  }

  private decrease(ticket: number): void {
    if (ticket <= this.decreasedAt) return;
    this.limit = Math.max(1, Math.floor(this.limit / 2));
    this.decreasedAt = this.sent;
    this.decreases += 1;
  }

  report(): ConcurrencyReport {
    return { adaptive: this.pinned === undefined, start: this.pinned ?? ADAPTIVE_START, max: this.maxSeen, final: this.current, decreases: this.decreases };
  }
}
