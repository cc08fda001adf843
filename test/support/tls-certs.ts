// Certificates made for one test run with the openssl CLI: a private CA and a server certificate
// it signed for 127.0.0.1, a second CA nobody trusts with its own server certificate, and a client
// CA with a client certificate (its key also encrypted with a passphrase) for mutual TLS. Written
// to a temp folder the caller removes.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TestPki {
  dir: string;
  /** Paths of PEM files. */
  caCert: string;
  serverCert: string;
  serverKey: string;
  otherCaCert: string;
  otherServerCert: string;
  otherServerKey: string;
  clientCaCert: string;
  clientCert: string;
  clientKey: string;
  clientKeyEncrypted: string;
  clientKeyPassphrase: string;
  /** A key that belongs to no certificate here. */
  strayKey: string;
  read(path: string): string;
  remove(): void;
}

function openssl(args: string[], cwd: string): void {
  execFileSync('openssl', args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
}

function ca(dir: string, name: string, subject: string): void {
  openssl(['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.pem`, '-days', '2', '-subj', subject, '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign'], dir);
}

function leaf(dir: string, name: string, issuer: string, subject: string, ext: string): void {
  openssl(['req', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', subject], dir);
  writeFileSync(join(dir, `${name}.ext`), ext);
  openssl(['x509', '-req', '-in', `${name}.csr`, '-CA', `${issuer}.pem`, '-CAkey', `${issuer}.key`, '-CAcreateserial', '-out', `${name}.pem`, '-days', '2', '-extfile', `${name}.ext`], dir);
}

export function makeTestPki(): TestPki {
  const dir = mkdtempSync(join(tmpdir(), 'scim-inspector-pki-'));
  try {
    ca(dir, 'ca', '/CN=Inspector Test Private CA/O=Acme Corp');
    leaf(dir, 'server', 'ca', '/CN=scim.acme.test', 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n');
    ca(dir, 'other-ca', '/CN=Unknown Intercepting CA/O=Nobody');
    leaf(dir, 'other-server', 'other-ca', '/CN=scim.acme.test', 'subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\n');
    ca(dir, 'client-ca', '/CN=Inspector Client CA');
    leaf(dir, 'client', 'client-ca', '/CN=inspector-admin', 'extendedKeyUsage=clientAuth\n');
    const passphrase = 'key pass/+phrase';
    openssl(['pkey', '-in', 'client.key', '-out', 'client-encrypted.key', '-aes-256-cbc', '-passout', `pass:${passphrase}`], dir);
    openssl(['genpkey', '-algorithm', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-out', 'stray.key'], dir);
    const p = (n: string): string => join(dir, n);
    return {
      dir,
      caCert: p('ca.pem'),
      serverCert: p('server.pem'),
      serverKey: p('server.key'),
      otherCaCert: p('other-ca.pem'),
      otherServerCert: p('other-server.pem'),
      otherServerKey: p('other-server.key'),
      clientCaCert: p('client-ca.pem'),
      clientCert: p('client.pem'),
      clientKey: p('client.key'),
      clientKeyEncrypted: p('client-encrypted.key'),
      clientKeyPassphrase: passphrase,
      strayKey: p('stray.key'),
      read: (path) => readFileSync(path, 'utf8'),
      remove: () => rmSync(dir, { recursive: true, force: true }),
    };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}
