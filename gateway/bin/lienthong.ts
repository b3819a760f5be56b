/**
 * `npm start`: the hub's process entry. Reads the configuration once, starts what SERVICE names
 * (everything by default, with embedded storage, bus and simulators) and prints where it listens.
 */
import 'reflect-metadata';
import { issueAccessToken } from '../../subgraphs/shared/auth/tokens';
import { configFromProcessEnvironment, type Config } from '../../subgraphs/shared/config';
import { startHub, type RunningHub } from '../hub/start-hub';
import { DEMO_PRINCIPALS } from '../hub/demo-principals';

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
  if (hub.urls.gateway && config.DEV_TOKENS) {
    lines.push('', 'Development access tokens (Authorization: Bearer …), valid 8 hours:');
    for (const demo of DEMO_PRINCIPALS) {
      lines.push(`  ${demo.label}:`, `    ${await issueAccessToken(demo.principal, config.AUTH_SECRET)}`);
    }
    lines.push(`  More: POST ${hub.urls.gateway.replace(/\/graphql$/, '')}/auth/dev-token {"role":"CITIZEN","personalId":"…"}`);
  }
  console.log(lines.join('\n') + '\n');
}

async function main(): Promise<void> {
  const config = configFromProcessEnvironment();
  const hub = await startHub(config);
  if (config.SERVICE === 'migrate') {
    console.log('Migrations applied and catalogue seeded.');
    await hub.stop();
    return;
  }
  await printBanner(config, hub);
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: stopping…`);
    hub.stop().then(
      () => process.exit(0),
      (err) => {
        console.error(err);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
