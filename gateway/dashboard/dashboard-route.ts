/**
 * The live dashboard page (`GET /dashboard`): three static files, no build step, read from the source
 * tree (gateway/dashboard/public) whether the gateway runs from sources (ts-jest) or from dist/ —
 * like the committed schema files, they are not copied by tsc. The page talks to the hub only over
 * the graphql-ws subscription API, so it needs nothing else from this route.
 */
import { logger } from '../../subgraphs/shared/logging';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Express, Request, Response } from 'express';

interface StaticAsset {
  body: Buffer;
  contentType: string;
  etag: string;
}

const ASSETS: ReadonlyArray<[file: string, contentType: string]> = [
  ['index.html', 'text/html; charset=utf-8'],
  ['dashboard.js', 'text/javascript; charset=utf-8'],
  ['dashboard.css', 'text/css; charset=utf-8'],
];

/** Folder of the page's files, from both sources (ts-jest) and dist (tsc output); undefined when absent. */
export function dashboardPublicDir(): string | undefined {
  for (const up of ['.', '../../../gateway/dashboard']) {
    const dir = join(__dirname, up, 'public');
    if (existsSync(join(dir, 'index.html'))) return dir;
  }
  return undefined;
}

/** A host as browsers send it (name or [IPv6], optional port): anything else stays out of the CSP header. */
const PLAIN_HOST = /^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

/**
 * Scripts and styles from this origin only, no inline code, no framing. `connect-src 'self'` covers
 * ws: to the same host in current browsers (CSP 3); the explicit ws:/wss: origin is for older ones.
 */
export function dashboardContentSecurityPolicy(host: string | undefined): string {
  const sameHostSockets = host && PLAIN_HOST.test(host) ? ` ws://${host} wss://${host}` : '';
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    `connect-src 'self'${sameHostSockets}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

function loadAssets(dir: string): Map<string, StaticAsset> {
  const assets = new Map<string, StaticAsset>();
  for (const [file, contentType] of ASSETS) {
    const body = readFileSync(join(dir, file));
    const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`;
    assets.set(file, { body, contentType, etag });
  }
  return assets;
}

export interface DashboardOptions {
  /** Folder holding index.html, dashboard.js and dashboard.css. @default dashboardPublicDir() */
  publicDir?: string;
}

/** Serves the page at `/dashboard` (and `/dashboard/`), its script and style sheet beside it. */
export function mountDashboard(app: Express, options: DashboardOptions = {}): void {
  const dir = options.publicDir ?? dashboardPublicDir();
  if (!dir) {
    // An image built without the page's files still serves the API: the page alone answers 404.
    logger('gateway').warn('dashboard files (gateway/dashboard/public) not found: /dashboard is not served');
    app.get(['/dashboard', '/dashboard/'], (_req, res) => {
      res.status(404).json({ code: 'DASHBOARD_NOT_INSTALLED', message: 'gateway/dashboard/public is missing from this installation' });
    });
    return;
  }
  const assets = loadAssets(dir);
  const send = (file: string) => (req: Request, res: Response) => {
    const asset = assets.get(file)!;
    // No fingerprinted names (no build step): browsers revalidate every time, and a 304 keeps it cheap.
    res.set({
      'Content-Type': asset.contentType,
      'Cache-Control': 'no-cache',
      ETag: asset.etag,
      'X-Content-Type-Options': 'nosniff',
      // The access token lives in the URL fragment, which browsers never send; this keeps the path private too.
      'Referrer-Policy': 'no-referrer',
    });
    if (file === 'index.html') {
      res.set('Content-Security-Policy', dashboardContentSecurityPolicy(req.headers.host));
      res.set('X-Frame-Options', 'DENY');
    }
    if (req.headers['if-none-match'] === asset.etag) {
      res.status(304).end();
      return;
    }
    res.send(asset.body);
  };
  app.get(['/dashboard', '/dashboard/'], send('index.html'));
  app.get('/dashboard/dashboard.js', send('dashboard.js'));
  app.get('/dashboard/dashboard.css', send('dashboard.css'));
}
