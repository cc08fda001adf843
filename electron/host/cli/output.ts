// Output discipline: stdout carries only the command's result (one JSON document with --json, one
// resource a line with --ndjson, a human rendering otherwise); everything for people — progress,
// warnings, errors — goes to stderr, so `… --json | jq` never sees anything but JSON.

import type { AppError } from '../../../shared/errors';
import { RedactorGroup } from '../../core/secrets/index';

export interface Sink {
  write(chunk: string | Uint8Array): unknown;
  /** A Node stream's buffer is over its mark (process.stdout into a pipe a reader drains slowly). */
  readonly writableNeedDrain?: boolean;
  once?(event: 'drain', listener: () => void): unknown;
}

export interface Output {
  readonly json: boolean;
  readonly ndjson: boolean;
  /**
   * The secrets of every connection this run opened (withConnection adds each one's). Everything
   * written to stdout and stderr is redacted with them, and the files a command exports
   * (snapshots, CSV, HAR) use them too.
   */
  readonly secrets: RedactorGroup;
  /**
   * The result document: JSON with --json, else rendered by `human` — from the document it is
   * given, which is redacted (a renderer that cuts long cells would otherwise halve a secret).
   */
  result<T>(doc: T, human?: (doc: T) => string): void;
  /** One resource per line on stdout (--ndjson). */
  line(value: unknown): void;
  /**
   * JSON text on stdout as it is: a document written piece by piece by json-stream.ts, which
   * redacts every value with `secrets` before it becomes text (as `line` and `result` do), so
   * the text is not searched a second time here (that was about a tenth of a listing's CPU).
   */
  raw(text: string): void;
  /** Bytes on stdout as they are (UTF-8 JSON from json-stream.ts, redacted there as `raw` is). */
  rawBytes(bytes: Uint8Array): void;
  /**
   * Resolves once stdout has taken what was written. A pipe to a slow reader (`… | jq`) queues
   * writes in memory; streamed output awaits this between pages so memory stays flat.
   */
  drained(): Promise<void>;
  /** Human information on stderr. */
  info(message: string): void;
  warn(message: string): void;
  error(error: AppError): void;
  /** Progress on stderr, only when stderr is a terminal (keeps logs and tests quiet). */
  progress(message: string): void;
  endProgress(): void;
}

export interface OutputStreams {
  stdout: Sink;
  stderr: Sink;
  stderrIsTty?: boolean;
}

export function createOutput(streams: OutputStreams, mode: { json: boolean; ndjson: boolean }): Output {
  const secrets = new RedactorGroup();
  // Structured output is redacted as a value (a match inside JSON is replaced within its string);
  // human text as text.
  const json = (value: unknown, indent?: number): string => {
    const text = JSON.stringify(value, null, indent);
    return secrets.test(text) ? JSON.stringify(secrets.value(value), null, indent) : text;
  };
  const stdout: Sink = { write: (text: string) => streams.stdout.write(secrets.text(text)) };
  const stderr: Sink = { write: (text: string) => streams.stderr.write(secrets.text(text)) };
  let progressShown = false;
  const clearProgress = (): void => {
    if (progressShown) {
      stderr.write('\r\x1b[K');
      progressShown = false;
    }
  };
  return {
    json: mode.json,
    ndjson: mode.ndjson,
    secrets,
    result(doc, human) {
      clearProgress();
      if (mode.json || !human) streams.stdout.write(`${json(doc, 2)}\n`);
      // Renderers cut long cells: the document is redacted first, or a cut could halve a secret.
      else stdout.write(ensureNewline(human(secrets.value(doc))));
    },
    line(value) {
      clearProgress();
      streams.stdout.write(`${json(value)}\n`);
    },
    raw(text) {
      clearProgress();
      streams.stdout.write(text);
    },
    rawBytes(bytes) {
      clearProgress();
      streams.stdout.write(bytes);
    },
    drained() {
      const out = streams.stdout;
      if (out.writableNeedDrain !== true || !out.once) return Promise.resolve();
      return new Promise((resolve) => out.once?.('drain', resolve));
    },
    info(message) {
      clearProgress();
      stderr.write(ensureNewline(message));
    },
    warn(message) {
      clearProgress();
      stderr.write(ensureNewline(terminalSafe(`warning: ${message}`)));
    },
    error(error) {
      clearProgress();
      if (mode.json || mode.ndjson) streams.stderr.write(`${json({ error })}\n`);
      else stderr.write(ensureNewline(terminalSafe(`scim-inspector: ${error.message}${humanDetails(error)}`)));
    },
    progress(message) {
      if (!streams.stderrIsTty) return;
      stderr.write(`\r\x1b[K${message}`);
      progressShown = true;
    },
    endProgress: clearProgress,
  };
}

/** Server-supplied text (error details, warnings) must not drive the terminal: keep only newlines. */
export function terminalSafe(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g, ' ');
}

function ensureNewline(text: string): string {
  return text.endsWith('\n') ? text : `${text}\n`;
}

/** Candidates of a not-found/ambiguous lookup are the useful part for a person: list them. */
function humanDetails(error: AppError): string {
  const candidates = error.details?.candidates;
  if (!Array.isArray(candidates) || candidates.length === 0) return '';
  const lines = candidates.map((c) => `  ${JSON.stringify(c)}`);
  return `\ncandidates:\n${lines.join('\n')}`;
}
