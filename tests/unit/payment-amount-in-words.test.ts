/** Amounts in words on e-receipts ("Số tiền bằng chữ"), by the conventions receipts use. */
import { vndDigits, vndInWords } from '../../subgraphs/payments/receipt/amount-in-words';

describe('vndInWords', () => {
  it.each([
    [0, 'Không đồng'],
    [5, 'Năm đồng'],
    [15, 'Mười lăm đồng'],
    [21, 'Hai mươi mốt đồng'],
    [105, 'Một trăm linh năm đồng'],
    [25_000, 'Hai mươi lăm nghìn đồng'],
    [200_000, 'Hai trăm nghìn đồng'],
    [1_250_000, 'Một triệu hai trăm năm mươi nghìn đồng'],
    [1_005_000, 'Một triệu không trăm linh năm nghìn đồng'],
    [2_000_000_005, 'Hai tỷ không trăm linh năm đồng'],
    [3_000_015_000, 'Ba tỷ không trăm mười lăm nghìn đồng'],
    [1_000_000_000_000, 'Một nghìn tỷ đồng'],
  ])('%d → %s', (amount, words) => {
    expect(vndInWords(amount)).toBe(words);
  });

  it('refuses amounts that are not whole, non-negative VND', () => {
    for (const bad of [-1, 1.5, Number.NaN, 2 ** 53]) expect(() => vndInWords(bad)).toThrow(RangeError);
  });

  it('groups digits with dots', () => {
    expect([vndDigits(0), vndDigits(999), vndDigits(200000), vndDigits(1250000)]).toEqual(['0', '999', '200.000', '1.250.000']);
  });
});
