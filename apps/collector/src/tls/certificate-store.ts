import { X509Certificate } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { isIP } from 'node:net';
import { join } from 'node:path';
import { generate } from 'selfsigned';
import { CertificateError } from '../errors';

/** Names the certificate is valid for unless TLS_HOSTS says otherwise. */
export const DEFAULT_TLS_HOSTS: readonly string[] = ['localhost', '127.0.0.1'];
/** Validity of a generated certificate; it is regenerated on start when it expires sooner than a day. */
export const CERTIFICATE_VALIDITY_DAYS = 825;
const RENEW_BEFORE_MS = 24 * 3_600_000;

export const CERT_FILE = 'collector-cert.pem';
const TLS_DIR = 'tls';

/** Where the collector keeps its certificate in DATA_DIR: what services trust (NODE_EXTRA_CA_CERTS). */
export function certificatePath(dataDir: string): string {
  return join(dataDir, TLS_DIR, CERT_FILE);
}
export const KEY_FILE = 'collector-key.pem';

export interface TlsMaterial {
  readonly cert: string;
  readonly key: string;
  /** The PEM file services trust (NODE_EXTRA_CA_CERTS=<certPath>). */
  readonly certPath: string;
  readonly generated: boolean;
}

/**
 * The collector's self-signed certificate, kept in `<dataDir>/tls`: generated on first start,
 * reused after (so services keep trusting it), regenerated when it expires or no longer
 * covers the configured host names.
 */
export async function ensureCertificate(dataDir: string, hosts: readonly string[] = DEFAULT_TLS_HOSTS): Promise<TlsMaterial> {
  const dir = join(dataDir, TLS_DIR);
  const certPath = certificatePath(dataDir);
  const keyPath = join(dir, KEY_FILE);
  const existing = await readExisting(certPath, keyPath);
  if (existing !== undefined && isUsable(existing.cert, hosts)) return { ...existing, certPath, generated: false };
  await mkdir(dir, { recursive: true });
  const pems = await generateCertificate(hosts);
  // Key first, then the certificate by rename: a crash never leaves a cert without its key.
  await writeFile(keyPath, pems.key, { mode: 0o600 });
  await writeFile(`${certPath}.tmp`, pems.cert, { mode: 0o644 });
  await rename(`${certPath}.tmp`, certPath);
  return { ...pems, certPath, generated: true };
}

async function readExisting(certPath: string, keyPath: string): Promise<{ cert: string; key: string } | undefined> {
  try {
    return { cert: await readFile(certPath, 'utf8'), key: await readFile(keyPath, 'utf8') };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new CertificateError(`cannot read the TLS certificate in ${certPath}: ${(error as Error).message}`);
  }
}

function isUsable(pem: string, hosts: readonly string[]): boolean {
  try {
    const cert = new X509Certificate(pem);
    if (Date.parse(cert.validTo) - Date.now() < RENEW_BEFORE_MS) return false;
    const names = cert.subjectAltName ?? '';
    return hosts.every((host) => names.includes(isIP(host) === 0 ? `DNS:${host}` : `IP Address:${host}`));
  } catch {
    return false;
  }
}

async function generateCertificate(hosts: readonly string[]): Promise<{ cert: string; key: string }> {
  const now = new Date();
  const result = await generate([{ name: 'commonName', value: 'mirrormesh-collector' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate: new Date(now.getTime() - 60_000),
    notAfterDate: new Date(now.getTime() + CERTIFICATE_VALIDITY_DAYS * 86_400_000),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: hosts.map((host) => (isIP(host) === 0 ? { type: 2 as const, value: host } : { type: 7 as const, ip: host })),
      },
    ],
  });
  return { cert: result.cert, key: result.private };
}
