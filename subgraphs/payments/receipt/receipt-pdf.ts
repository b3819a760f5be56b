/**
 * The e-receipt as a PDF, laid out like the one-stop desk's slips: the page code is shared with the
 * dossiers subgraph (slip-layout.ts: DejaVu Sans embedded, creation date fixed), and the creation
 * date is the payment time, so the same receipt always renders to the same bytes.
 */
import { renderSlip, type SlipContent } from '../../shared/documents/pdf-layout';
import { localDay } from '../../shared/calendar/local-time';
import type { ReceiptFacts } from './receipt-facts';

const two = (n: number) => String(n).padStart(2, '0');

/** "14 giờ 05 phút, ngày 30/11/2026" in Vietnam time. */
export function receiptDateTime(instant: Date): string {
  const { day, hour, minute } = localDay(instant);
  const [y, m, d] = day.split('-');
  return `${two(hour)} giờ ${two(minute)} phút, ngày ${d}/${m}/${y}`;
}

export function receiptContent(r: ReceiptFacts): SlipContent {
  return {
    agencyName: r.agencyName,
    title: 'BIÊN LAI THU PHÍ, LỆ PHÍ',
    subtitle: `Mẫu số: ${r.templateSymbol} — Ký hiệu: ${r.series} — Số: ${r.number}`,
    lines: [
      { label: 'Tên đơn vị thu', value: `${r.agencyName} (mã ${r.agencyCode})` },
      { label: 'Người nộp', value: r.payerName },
      { label: 'Số định danh cá nhân', value: r.payerPersonalId },
      { label: 'Mã hồ sơ', value: r.dossierCode },
      { label: 'Tên loại phí, lệ phí', value: r.feeName },
      { label: 'Số tiền', value: `${r.amountDigits} đồng` },
      { label: 'Số tiền bằng chữ', value: r.amountInWords },
      { label: 'Hình thức thanh toán', value: r.paymentMethod },
      { label: 'Mã giao dịch', value: r.providerTxnId ? `${r.providerRef} / ${r.providerTxnId}` : r.providerRef },
      { label: 'Thời điểm thu', value: receiptDateTime(r.issuedAt) },
    ],
    notes: ['Biên lai điện tử được lập tự động khi cổng thanh toán xác nhận giao dịch thành công.'],
    meta: { title: `Biên lai ${r.series} số ${r.number}`, subject: r.feeName, createdAt: r.issuedAt },
  };
}

export const renderReceiptPdf = (facts: ReceiptFacts): Promise<Buffer> => renderSlip(receiptContent(facts));

/** A file name safe everywhere. */
export const receiptFileName = (facts: ReceiptFacts) => `bien-lai-${facts.number.replace(/[^A-Za-z0-9.-]/g, '_')}.pdf`;
