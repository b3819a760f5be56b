/**
 * An amount of VND in Vietnamese words, as receipts write it ("Số tiền bằng chữ"), e.g. 1 250 000 →
 * "Một triệu hai trăm năm mươi nghìn đồng". Conventions: "linh" for a zero tens digit, "mốt" for a
 * one after twenty, "lăm" for a five after ten, "không trăm" for an inner group under one hundred.
 */
const DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'];
const GROUPS = ['', 'nghìn', 'triệu', 'tỷ'];

function threeDigits(n: number, full: boolean): string[] {
  const hundreds = Math.floor(n / 100);
  const tens = Math.floor((n % 100) / 10);
  const units = n % 10;
  const words: string[] = [];
  if (full || hundreds > 0) words.push(DIGITS[hundreds], 'trăm');
  if (tens === 0) {
    if (units > 0 && words.length > 0) words.push('linh');
  } else if (tens === 1) {
    words.push('mười');
  } else {
    words.push(DIGITS[tens], 'mươi');
  }
  if (units === 0) return words;
  if (units === 1 && tens >= 2) words.push('mốt');
  else if (units === 5 && tens >= 1) words.push('lăm');
  else words.push(DIGITS[units]);
  return words;
}

/** Whole, non-negative VND up to Number.MAX_SAFE_INTEGER. */
export function vndInWords(amount: number): string {
  if (!Number.isSafeInteger(amount) || amount < 0) throw new RangeError(`not a whole VND amount: ${amount}`);
  if (amount === 0) return 'Không đồng';
  // Split into groups of three digits, lowest first; above "tỷ" the scale repeats ("nghìn tỷ", "triệu tỷ").
  const groups: number[] = [];
  for (let rest = amount; rest > 0; rest = Math.floor(rest / 1000)) groups.push(rest % 1000);
  const words: string[] = [];
  for (let i = groups.length - 1; i >= 0; i--) {
    const value = groups[i];
    if (value === 0) {
      // A zero group still carries "tỷ" when lower groups follow and a higher one preceded.
      if (i % 3 === 0 && i > 0 && words.length > 0 && words[words.length - 1] !== 'tỷ') words.push('tỷ');
      continue;
    }
    words.push(...threeDigits(value, words.length > 0));
    const scale = i === 0 ? '' : i % 3 === 0 ? 'tỷ' : GROUPS[i % 3];
    if (scale) words.push(scale);
  }
  const text = `${words.join(' ')} đồng`;
  return text.charAt(0).toLocaleUpperCase('vi-VN') + text.slice(1);
}

/** "1.250.000" — digits grouped as Vietnamese documents write them. */
export function vndDigits(amount: number): string {
  return String(amount).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}
