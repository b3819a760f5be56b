/** `Payment.receipt`: the e-receipt of a paid payment, its PDF rendered only when asked for. */
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { PdfDocument, toPdfDocument } from '../../shared/documents/pdf-document';
import type { PaymentsContext } from '../context';
import { Payment } from '../payment/payment';
import { EReceipt } from './e-receipt';
import { receiptFactsOf, type ReceiptFacts } from './receipt-facts';
import { receiptFileName, renderReceiptPdf } from './receipt-pdf';

/** The facts travel with the object so the PDF resolver need not read them again. */
type EReceiptWithFacts = EReceipt & { facts: ReceiptFacts };

@Resolver(() => Payment)
export class PaymentReceiptResolver {
  @FieldResolver(() => EReceipt, { nullable: true, description: 'Biên lai điện tử, once PAID (kept after a refund)' })
  async receipt(@Root() payment: Payment, @Ctx() ctx: PaymentsContext): Promise<EReceipt | null> {
    // The Payment object was already checked visible; read the row for the columns it does not carry.
    const row = await ctx.loaders.paymentById.load(payment.id);
    const facts = row && (await receiptFactsOf(ctx.prisma, row, ctx.receipts));
    if (!facts) return null;
    const { providerRef: _r, providerTxnId: _t, currency: _c, paymentMethod: _m, ...fields } = facts;
    return Object.assign(new EReceipt(), fields, { facts });
  }
}

@Resolver(() => EReceipt)
export class EReceiptPdfResolver {
  @FieldResolver(() => PdfDocument)
  async pdf(@Root() receipt: EReceipt): Promise<PdfDocument> {
    const { facts } = receipt as EReceiptWithFacts;
    return toPdfDocument(receiptFileName(facts), await renderReceiptPdf(facts));
  }
}
