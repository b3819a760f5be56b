import {
  buildSearchText,
  matchesAllWords,
  normaliseSearchText,
  searchWords,
} from '../../subgraphs/procedures/catalogue/search-text';
import { compareSortKeys, decodeCursor, encodeCursor } from '../../subgraphs/procedures/catalogue/cursor';
import { ErrorCode } from '../../subgraphs/shared/errors';

describe('normaliseSearchText', () => {
  it('removes Vietnamese diacritics, maps đ to d and lower-cases', () => {
    expect(normaliseSearchText('Đăng ký khai sinh')).toBe('dang ky khai sinh');
    expect(normaliseSearchText('ĐỒNG HỒ ĐƯỜNG Ở ỦY BAN')).toBe('dong ho duong o uy ban');
    expect(normaliseSearchText('Cấp Phiếu lý lịch tư pháp')).toBe('cap phieu ly lich tu phap');
  });

  it('treats precomposed (NFC) and decomposed (NFD) input alike', () => {
    const nfc = 'Hộ tịch'.normalize('NFC');
    const nfd = 'Hộ tịch'.normalize('NFD');
    expect(nfc).not.toBe(nfd);
    expect(normaliseSearchText(nfc)).toBe('ho tich');
    expect(normaliseSearchText(nfd)).toBe('ho tich');
  });

  it('accepts ð typed for đ and turns punctuation into single spaces', () => {
    expect(normaliseSearchText('Ðăng ký')).toBe('dang ky');
    expect(normaliseSearchText('  Trích lục (hộ tịch), bản sao -- Giấy khai sinh. ')).toBe(
      'trich luc ho tich ban sao giay khai sinh',
    );
    expect(normaliseSearchText('1.001193')).toBe('1 001193');
  });
});

describe('searchWords and matchesAllWords', () => {
  it('splits a query into distinct normalised words; blank queries have none', () => {
    expect(searchWords('Đăng ký  đăng KÝ khai-sinh')).toEqual(['dang', 'ky', 'khai', 'sinh']);
    expect(searchWords('  ,.; ')).toEqual([]);
  });

  it('requires every word to begin some word of the text', () => {
    const text = normaliseSearchText('Đăng ký khai sinh');
    expect(matchesAllWords(text, searchWords('dang ky khai sinh'))).toBe(true);
    expect(matchesAllWords(text, searchWords('khai si'))).toBe(true); // typed halfway
    expect(matchesAllWords(text, searchWords('khai sinh ket hon'))).toBe(false); // every word must match
    expect(matchesAllWords(text, searchWords('ai'))).toBe(false); // not inside a word
    expect(matchesAllWords(text, [])).toBe(true);
  });

  it('builds the stored search text from code, name, description and field', () => {
    const text = buildSearchText({
      code: '1.001193',
      name: 'Đăng ký khai sinh',
      description: 'Cấp Giấy khai sinh',
      fieldName: 'Hộ tịch',
    });
    expect(text).toBe('1 001193 dang ky khai sinh cap giay khai sinh ho tich');
    expect(matchesAllWords(text, searchWords('ho tich 1.001193'))).toBe(true);
  });
});

describe('page cursors', () => {
  it('round-trip the sort key and order by rank, then code', () => {
    const key = { rank: 1, code: '2.000635' };
    expect(decodeCursor(encodeCursor(key))).toEqual(key);
    expect(encodeCursor(key)).not.toContain('2.000635'); // opaque
    expect(compareSortKeys({ rank: 0, code: '2.0' }, { rank: 1, code: '1.0' })).toBeLessThan(0);
    expect(compareSortKeys({ rank: 0, code: '1.0' }, { rank: 0, code: '2.0' })).toBeLessThan(0);
    expect(compareSortKeys(key, { ...key })).toBe(0);
  });

  it.each(['', 'not-a-cursor', Buffer.from('[1]').toString('base64url'), Buffer.from('[-1,"x"]').toString('base64url')])(
    'rejects %p with BAD_USER_INPUT',
    (cursor) => {
      expect(() => decodeCursor(cursor)).toThrow(expect.objectContaining({ code: ErrorCode.BAD_USER_INPUT }));
    },
  );
});
