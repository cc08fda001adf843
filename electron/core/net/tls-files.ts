// PEM files for TLS: a private CA added to the default ones (never replacing them), and a client
// certificate with its key for mutual TLS. Files are read and checked when a connection opens, so a
// wrong file is named with what is wrong before any request; descriptions (subject, issuer,
// validity) are what "Test connection" and certificate errors show.

import { readFileSync } from 'node:fs';
import { createPrivateKey, X509Certificate } from 'node:crypto';
import { rootCertificates } from 'node:tls';
import * as tls from 'node:tls';
import { InspectorError } from '../../../shared/errors';

export interface CertificateInfo {
  subject: string;
  issuer: string;
  validFrom: string;
  validTo: string;
  fingerprint256: string;
}

/** A certificate as a person reads it: CN (or O) of subject and issuer, and the validity. */
export function describeCertificate(cert: X509Certificate): CertificateInfo {
  return { subject: readableName(cert.subject), issuer: readableName(cert.issuer), validFrom: cert.validFrom, validTo: cert.validTo, fingerprint256: cert.fingerprint256 };
}

/** "CN=Acme Root CA\nO=Acme" → "Acme Root CA (Acme)". */
export function readableName(dn: string): string {
  const parts = new Map<string, string>();
  for (const line of dn.split(/\n|, (?=[A-Z]+=)/)) {
    const eq = line.indexOf('=');
    if (eq > 0) parts.set(line.slice(0, eq).trim(), line.slice(eq + 1).trim());
  }
  const cn = parts.get('CN');
  const o = parts.get('O');
  if (cn && o && o !== cn) return `${cn} (${o})`;
  return cn ?? o ?? dn.replace(/\n/g, ', ');
}

function readPem(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InspectorError('invalid-input', `The ${what} ${path} cannot be read (${code ?? 'error'}). Check the path and that the file is readable.`, { file: path });
  }
}

const PEM_CERT = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/** The certificates of a PEM bundle, each checked. */
export function certificatesIn(pem: string, path: string, what: string): { pem: string; cert: X509Certificate }[] {
  const blocks = pem.match(PEM_CERT) ?? [];
  if (blocks.length === 0) throw new InspectorError('invalid-input', `The ${what} ${path} holds no PEM certificate ("-----BEGIN CERTIFICATE-----"). Export it as PEM (Base-64 encoded X.509), not DER.`, { file: path });
  return blocks.map((block, i) => {
    try {
      return { pem: block, cert: new X509Certificate(block) };
    } catch (error) {
      throw new InspectorError('invalid-input', `Certificate ${i + 1} in the ${what} ${path} cannot be read (${error instanceof Error ? error.message : 'invalid'}). Export it again as PEM.`, { file: path });
    }
  });
}

/**
 * The CAs Node trusts by default (its bundle, plus NODE_EXTRA_CA_CERTS) — what a connection gets
 * without a CA file, and what one with a CA file keeps: passing `ca` would otherwise replace them.
 */
export function defaultCertificates(env: NodeJS.ProcessEnv = process.env): string[] {
  const getter = (tls as unknown as { getCACertificates?: (kind: string) => string[] }).getCACertificates;
  if (typeof getter === 'function') return getter('default');
  const extra = env.NODE_EXTRA_CA_CERTS;
  let extras: string[] = [];
  if (extra) {
    try {
      extras = readFileSync(extra, 'utf8').match(PEM_CERT) ?? [];
    } catch {
      // Node itself only warns about an unreadable NODE_EXTRA_CA_CERTS; so does this (nothing added).
      extras = [];
    }
  }
  return [...rootCertificates, ...extras];
}

export interface TlsFiles {
  caFile?: string;
  clientCertFile?: string;
  clientKeyFile?: string;
}

export interface TlsMaterial {
  /** Present only with a CA file: the defaults plus the file's certificates. */
  ca?: string[];
  cert?: string;
  key?: string;
  passphrase?: string;
  caCertificates: CertificateInfo[];
  clientCertificate: CertificateInfo | null;
}

/** Reads and checks the TLS files; the key is decrypted once here so a wrong passphrase is named now. */
export function loadTlsMaterial(files: TlsFiles, passphrase: string | null, env: NodeJS.ProcessEnv = process.env): TlsMaterial {
  const out: TlsMaterial = { caCertificates: [], clientCertificate: null };
  if (files.caFile) {
    const certs = certificatesIn(readPem(files.caFile, 'CA file'), files.caFile, 'CA file');
    out.ca = [...defaultCertificates(env), ...certs.map((c) => c.pem)];
    out.caCertificates = certs.map((c) => describeCertificate(c.cert));
  }
  if (files.clientCertFile || files.clientKeyFile) {
    if (!files.clientCertFile || !files.clientKeyFile) throw new InspectorError('invalid-input', `A client certificate needs both the certificate and its private key; the ${files.clientCertFile ? 'key' : 'certificate'} is missing (--client-cert and --client-key in the CLI, the profile's TLS files in the app).`);
    const certPem = readPem(files.clientCertFile, 'client certificate');
    const [leaf] = certificatesIn(certPem, files.clientCertFile, 'client certificate');
    const keyPem = readPem(files.clientKeyFile, 'client key');
    let key;
    try {
      key = createPrivateKey(passphrase === null ? { key: keyPem } : { key: keyPem, passphrase });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      const encrypted = /ENCRYPTED/.test(keyPem);
      const advice = encrypted
        ? passphrase === null
          ? 'The key is encrypted: give its passphrase (--client-key-passphrase-env VAR, or the passphrase field of the profile).'
          : 'The passphrase does not decrypt it: check the passphrase.'
        : 'Check that it is a PEM private key ("-----BEGIN PRIVATE KEY-----").';
      throw new InspectorError('invalid-input', `The client key ${files.clientKeyFile} cannot be used (${reason}). ${advice}`, { file: files.clientKeyFile });
    }
    if (leaf && !leaf.cert.checkPrivateKey(key)) {
      throw new InspectorError('invalid-input', `The client key ${files.clientKeyFile} does not belong to the certificate ${files.clientCertFile} (${readableName(leaf.cert.subject)}). Pick the key that was issued with it.`, { file: files.clientKeyFile });
    }
    out.cert = certPem;
    out.key = keyPem;
    if (passphrase !== null) out.passphrase = passphrase;
    out.clientCertificate = leaf ? describeCertificate(leaf.cert) : null;
  }
  return out;
}
