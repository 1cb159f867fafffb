import { readFile } from 'node:fs/promises';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { extname, join, normalize } from 'node:path';
import { makeCertificate } from './certs';
import { FIXTURES } from './paths';
import { realPageFor, realPageHtml } from './real-pages';
import { pageFor } from './routes';

export type RateMode = 'ok' | 'http-500' | 'not-json' | 'garbage' | 'missing-field' | 'hang';

/** What the fake exchange-rate APIs answer; tests change it to exercise the fallbacks. */
export interface FakeRates {
  pkrPerUsd: number;
  eurPerUsd: number;
  gbpPerUsd: number;
  /** PKR per USD on past days (`yyyy-MM-dd`), for the dated files. */
  history?: Record<string, number>;
  modes: { erApi: RateMode; jsdelivr: RateMode; pagesDev: RateMode };
}

export interface FixtureServer {
  port: number;
  rates: FakeRates;
  /** Every request seen, as `host path`. */
  requests: string[];
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

/** The hosts whose traffic the browser sends here (see browser.ts). */
export const MAPPED_HOSTS = [
  'fiverr.com',
  '*.fiverr.com',
  'upwork.com',
  '*.upwork.com',
  'peopleperhour.com',
  '*.peopleperhour.com',
  'open.er-api.com',
  'cdn.jsdelivr.net',
  'latest.currency-api.pages.dev',
];

export function isMappedHost(host: string): boolean {
  return MAPPED_HOSTS.some((h) => (h.startsWith('*.') ? host.endsWith(h.slice(1)) : host === h));
}

function rateBody(rates: FakeRates, api: keyof FakeRates['modes']): { status: number; body: string } | 'hang' {
  const mode = rates.modes[api];
  if (mode === 'hang') return 'hang';
  if (mode === 'http-500') return { status: 500, body: 'upstream error' };
  if (mode === 'not-json') return { status: 200, body: '<html>rate limited</html>' };
  const pkr = mode === 'garbage' ? 3.5 : rates.pkrPerUsd;
  if (api === 'erApi') {
    const table: Record<string, number> = {
      USD: 1,
      EUR: rates.eurPerUsd,
      GBP: rates.gbpPerUsd,
      AED: 3.6725,
      CAD: 1.38,
      AUD: 1.53,
    };
    if (mode !== 'missing-field') table.PKR = pkr;
    return {
      status: 200,
      body: JSON.stringify({
        result: 'success',
        provider: 'https://www.exchangerate-api.com',
        base_code: 'USD',
        time_last_update_unix: Math.floor(Date.now() / 1000) - 3600,
        rates: table,
      }),
    };
  }
  const usd: Record<string, number> = { eur: rates.eurPerUsd, gbp: rates.gbpPerUsd, aed: 3.6725, cad: 1.38, aud: 1.53 };
  if (mode !== 'missing-field') usd.pkr = pkr;
  return { status: 200, body: JSON.stringify({ date: new Date().toISOString().slice(0, 10), usd }) };
}

/**
 * One port that speaks both TLS and plain HTTP (it peeks at the first byte: 0x16 opens a TLS
 * handshake), serving fixture pages under the sites' real hostnames and fake rate APIs.
 */
export async function startFixtureServer(port = 0): Promise<FixtureServer> {
  const requests: string[] = [];
  const rates: FakeRates = {
    pkrPerUsd: 280,
    eurPerUsd: 0.92,
    gbpPerUsd: 0.79,
    modes: { erApi: 'ok', jsdelivr: 'ok', pagesDev: 'ok' },
  };
  const hung = new Set<ServerResponse>();

  const send = (
    res: ServerResponse,
    status: number,
    type: string,
    body: string | Buffer,
    headers: Record<string, string> = {},
  ) => {
    res.writeHead(status, {
      'content-type': type,
      'cache-control': 'no-store',
      'access-control-allow-origin': '*',
      ...headers,
    });
    res.end(body);
  };

  const handler = (req: IncomingMessage, res: ServerResponse) => {
    void (async () => {
      const host = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
      const url = new URL(req.url ?? '/', `https://${host || 'localhost'}`);
      requests.push(`${host} ${url.pathname}`);
      try {
        if (url.pathname === '/favicon.ico') {
          res.writeHead(204).end();
          return;
        }
        if (url.pathname.startsWith('/__fixtures/')) {
          const rel = normalize(url.pathname.slice('/__fixtures/'.length));
          if (rel.startsWith('..') || !/^(dist|assets)\//.test(rel)) return send(res, 404, 'text/plain', 'not found');
          const file = join(FIXTURES, rel);
          return send(res, 200, TYPES[extname(file)] ?? 'application/octet-stream', await readFile(file));
        }
        const rateApi =
          host === 'open.er-api.com' && url.pathname === '/v6/latest/USD'
            ? 'erApi'
            : host === 'cdn.jsdelivr.net' &&
                url.pathname === '/npm/@fawazahmed0/currency-api@latest/v1/currencies/usd.json'
              ? 'jsdelivr'
              : host === 'latest.currency-api.pages.dev' && url.pathname === '/v1/currencies/usd.json'
                ? 'pagesDev'
                : null;
        // The currency API's dated files (past days' rates, for withdrawals' markups): PKR per
        // USD of a day from `rates.history`, else the current figure.
        const dated =
          host === 'cdn.jsdelivr.net'
            ? /^\/npm\/@fawazahmed0\/currency-api@(\d{4}-\d{2}-\d{2})\/v1\/currencies\/usd\.json$/.exec(url.pathname)
            : null;
        if (dated) {
          const day = dated[1]!;
          const pkr = rates.history?.[day] ?? rates.pkrPerUsd;
          return send(
            res,
            200,
            'application/json',
            JSON.stringify({ date: day, usd: { pkr, eur: rates.eurPerUsd, gbp: rates.gbpPerUsd } }),
          );
        }
        if (rateApi) {
          const answer = rateBody(rates, rateApi);
          if (answer === 'hang') {
            hung.add(res);
            return;
          }
          return send(res, answer.status, 'application/json', answer.body);
        }
        // A page saved from the live site, under the URL it was saved from. Its own scripts are
        // blocked so the DOM stays exactly as saved; content scripts are not bound by a page's CSP.
        const real = realPageFor(host, url.pathname + url.search);
        if (real)
          return send(res, 200, TYPES['.html']!, realPageHtml(real), {
            'content-security-policy': "script-src 'none'",
          });
        const page = pageFor(host, url.pathname);
        if (page) return send(res, 200, TYPES['.html']!, await readFile(join(FIXTURES, 'pages', page)));
        return send(res, 404, TYPES['.html']!, '<!doctype html><title>Not found</title><h1>No fixture page here</h1>');
      } catch (error) {
        send(res, 500, 'text/plain', String(error));
      }
    })();
  };

  const { key, cert } = makeCertificate();
  const plain = http.createServer(handler);
  const secure = https.createServer({ key, cert }, handler);
  const sockets = new Set<net.Socket>();
  const front = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.once('data', (first) => {
      socket.pause();
      socket.unshift(first);
      if (first[0] === 0x16) {
        // The TLS socket reads the buffered bytes itself and then the handle directly; resuming
        // the raw socket here would make it steal the handshake.
        secure.emit('connection', socket);
      } else {
        plain.emit('connection', socket);
        socket.resume();
      }
    });
    socket.on('error', () => socket.destroy());
  });
  // Firefox has no --host-resolver-rules: it reaches the mapped hosts through this same port as
  // its proxy. HTTPS arrives as CONNECT host:443; the tunnel is handed back to the front door,
  // which sees the TLS handshake and serves it as above. Unmapped hosts get nothing, as in Chromium.
  plain.on('connect', (req: IncomingMessage, socket: net.Socket, head: Buffer) => {
    const host = (req.url ?? '').replace(/:\d+$/, '').toLowerCase();
    if (!isMappedHost(host)) {
      socket.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
      return;
    }
    socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    if (head.length > 0) socket.unshift(head);
    front.emit('connection', socket);
  });
  await new Promise<void>((resolve) => front.listen(port, '127.0.0.1', resolve));
  const address = front.address();
  if (!address || typeof address === 'string') throw new Error('fixture server has no port');

  return {
    port: address.port,
    rates,
    requests,
    close: async () => {
      for (const res of hung) res.destroy();
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => front.close(() => resolve()));
    },
  };
}
