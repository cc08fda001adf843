// Reading a secret the way a person or a script hands it over: piped on stdin, or typed at a
// hidden prompt. Never from argv (shell history, `ps`), and never echoed.

import { InspectorError } from '../../../shared/errors';
import { MAX_TOKEN_BYTES } from '../../core/vault';

export interface TokenSource {
  stdin: NodeJS.ReadStream;
  stderr: NodeJS.WriteStream;
}

/** Reads piped stdin, bounded: a token is at most 16 KB, anything far bigger is the wrong input. */
async function readPipedToken(stdin: NodeJS.ReadStream): Promise<string> {
  const limit = MAX_TOKEN_BYTES * 4;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stdin) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buf.length;
    if (size > limit) throw new InspectorError('invalid-input', 'More than 64 KB arrived on stdin; pipe in only the token.');
    chunks.push(buf);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Prompts on the terminal without echoing what is typed or pasted. */
function promptHidden(io: TokenSource, question: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const { stdin, stderr } = io;
    let value = '';
    const finish = (error: InspectorError | null): void => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      stderr.write('\n');
      if (error) reject(error);
      else resolve(value);
    };
    const onData = (data: Buffer | string): void => {
      for (const ch of typeof data === 'string' ? data : data.toString('utf8')) {
        if (ch === '\r' || ch === '\n') return finish(null);
        if (ch === '\u0003' || ch === '\u0004') return finish(new InspectorError('cancelled', 'Cancelled; the stored token was not changed.'));
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else value += ch;
        if (value.length > MAX_TOKEN_BYTES * 4) return finish(new InspectorError('invalid-input', 'The token is far too long; paste only the token.'));
      }
    };
    // Echo goes off before the prompt appears, so even a paste that races the prompt is not shown.
    stdin.setRawMode(true);
    stderr.write(question);
    stdin.resume();
    stdin.on('data', onData);
  });
}

/** A secret from piped stdin, or a hidden prompt at a terminal; `what` names it in the prompt. */
export async function readToken(name: string, io: TokenSource, what = 'Token'): Promise<string> {
  if (io.stdin.isTTY) {
    if (!io.stderr.isTTY) throw new InspectorError('usage', 'set-token needs the token on stdin (piped) or a terminal to prompt on.');
    return promptHidden(io, `${what} for profile "${name}" (input is hidden): `);
  }
  return readPipedToken(io.stdin);
}

