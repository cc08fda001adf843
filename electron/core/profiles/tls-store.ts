// A profile's TLS files: checked when chosen (a CA or client certificate must hold a certificate,
// a key must be a private key), described for the page by file name and certificate (never by
// path), and — for a PEM the browser-mode page uploaded — kept as an owner-only file in the data
// folder's tls/ (the page never names a path, so main chooses where the copy lives).

import { readFileSync, rmSync } from 'node:fs';
import { basename, join, sep } from 'node:path';
import { InspectorError } from '../../../shared/errors';
import type { TlsFileInfo } from '../../../shared/channels/profiles';
import { ensurePrivateDir, writePrivateFile } from '../io/private-files';
import { certificatesIn, describeCertificate } from '../net/tls-files';
import type { TlsSettings } from './types';

export type TlsRole = 'ca' | 'clientCert' | 'clientKey';

export const TLS_KEY: Record<TlsRole, keyof TlsSettings> = { ca: 'caFile', clientCert: 'clientCertFile', clientKey: 'clientKeyFile' };
const WHAT: Record<TlsRole, string> = { ca: 'CA file', clientCert: 'client certificate', clientKey: 'client key' };
const PRIVATE_KEY = /-----BEGIN (ENCRYPTED |RSA |EC )?PRIVATE KEY-----/;

/** Throws invalid-input naming what is wrong with the PEM for this role. */
export function checkTlsPem(role: TlsRole, pem: string, name: string): void {
  if (role === 'clientKey') {
    if (!PRIVATE_KEY.test(pem)) throw new InspectorError('invalid-input', `${name} is not a PEM private key ("-----BEGIN PRIVATE KEY-----"). Pick the key file of the client certificate.`);
    return;
  }
  certificatesIn(pem, name, WHAT[role]);
}

/** Whether a key file is encrypted (then it needs a passphrase in the keychain). */
export function keyIsEncrypted(path: string): boolean {
  try {
    return /ENCRYPTED/.test(readFileSync(path, 'utf8'));
  } catch {
    // An unreadable key shows up as the file's problem in the summary; nothing to ask for yet.
    return false;
  }
}

/** Reads and checks a file the admin picked in the desktop app's dialog. */
export function checkTlsFile(role: TlsRole, path: string): void {
  let pem: string;
  try {
    pem = readFileSync(path, 'utf8');
  } catch (error) {
    throw new InspectorError('invalid-input', `The ${WHAT[role]} ${basename(path)} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}).`);
  }
  checkTlsPem(role, pem, basename(path));
}

export function tlsDir(dataDir: string): string {
  return join(dataDir, 'tls');
}

/** Keeps an uploaded PEM as an owner-only file under the data folder; returns its path. */
export async function storeUploadedPem(dataDir: string, profileId: string, role: TlsRole, pem: string, fileName: string | undefined): Promise<string> {
  checkTlsPem(role, pem, fileName ? basename(fileName) : `the uploaded ${WHAT[role]}`);
  const dir = tlsDir(dataDir);
  await ensurePrivateDir(dir, dataDir);
  const path = join(dir, `${profileId}-${role}.pem`);
  await writePrivateFile(path, pem);
  return path;
}

/** Deletes a copy the app made (never a file of the admin's elsewhere on disk). */
export function removeUploadedPem(dataDir: string, path: string | undefined): void {
  if (path !== undefined && path.startsWith(`${tlsDir(dataDir)}${sep}`)) rmSync(path, { force: true });
}

/** The page's view of a TLS file: its name and certificate, or why it cannot be used. */
export function describeTlsFile(role: TlsRole, path: string | undefined): TlsFileInfo | null {
  if (path === undefined) return null;
  const fileName = basename(path);
  try {
    const pem = readFileSync(path, 'utf8');
    checkTlsPem(role, pem, fileName);
    const [first] = role === 'clientKey' ? [] : certificatesIn(pem, fileName, WHAT[role]);
    return { fileName, certificate: first ? describeCertificate(first.cert) : null, problem: null };
  } catch (error) {
    return { fileName, certificate: null, problem: error instanceof Error ? error.message : String(error) };
  }
}
