// A file written as a stream to a temporary name and renamed into place only when finished, so a
// failed or cancelled export never leaves half a file under the chosen name. Optionally gzip.
// Writers (snapshots, CSV exports) batch their text and await drained() so memory holds a batch,
// never the file.

import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { rename, rm } from 'node:fs/promises';
import { createGzip, type Gzip } from 'node:zlib';
import { InspectorError } from '../../../shared/errors';
import { makePrivate, PRIVATE_FILE_MODE } from './private-files';

export class AtomicFile {
  private readonly temp: string;
  private readonly file: WriteStream;
  private readonly gzip: Gzip | null;
  private failure: Error | null = null;

  /** `what` names the file in errors: "the snapshot to tenant.json.gz", "export.csv". */
  constructor(
    readonly path: string,
    private readonly what: string,
    options: { gzip?: boolean } = {},
  ) {
    this.temp = `${path}.partial-${process.pid}`;
    // Owner-only: these files hold people's data (io/private-files.ts).
    this.file = createWriteStream(this.temp, { mode: PRIVATE_FILE_MODE });
    this.gzip = options.gzip ? createGzip() : null;
    this.gzip?.pipe(this.file);
    // Errors surface from drained() or finish(); without a listener they would crash the process.
    // A failing file also stops gzip, which would otherwise buffer on and never drain.
    const fail = (error: Error): void => {
      this.failure ??= error;
      this.gzip?.destroy(error);
    };
    this.file.on('error', fail);
    this.gzip?.on('error', fail);
  }

  private get out(): Gzip | WriteStream {
    return this.gzip ?? this.file;
  }

  write(text: string): void {
    if (text !== '') this.out.write(text);
  }

  /** Resolves when the file has taken what was written. */
  async drained(): Promise<void> {
    if (this.failure) throw this.ioError(this.failure);
    if (!this.out.writableNeedDrain) return;
    try {
      await once(this.out, 'drain');
    } catch (error) {
      throw this.ioError(error);
    }
  }

  ioError(error: unknown): InspectorError {
    if (error instanceof InspectorError) return error;
    const reason = error instanceof Error ? error.message : String(error);
    return new InspectorError('io', `Could not write ${this.what}: ${reason}`, { file: this.path });
  }

  async finish(): Promise<void> {
    try {
      this.out.end();
      if (!this.file.closed) await once(this.file, 'close');
      if (this.failure) throw this.failure;
      await makePrivate(this.temp); // a temp file left by a crash kept its old mode
      await rename(this.temp, this.path);
    } catch (error) {
      await this.abort();
      throw this.ioError(error);
    }
  }

  /** Drops the temp file. */
  async abort(): Promise<void> {
    this.gzip?.destroy();
    this.file.destroy();
    // Let the stream close first, or a stream still opening recreates the temp file after rm.
    if (!this.file.closed) await once(this.file, 'close');
    await rm(this.temp, { force: true });
  }
}
