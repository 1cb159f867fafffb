import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../harness/paths';

/** The hosts GigSaathi may touch: the sites it serves and the exchange-rate APIs. */
const ALLOWED_HOSTS = new Set([
  'https://*.fiverr.com/*',
  'https://*.upwork.com/*',
  'https://open.er-api.com/*',
  // The package's latest file and its dated ones (past days' rates), and nothing else on jsDelivr.
  'https://cdn.jsdelivr.net/npm/@fawazahmed0/currency-api@*',
  'https://latest.currency-api.pages.dev/*',
]);
/** API permissions a feature really needs; a new one must be added here on purpose. */
const ALLOWED_PERMISSIONS = new Set(['storage', 'alarms', 'notifications', 'contextMenus', 'activeTab', 'scripting']);
/** Asked for only when the seller switches the site on (#23): never at install. */
const OPTIONAL_HOSTS = ['https://*.peopleperhour.com/*'];

interface Manifest {
  manifest_version: number;
  permissions?: string[];
  host_permissions?: string[];
  optional_permissions?: string[];
  optional_host_permissions?: string[];
  content_scripts?: { matches: string[] }[];
  web_accessible_resources?: (string | { matches: string[] })[];
  browser_specific_settings?: { gecko?: { id?: string; data_collection_permissions?: unknown } };
}

const read = (target: string): Manifest =>
  JSON.parse(readFileSync(join(ROOT, '.output', target, 'manifest.json'), 'utf8')) as Manifest;

describe.each(['chrome-mv3', 'firefox-mv2'])('built manifest (%s)', (target) => {
  const manifest = read(target);
  const isMv2 = manifest.manifest_version === 2;
  const hostsOf = (m: Manifest) => [
    ...(m.host_permissions ?? []),
    ...(isMv2 ? (m.permissions ?? []).filter((p) => p.includes('://')) : []),
    ...(m.content_scripts ?? []).flatMap((c) => c.matches),
    ...(m.web_accessible_resources ?? []).flatMap((w) => (typeof w === 'string' ? [] : w.matches)),
  ];

  it('asks for no host beyond the served sites and the rate APIs', () => {
    const hosts = hostsOf(manifest);
    expect(hosts.length).toBeGreaterThan(0);
    for (const host of hosts) expect(ALLOWED_HOSTS, host).toContain(host);
    expect(JSON.stringify(manifest)).not.toContain('<all_urls>');
    expect(JSON.stringify(manifest)).not.toMatch(/"\*:\/\/\*\/\*"|"https?:\/\/\*\/\*"/);
    // HTTPS only, every host.
    for (const host of hosts) expect(host, host).toMatch(/^https:\/\//);
  });

  it('asks only for the API permissions features need', () => {
    const apis = (manifest.permissions ?? []).filter((p) => !p.includes('://'));
    const optionalApis = (manifest.optional_permissions ?? []).filter((p) => !p.includes('://'));
    for (const p of [...apis, ...optionalApis]) expect(ALLOWED_PERMISSIONS, p).toContain(p);
  });

  it('lists PeoplePerHour as optional only, so installing never asks for it', () => {
    const optional = isMv2
      ? (manifest.optional_permissions ?? []).filter((p) => p.includes('://'))
      : (manifest.optional_host_permissions ?? []);
    expect(optional).toEqual(OPTIONAL_HOSTS);
    for (const host of OPTIONAL_HOSTS) expect(hostsOf(manifest)).not.toContain(host);
  });

  if (target.startsWith('firefox')) {
    it('carries the gecko settings Firefox requires', () => {
      expect(manifest.browser_specific_settings?.gecko?.id).toBe('gigsaathi@gigsaathi.app');
      expect(manifest.browser_specific_settings?.gecko?.data_collection_permissions).toEqual({ required: ['none'] });
    });
  }
});
