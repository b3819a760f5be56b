/**
 * What an e-receipt (biên lai điện tử) states, drawn from stored facts only — the payment, its dossier,
 * the procedure version the dossier was filed under and the agency — so the same paid payment always
 * yields the same receipt and the same PDF bytes.
 */
import type { PrismaClient } from '../../shared/storage/database';
import type { PaymentRow } from '../payment/payment';
import { vndDigits, vndInWords } from './amount-in-words';

export interface ReceiptOptions {
  /** Mẫu số biên lai (template symbol). @default "01BLP0-001" */
  templateSymbol?: string;
  /** Letters that start the series (ký hiệu), followed by `-<yy>E` for the year and "electronic". @default "LT" */
  seriesPrefix?: string;
}

export interface ReceiptFacts {
  number: string;
  templateSymbol: string;
  series: string;
  issuedAt: Date;
  payerName: string;
  payerPersonalId: string;
  agencyCode: string;
  agencyName: string;
  dossierCode: string;
  feeName: string;
  amountVnd: number;
  amountDigits: string;
  amountInWords: string;
  currency: string;
  paymentMethod: string;
  providerRef: string;
  providerTxnId: string | null;
}

interface VersionRecord {
  name?: string;
  agencyName?: string;
  fees?: Array<{ caseCode: string; caseName: string; amountVnd: number }>;
}

/** The year in Vietnam (UTC+7) as two digits. */
const vietnamYear2 = (at: Date) => new Date(at.getTime() + 7 * 3_600_000).toISOString().slice(2, 4);

/** null unless the payment was paid (a refunded payment keeps the receipt it was issued). */
export async function receiptFactsOf(prisma: PrismaClient, payment: PaymentRow, options: ReceiptOptions = {}): Promise<ReceiptFacts | null> {
  if (!payment.receiptNumber || !payment.paidAt) return null;
  const dossier = await prisma.dossier.findUnique({
    where: { code: payment.dossierCode },
    select: { applicantPersonalId: true, formData: true, agencyCode: true, procedureCode: true, procedureVersion: true, caseCode: true },
  });
  const [version, procedure, agency] = await Promise.all([
    dossier
      ? prisma.procedureVersion.findUnique({
          where: { procedureCode_version: { procedureCode: dossier.procedureCode, version: dossier.procedureVersion } },
          select: { record: true },
        })
      : null,
    dossier ? prisma.procedure.findUnique({ where: { code: dossier.procedureCode }, select: { name: true, agencyName: true } }) : null,
    dossier ? prisma.agency.findUnique({ where: { code: dossier.agencyCode }, select: { name: true } }) : null,
  ]);
  const record = (version?.record ?? {}) as VersionRecord;
  const fee = record.fees?.find((f) => f.caseCode === dossier?.caseCode) ?? record.fees?.find((f) => f.amountVnd === payment.amountVnd);
  const procedureName = record.name ?? procedure?.name ?? dossier?.procedureCode ?? '';
  const hoTen = (dossier?.formData as Record<string, unknown> | null)?.hoTen;
  return {
    number: payment.receiptNumber,
    templateSymbol: options.templateSymbol ?? '01BLP0-001',
    series: `${options.seriesPrefix ?? 'LT'}-${vietnamYear2(payment.paidAt)}E`,
    issuedAt: payment.paidAt,
    payerName: typeof hoTen === 'string' && hoTen.trim() !== '' ? hoTen.trim() : (dossier?.applicantPersonalId ?? ''),
    payerPersonalId: dossier?.applicantPersonalId ?? '',
    agencyCode: dossier?.agencyCode ?? '',
    agencyName: agency?.name ?? record.agencyName ?? procedure?.agencyName ?? dossier?.agencyCode ?? '',
    dossierCode: payment.dossierCode,
    feeName: fee ? `Phí, lệ phí ${procedureName} (${fee.caseName})` : `Phí, lệ phí ${procedureName}`,
    amountVnd: payment.amountVnd,
    amountDigits: vndDigits(payment.amountVnd),
    amountInWords: vndInWords(payment.amountVnd),
    currency: payment.currency,
    paymentMethod: 'Thanh toán trực tuyến qua cổng thanh toán',
    providerRef: payment.providerRef,
    providerTxnId: payment.providerTxnId,
  };
}
