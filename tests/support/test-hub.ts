/**
 * The whole hub for an end-to-end test: every port 0, embedded storage in memory or a throw-away
 * PostgreSQL database, and tokens for the people of the journey.
 */
import { DEMO_CITIZEN_ID } from '../../adapters/population-db';
import { startHub, type RunningHub } from '../../gateway/hub/start-hub';
import type { Principal } from '../../subgraphs/shared/auth/principal';
import { issueAccessToken, type DevIssuer } from '../../gateway/auth/dev-issuer';
import { loadConfig, type Config } from '../../subgraphs/shared/config';
import type { Database } from '../../subgraphs/shared/storage/database';
import { openTestDatabase, TEST_DATABASE_URL } from './database';

/** The backends an e2e test runs on: embedded always, PostgreSQL when TEST_DATABASE_URL is set. */
export const E2E_BACKENDS: Array<[string, boolean]> = [['embedded PGlite', false], ...(TEST_DATABASE_URL ? [['PostgreSQL', true] as [string, boolean]] : [])];

const PORT_SETTINGS = [
  'PORT',
  'PROCEDURES_PORT',
  'DOSSIERS_PORT',
  'CITIZENS_PORT',
  'PAYMENTS_PORT',
  'POPULATION_SIM_PORT',
  'PAYMENT_SIM_PORT',
  'INSURANCE_SIM_PORT',
  'BUSINESS_SIM_PORT',
  'POSTAL_SIM_PORT',
  'SMS_SIM_PORT',
  'SMTP_SIM_PORT',
  'LEGACY_SIM_PORT',
  'PORTAL_SIM_PORT',
];

export interface TestHub {
  config: Config;
  hub: RunningHub;
  /** The gateway's GraphQL URL. */
  url: string;
  /** An access token for `principal`, minted by the hub's development issuer (which the gateway trusts). */
  token(principal: Principal): Promise<string>;
  /** The development issuer the hub's gateway trusts (for another gateway that must accept the same tokens). */
  devIssuer: DevIssuer;
  /** The demo citizen's token. */
  citizen: string;
  stop(): Promise<void>;
}

export interface TestHubOptions {
  /** Settings on top of the test defaults (e.g. REDIS_URL). @default none */
  settings?: Record<string, string>;
  /** A database opened by the caller, who closes it. @default a fresh one when onPostgres, else embedded in memory */
  db?: Database;
}

export async function startTestHub(onPostgres: boolean, options: TestHubOptions = {}): Promise<TestHub> {
  const config = loadConfig({
    ...Object.fromEntries(PORT_SETTINGS.map((p) => [p, '0'])),
    EMBEDDED_DATA_DIR: 'memory',
    POPULATION_TIMEOUT_MS: '2000',
    // The legacy system's seed dossiers would land in the middle of other tests' counts; its own tests turn it on.
    LEGACY_SYNC_ENABLED: 'false',
    ...options.settings,
  });
  const ownDb: Database | undefined = !options.db && onPostgres ? await openTestDatabase() : undefined;
  const hub = await startHub(config, { db: options.db ?? ownDb });
  const devIssuer = hub.gateway?.devIssuer;
  if (!devIssuer) {
    await hub.stop();
    await ownDb?.close();
    throw new Error('The test hub needs the development issuer: do not set OIDC_ISSUER in its settings');
  }
  const token = (principal: Principal) => issueAccessToken(principal, devIssuer);
  return {
    config,
    hub,
    url: hub.urls.gateway!,
    token,
    devIssuer,
    citizen: await token({ id: `citizen:${DEMO_CITIZEN_ID}`, role: 'CITIZEN', personalId: DEMO_CITIZEN_ID }),
    async stop() {
      await hub.stop();
      await ownDb?.close();
    },
  };
}
