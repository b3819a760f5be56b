/**
 * `npm start`: the hub's process entry. Reads the configuration once, starts what SERVICE names
 * (everything by default, with embedded storage, bus and simulators) and prints where it listens.
 */
import 'reflect-metadata';
import { configFromProcessEnvironment, type Config } from '../../subgraphs/shared/config';
import { startHub, type RunningHub } from '../hub/start-hub';
import { DEMO_PRINCIPALS } from '../hub/demo-principals';
import { configureLogging, logger } from '../../subgraphs/shared/logging';

async function printBanner(config: Config, hub: RunningHub): Promise<void> {
  const lines = ['', 'Lienthong is up.', ''];
  const labels: Array<[keyof RunningHub['urls'], string]> = [
    ['gateway', 'Gateway (GraphQL + graphql-ws)'],
    ['procedures', 'Subgraph procedures'],
    ['dossiers', 'Subgraph dossiers'],
    ['citizens', 'Subgraph citizens'],
    ['payments', 'Subgraph payments'],
    ['populationWsdl', 'Simulator: CSDLQG về dân cư (WSDL)'],
    ['paymentProvider', 'Simulator: payment provider'],
    ['businessRegistryWsdl', 'Simulator: CSDL đăng ký doanh nghiệp'],
    ['insuranceDb', 'Simulator: CSDL bảo hiểm'],
    ['postal', 'Simulator: postal carrier'],
    ['smsGateway', 'Simulator: SMS gateway'],
    ['smtp', 'Simulator: mail server (SMTP)'],
    ['legacyOneStop', 'Simulator: một cửa cũ (VNPT-iGate style)'],
    ['nationalPortal', 'Simulator: Cổng DVCQG'],
  ];
  for (const [key, label] of labels) if (hub.urls[key]) lines.push(`  ${label.padEnd(38)} ${hub.urls[key]}`);
  if (hub.urls.gateway) {
    lines.push(`  ${'Live dashboard (bảng theo dõi)'.padEnd(38)} ${hub.urls.gateway.replace(/\/graphql$/, '')}/dashboard#token=<operator or official token>`);
  }
  if (hub.db) lines.push(`  ${'Storage'.padEnd(38)} ${hub.db.embedded ? `embedded PGlite (${config.EMBEDDED_DATA_DIR})` : 'PostgreSQL (DATABASE_URL)'}`);
  lines.push(`  ${'Events'.padEnd(38)} ${config.REDIS_URL ? 'Redis (REDIS_URL)' : 'in-process bus'}`);
  if (hub.urls.gateway) {
    const jwks = `${hub.urls.gateway.replace(/\/graphql$/, '')}/.well-known/jwks.json`;
    const issuer = config.OIDC_ISSUER ? `OIDC issuer ${config.OIDC_ISSUER}` : hub.gateway?.devIssuer ? `development issuer (${jwks})` : 'none (set OIDC_ISSUER)';
    lines.push(`  ${'Access tokens from'.padEnd(38)} ${issuer}`);
  }
  const devIssuer = hub.gateway?.devIssuer;
  if (hub.urls.gateway && config.DEV_TOKENS && devIssuer) {
    lines.push('', 'Development access tokens (Authorization: Bearer …), valid 8 hours, until this process stops:');
    for (const demo of DEMO_PRINCIPALS) {
      lines.push(`  ${demo.label}:`, `    ${await devIssuer.issue(demo.principal)}`);
    }
    lines.push(`  More: POST ${hub.urls.gateway.replace(/\/graphql$/, '')}/auth/dev-token {"role":"CITIZEN","personalId":"…"}`);
  }
  console.log(lines.join('\n') + '\n');
}

async function main(): Promise<void> {
  const config = configFromProcessEnvironment();
  // Logs (issue 9D): JSON lines, readable ones only on a developer's console.
  configureLogging({ level: config.LOG_LEVEL, pretty: config.NODE_ENV === 'development' });
  const hub = await startHub(config);
  if (config.SERVICE === 'migrate') {
    logger('hub').info('migrations applied and catalogue seeded');
    await hub.stop();
    return;
  }
  await printBanner(config, hub);
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger('hub').info({ signal, graceMs: config.SHUTDOWN_GRACE_MS }, 'stopping: draining connections');
    // Each server waits at most the grace for requests in flight; past twice that, something hangs: give up.
    const deadline = setTimeout(() => {
      logger('hub').error('shutdown did not finish in time; exiting');
      process.exit(1);
    }, 2 * config.SHUTDOWN_GRACE_MS + 5_000);
    deadline.unref();
    hub.stop().then(
      () => {
        logger('hub').info('stopped');
        process.exit(0);
      },
      (err) => {
        logger('hub').error({ err }, 'stop failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((err) => {
  logger('hub').error({ err }, 'could not start');
  process.exit(1);
});
