/**
 * The payments subgraph on port 0 with the payment provider simulator over HTTP, a fresh test
 * database and an in-process bus; `stop()` closes all of them. Background jobs are off unless asked.
 */
import {
  createPaymentProviderSimulator,
  PaymentProviderClient,
  type PaymentProviderSimulator,
  type PaymentProviderSimulatorOptions,
} from '../../adapters/payment-provider';
import { createPaymentsSubgraph, type PaymentsDeps, type PaymentsSubgraph } from '../../subgraphs/payments';
import type { Principal } from '../../subgraphs/shared/auth/principal';
import { InProcessEventBus } from '../../subgraphs/shared/events/bus';
import type { Database } from '../../subgraphs/shared/storage/database';
import { openTestDatabase } from './database';
import { TEST_INTERNAL_SECRET } from './subgraph-client';

export const TEST_MERCHANT = 'LIENTHONG';
export const TEST_PAYMENT_SECRET = 'integration-test-payment-secret-0123456789';
export const QUIET_LOGGER = { warn: () => undefined, error: () => undefined };

export interface PaymentsTestServer {
  db: Database;
  bus: InProcessEventBus;
  simulator: PaymentProviderSimulator;
  /** A client of the simulator, for tests that act at the provider directly. */
  provider: PaymentProviderClient;
  subgraph: PaymentsSubgraph;
  url: string;
  /** Where the provider calls the hub back. */
  callbackUrl: string;
  /** The simulator's base URL. */
  providerUrl: string;
  stop(): Promise<void>;
}

export interface PaymentsTestServerOptions {
  simulator?: Partial<PaymentProviderSimulatorOptions>;
  /** @default no expiry or reconciliation jobs, the outbox polled every 50 ms */
  subgraph?: Partial<Omit<PaymentsDeps, 'db' | 'bus' | 'internalSecret' | 'provider'>>;
  /** Runs on the bus before the subgraph starts (subscribe to topics). @default none */
  beforeStart?: (bus: InProcessEventBus) => Promise<void>;
}

export async function startPaymentsTestServer(options: PaymentsTestServerOptions = {}): Promise<PaymentsTestServer> {
  const db = await openTestDatabase();
  const bus = new InProcessEventBus();
  await options.beforeStart?.(bus);
  const simulator = createPaymentProviderSimulator({
    merchantCode: TEST_MERCHANT,
    secret: TEST_PAYMENT_SECRET,
    callbackRetryDelayMs: 20,
    logger: QUIET_LOGGER,
    ...options.simulator,
  });
  const { baseUrl } = await simulator.start();
  const provider = new PaymentProviderClient({ baseUrl, merchantCode: TEST_MERCHANT, secret: TEST_PAYMENT_SECRET, timeoutMs: 2000 });
  const subgraph = createPaymentsSubgraph({
    db,
    bus,
    internalSecret: TEST_INTERNAL_SECRET,
    provider,
    logger: QUIET_LOGGER,
    expiry: false,
    reconciliation: false,
    outbox: { pollIntervalMs: 50 },
    ...options.subgraph,
  });
  const running = await subgraph.start();
  return {
    db,
    bus,
    simulator,
    provider,
    subgraph,
    url: running.url,
    callbackUrl: `${running.baseUrl}/callbacks/payment-provider`,
    providerUrl: baseUrl,
    async stop() {
      await subgraph.stop();
      await simulator.stop();
      await bus.close();
      await db.close();
    },
  };
}

/** A dossier waiting for its fee, as the dossiers subgraph would have stored it. */
export function insertFeeDossier(db: Database, code: string, applicant: Principal, extra: { agencyCode: string; procedureCode: string; payerName: string; feeVnd?: number; status?: string }) {
  return db.prisma.dossier.create({
    data: {
      code,
      procedureCode: extra.procedureCode,
      agencyCode: extra.agencyCode,
      applicantPersonalId: applicant.personalId!,
      applicantUserId: applicant.id,
      channel: 'ONLINE',
      status: extra.status ?? 'PAYMENT_DUE',
      formData: { hoTen: extra.payerName },
      feeVnd: extra.feeVnd ?? 200000,
      receivedAt: new Date('2026-11-23T02:00:00Z'),
      appointmentAt: new Date('2026-11-30T10:00:00Z'),
    },
  });
}
