/**
 * Which components an online submission must attach, decided from the catalogue's data (kind and
 * name) for the real seed procedures: the e-form replaces the application form, conditional and
 * in-person papers and certified copies are not demanded.
 */
import { missingComponents, notRequiredOnlineBecause, requiredOnlineComponents } from '../../subgraphs/dossiers/files/required-components';
import { SEED_PROCEDURES } from '../../subgraphs/procedures';

const procedure = (code: string) => {
  const found = SEED_PROCEDURES.find((p) => p.code === code);
  if (!found) throw new Error(`no seed procedure ${code}`);
  return found;
};

describe('required online components', () => {
  it.each([
    ['2.001417', []], // tờ khai = the e-form; "Văn bản ủy quyền (trường hợp ủy quyền …)" is conditional
    ['1.000656', ['Giấy báo tử hoặc giấy tờ thay thế Giấy báo tử']],
    ['1.009994', ['Bản vẽ thiết kế xây dựng (mặt bằng, mặt cắt, mặt đứng, móng)']], // land papers are a certified copy
    ['1.009982', ['Chứng chỉ hành nghề của các chức danh chủ chốt']], // "(đối với khảo sát xây dựng, nếu có)"
    ['2.001711', []], // "Ảnh chân dung 4x6 cm (nộp trực tiếp)"
    ['1.002809', ['Giấy phép lái xe đang sử dụng']], // "(đối với hạng phải khám)"
    ['1.004194', ['Giấy tờ, tài liệu chứng minh chỗ ở hợp pháp']],
    ['2.000815', ['Bản chính giấy tờ, văn bản làm cơ sở để chứng thực bản sao', 'Bản sao cần chứng thực']], // no form component
  ])('%s requires %j', (code, expected) => {
    expect(requiredOnlineComponents(procedure(code))).toEqual(expected);
  });

  it('never demands a conditional paper, a certified copy or the application form in any seed procedure', () => {
    for (const p of SEED_PROCEDURES) {
      const required = new Set(requiredOnlineComponents(p));
      for (const c of p.details.components) {
        if (c.kind === 'CERTIFIED_COPY' || /nếu có|\(trường hợp|\(đối với|\(nếu/u.test(c.name)) expect(required.has(c.name)).toBe(false);
      }
      expect(required.has(p.details.components[0].name) && /^(Tờ khai|Đơn|Giấy đề nghị)/u.test(p.details.components[0].name)).toBe(false);
    }
  });

  it('says why a component is not required', () => {
    expect(notRequiredOnlineBecause({ name: 'Tờ khai đăng ký khai tử theo mẫu', kind: 'ORIGINAL', count: 1 })).toBe('E_FORM');
    expect(notRequiredOnlineBecause({ name: 'Hộ chiếu', kind: 'CERTIFIED_COPY', count: 1 })).toBe('CERTIFIED_COPY');
    expect(notRequiredOnlineBecause({ name: 'Bản án (nếu có)', kind: 'COPY', count: 1 })).toBe('CONDITIONAL');
    expect(notRequiredOnlineBecause({ name: 'Ảnh 4x6 (nộp trực tiếp)', kind: 'ORIGINAL', count: 2 })).toBe('IN_PERSON');
    expect(notRequiredOnlineBecause({ name: 'Học bạ', kind: 'ORIGINAL', count: 1 })).toBeNull();
    // "Đơn" only as the first word: a paper whose name merely contains it is still required.
    expect(notRequiredOnlineBecause({ name: 'Hóa đơn mua bán', kind: 'COPY', count: 1 })).toBeNull();
  });

  it('matches attached files by component name whatever the Unicode form, and lists every missing one', () => {
    const p = procedure('1.004546'); // Đơn, certified diploma, two required originals
    expect(missingComponents(p, [])).toEqual(['Giấy xác nhận hoàn thành thực hành', 'Giấy chứng nhận đủ sức khỏe hành nghề']);
    const decomposed = 'Giấy xác nhận hoàn thành thực hành'.normalize('NFD');
    expect(missingComponents(p, [{ componentName: decomposed }, { componentName: null }])).toEqual(['Giấy chứng nhận đủ sức khỏe hành nghề']);
  });
});
