/** The simulator's pages for the payer's browser, in Vietnamese. */
import type { SimulatedTransaction } from './simulator-ledger';

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Vietnam time (UTC+7), as the payer reads it. */
const formatInstant = (at: Date) =>
  new Intl.DateTimeFormat('vi-VN', { dateStyle: 'short', timeStyle: 'medium', timeZone: 'Asia/Ho_Chi_Minh' }).format(at);

const formatVnd = (amount: number) => `${new Intl.NumberFormat('vi-VN').format(amount)} ₫`;

const layout = (title: string, body: string) => `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
  body { font-family: system-ui, sans-serif; max-width: 32rem; margin: 3rem auto; padding: 0 1rem; color: #1f2933; }
  h1 { font-size: 1.4rem; color: #b71c1c; }
  dl { display: grid; grid-template-columns: max-content 1fr; gap: .4rem 1rem; }
  dt { font-weight: 600; }
  form { display: inline-block; margin: 1.5rem .5rem 0 0; }
  button { font-size: 1rem; padding: .6rem 1.4rem; border-radius: .3rem; border: 1px solid #b71c1c; cursor: pointer; }
  .pay { background: #b71c1c; color: #fff; }
  .cancel { background: #fff; color: #b71c1c; }
  .note { margin-top: 2rem; font-size: .85rem; color: #6b7280; }
</style>
</head>
<body>
${body}
<p class="note">Cổng thanh toán mô phỏng dùng cho môi trường thử nghiệm Lienthong — không có giao dịch tiền thật.</p>
</body>
</html>`;

const STATUS_LABEL: Record<SimulatedTransaction['status'], string> = {
  PENDING: 'Chờ thanh toán',
  SUCCESS: 'Đã thanh toán',
  FAILED: 'Thanh toán không thành công',
  EXPIRED: 'Giao dịch đã hết hạn thanh toán',
  REFUNDED: 'Đã hoàn tiền',
};

/** The checkout page: the transaction, and the buttons "Thanh toán" and "Hủy giao dịch". */
export function renderCheckoutPage(txn: SimulatedTransaction): string {
  const ref = encodeURIComponent(txn.txnRef);
  const actions =
    txn.status === 'PENDING'
      ? `<form method="post" action="/pay/${ref}/confirm"><button class="pay" type="submit">Thanh toán</button></form>
<form method="post" action="/pay/${ref}/cancel"><button class="cancel" type="submit">Hủy giao dịch</button></form>`
      : '';
  return layout(
    'Thanh toán phí, lệ phí',
    `<h1>Thanh toán phí, lệ phí dịch vụ công</h1>
<dl>
  <dt>Mã giao dịch</dt><dd>${escapeHtml(txn.txnRef)}</dd>
  <dt>Đơn vị thụ hưởng</dt><dd>${escapeHtml(txn.merchantCode)}</dd>
  <dt>Nội dung</dt><dd>${escapeHtml(txn.orderInfo)}</dd>
  <dt>Số tiền</dt><dd><strong>${formatVnd(txn.amountVnd)}</strong></dd>
  <dt>Trạng thái</dt><dd>${STATUS_LABEL[txn.status]}</dd>
  <dt>Hạn thanh toán</dt><dd>${escapeHtml(formatInstant(txn.expiresAt))}</dd>
</dl>
${actions}`,
  );
}

/** Shown after "Thanh toán" / "Hủy giao dịch" when the merchant gave no return URL. */
export function renderResultPage(txn: SimulatedTransaction): string {
  const title = txn.status === 'SUCCESS' ? 'Thanh toán thành công' : STATUS_LABEL[txn.status];
  return layout(
    title,
    `<h1>${escapeHtml(title)}</h1>
<dl>
  <dt>Mã giao dịch</dt><dd>${escapeHtml(txn.txnRef)}</dd>
  <dt>Mã giao dịch tại cổng</dt><dd>${escapeHtml(txn.providerTxnId)}</dd>
  <dt>Số tiền</dt><dd>${formatVnd(txn.amountVnd)}</dd>
</dl>`,
  );
}

export function renderNotFoundPage(): string {
  return layout('Không tìm thấy giao dịch', '<h1>Không tìm thấy giao dịch</h1>');
}
