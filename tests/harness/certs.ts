import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A throwaway self-signed certificate, made fresh with openssl. fiverr.com is HSTS-preloaded, so
 * Chromium insists on https; it is started with --ignore-certificate-errors for these pages.
 */
export function makeCertificate(): { key: Buffer; cert: Buffer } {
  const dir = mkdtempSync(join(tmpdir(), 'gigsaathi-cert-'));
  const key = join(dir, 'key.pem');
  const cert = join(dir, 'cert.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      key,
      '-out',
      cert,
      '-days',
      '2',
      '-subj',
      '/CN=gigsaathi-test',
      '-addext',
      'subjectAltName=DNS:fiverr.com,DNS:*.fiverr.com,DNS:upwork.com,DNS:*.upwork.com,DNS:peopleperhour.com,DNS:*.peopleperhour.com,DNS:open.er-api.com,DNS:cdn.jsdelivr.net,DNS:latest.currency-api.pages.dev',
    ],
    { stdio: 'ignore' },
  );
  return { key: readFileSync(key), cert: readFileSync(cert) };
}
