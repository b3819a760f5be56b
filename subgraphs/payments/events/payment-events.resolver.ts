/**
 * `paymentEvents`: payments settled, failed, expired or refunded, read from the outbox (OutboxTail) and
 * shown to whoever may handle the dossier's payment (the applicant, the receiving agency's officials,
 * operators). Resumable with `after`, like dossierEvents.
 */
import { Arg, Ctx, FieldResolver, ID, Resolver, Root, Subscription, type SubscribeResolverData } from 'type-graphql';
import { filterIterator } from '../../shared/events/filter-iterator';
import { ErrorCode, LienthongError } from '../../shared/errors';
import type { OutboxRecord } from '../../shared/outbox';
import type { PaymentsContext } from '../context';
import { mayHandleDossierPayment } from '../dossier/dossier-access';
import { dashboardWatches } from '../../shared/auth/principal';
import { PaymentStatus } from '../payment/payment-status';
import { Payment } from '../payment/payment';
import { visiblePayment } from '../payment/payment-visibility';
import { PaymentEvent } from './payment-event';
import { PAYMENT_EXPIRED_TOPIC, PAYMENT_FAILED_TOPIC, PAYMENT_REFUNDED_TOPIC, type PaymentEndedEvent, type PaymentRefundedEvent } from './payment-events';
import { PAYMENT_PAID_TOPIC, type PaymentPaidEvent } from './payment-paid-event';

export const PAYMENT_EVENT_TOPICS = [PAYMENT_PAID_TOPIC, PAYMENT_FAILED_TOPIC, PAYMENT_EXPIRED_TOPIC, PAYMENT_REFUNDED_TOPIC] as const;

type AnyPaymentEvent = PaymentPaidEvent | PaymentEndedEvent | PaymentRefundedEvent;

interface PaymentEventsArgs {
  dossierCode?: string | null;
  agencyCode?: string | null;
  after?: string | null;
}

function toPaymentEvent(record: OutboxRecord<AnyPaymentEvent>, agencyCode: string): PaymentEvent {
  const e = record.payload as Partial<PaymentPaidEvent & PaymentEndedEvent & PaymentRefundedEvent>;
  const status =
    record.topic === PAYMENT_PAID_TOPIC ? PaymentStatus.PAID : record.topic === PAYMENT_REFUNDED_TOPIC ? PaymentStatus.REFUNDED : (e.status as PaymentStatus);
  return Object.assign(new PaymentEvent(), {
    cursor: record.cursor,
    status,
    paymentId: e.paymentId!,
    dossierCode: e.dossierCode!,
    agencyCode,
    amountVnd: status === PaymentStatus.REFUNDED ? e.refundedVnd! : e.amountVnd!,
    receiptNumber: e.receiptNumber ?? null,
    reason: e.reason ?? null,
    at: new Date((e.paidAt ?? e.refundedAt ?? e.at)!),
    dossier: { code: e.dossierCode! },
  });
}

function subscribeToPaymentEvents({ args, context }: SubscribeResolverData<unknown, PaymentEventsArgs, PaymentsContext>) {
  const { principal } = context;
  if (principal.role === 'ANONYMOUS') throw new LienthongError(ErrorCode.UNAUTHENTICATED);
  const records = context.tail.subscribe<AnyPaymentEvent>({
    topics: PAYMENT_EVENT_TOPICS,
    after: args.after,
    filter: ({ payload }) => !args.dossierCode || payload.dossierCode === args.dossierCode,
  });
  // Who may see an event depends on its dossier (agency, applicant): one read per event, cached per code.
  return filterIterator(records, async (record) => {
    const dossier = await context.loaders.dossierByCode.clear(record.payload.dossierCode).load(record.payload.dossierCode);
    // Dashboards watch their agency's (or, unscoped, every) payment; they never handle one.
    if (!dossier || !(mayHandleDossierPayment(principal, dossier) || dashboardWatches(principal, dossier.agencyCode))) return undefined;
    if (args.agencyCode && dossier.agencyCode !== args.agencyCode) return undefined;
    return toPaymentEvent(record, dossier.agencyCode);
  });
}

@Resolver(() => PaymentEvent)
export class PaymentEventsResolver {
  @Subscription(() => PaymentEvent, {
    subscribe: subscribeToPaymentEvents as never,
    description: 'Theo dõi trực tiếp các khoản thanh toán; `after`: resume after this cursor (replayed from the outbox)',
  })
  paymentEvents(
    @Root() event: PaymentEvent,
    @Arg('dossierCode', () => String, { nullable: true }) _dossierCode?: string | null,
    @Arg('agencyCode', () => String, { nullable: true }) _agencyCode?: string | null,
    @Arg('after', () => ID, { nullable: true, description: 'Cursor of the last event received' }) _after?: string | null,
  ): PaymentEvent {
    return event;
  }

  @FieldResolver(() => Payment, { nullable: true, description: 'Khoản thanh toán, như lúc đọc (not as at the event)' })
  async payment(@Root() event: PaymentEvent, @Ctx() ctx: PaymentsContext): Promise<Payment | null> {
    return visiblePayment(ctx, await ctx.loaders.paymentById.clear(event.paymentId).load(event.paymentId));
  }
}
