/** Per-request context of the payments subgraph: services shared by the process, loaders per request. */
import DataLoader from 'dataloader';
import type { BaseContext } from '../shared/federation/context';
import type { OutboxTail } from '../shared/outbox';
import type { PrismaClient } from '../shared/storage/database';
import type { PaymentCheckout } from './checkout/pay-dossier-fee';
import { DOSSIER_FACTS_SELECT, type DossierFacts } from './dossier/dossier-access';
import type { PaymentSync } from './lifecycle/payment-sync';
import { LIVE_PAYMENT_STATUSES } from './payment/payment-status';
import type { PaymentRow } from './payment/payment';
import type { ReceiptOptions } from './receipt/receipt-facts';
import type { Reconciler } from './reconciliation/reconcile';
import type { RefundService } from './refunds/refund-payment';

export interface PaymentsServices {
  prisma: PrismaClient;
  checkout: PaymentCheckout;
  sync: PaymentSync;
  refunds: RefundService;
  reconciler: Reconciler;
  receipts: ReceiptOptions;
  /** Payment events as subscriptions read them: from the outbox, in commit order, resumable by cursor. */
  tail: OutboxTail;
}

export interface PaymentsContext extends BaseContext, PaymentsServices {
  loaders: {
    paymentById: DataLoader<string, PaymentRow | null>;
    /** The newest PENDING or PAID payment of each dossier. */
    livePaymentByDossierCode: DataLoader<string, PaymentRow | null>;
    dossierByCode: DataLoader<string, DossierFacts | null>;
  };
}

export function createPaymentsContext(base: BaseContext, services: PaymentsServices): PaymentsContext {
  const { prisma } = services;
  return {
    ...base,
    ...services,
    loaders: {
      paymentById: new DataLoader(async (ids) => {
        const rows = await prisma.payment.findMany({ where: { id: { in: [...ids] } } });
        const byId = new Map(rows.map((r) => [r.id, r]));
        return ids.map((id) => byId.get(id) ?? null);
      }),
      livePaymentByDossierCode: new DataLoader(async (codes) => {
        const rows = await prisma.payment.findMany({
          where: { dossierCode: { in: [...codes] }, status: { in: [...LIVE_PAYMENT_STATUSES] } },
          orderBy: { createdAt: 'desc' },
        });
        const byCode = new Map<string, PaymentRow>();
        for (const row of rows) if (!byCode.has(row.dossierCode)) byCode.set(row.dossierCode, row);
        return codes.map((code) => byCode.get(code) ?? null);
      }),
      dossierByCode: new DataLoader(async (codes) => {
        const rows = await prisma.dossier.findMany({ where: { code: { in: [...codes] } }, select: DOSSIER_FACTS_SELECT });
        const byCode = new Map(rows.map((r) => [r.code, r]));
        return codes.map((code) => byCode.get(code) ?? null);
      }),
    },
  };
}
