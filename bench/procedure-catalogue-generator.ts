/**
 * A realistic synthetic catalogue for the search benchmark: names built from the parts real
 * procedure names are made of (action + object + case, e.g. "Cấp lại giấy phép xây dựng đối với
 * nhà ở riêng lẻ trong trường hợp bị mất"), spread over the seed agencies, fields and levels.
 * Deterministic (seeded PRNG) so that two runs measure the same catalogue.
 */
import { SEED_AGENCIES, SEED_FIELDS, type SeedAgency } from '../subgraphs/procedures/seed/agencies-and-fields';
import { derivedTotals, type ProcedureDraft } from '../subgraphs/procedures/catalogue/procedure-record';
import { generalApplicationForm } from '../subgraphs/procedures/catalogue-import/catalogue-row-mapper';

const ACTIONS = ['Cấp', 'Cấp lại', 'Cấp đổi', 'Điều chỉnh', 'Gia hạn', 'Thu hồi', 'Đăng ký', 'Đăng ký thay đổi', 'Xác nhận', 'Công nhận', 'Thẩm định', 'Phê duyệt', 'Chấm dứt', 'Tạm ngừng', 'Bổ sung'];

/** Objects by field code of SEED_FIELDS; fields without an entry use the generic list. */
const OBJECTS: Record<string, string[]> = {
  HOTICH: ['khai sinh', 'kết hôn', 'khai tử', 'nhận cha, mẹ, con', 'giám hộ', 'thay đổi, cải chính hộ tịch', 'trích lục hộ tịch'],
  CHUNGTHUC: ['bản sao từ bản chính', 'chữ ký trong giấy tờ, văn bản', 'hợp đồng, giao dịch', 'văn bản thỏa thuận phân chia di sản'],
  LLTP: ['Phiếu lý lịch tư pháp số 1', 'Phiếu lý lịch tư pháp số 2'],
  CUTRU: ['thường trú', 'tạm trú', 'lưu trú', 'tách hộ', 'xóa đăng ký thường trú'],
  HDXD: ['giấy phép xây dựng', 'giấy phép di dời công trình', 'chứng chỉ hành nghề hoạt động xây dựng', 'giấy phép sửa chữa, cải tạo công trình'],
  HKD: ['hộ kinh doanh', 'giấy chứng nhận đăng ký hộ kinh doanh', 'địa điểm kinh doanh của hộ kinh doanh'],
  DKDN: ['doanh nghiệp tư nhân', 'công ty trách nhiệm hữu hạn một thành viên', 'chi nhánh, văn phòng đại diện', 'người đại diện theo pháp luật'],
  DATDAI: ['giấy chứng nhận quyền sử dụng đất', 'biến động đất đai', 'chuyển mục đích sử dụng đất', 'thế chấp quyền sử dụng đất'],
  BTXH: ['trợ cấp xã hội hằng tháng', 'hỗ trợ chi phí mai táng', 'cơ sở trợ giúp xã hội'],
  NCC: ['trợ cấp ưu đãi người có công', 'giấy chứng nhận thương binh', 'mộ liệt sĩ'],
  LAODONG: ['giấy phép lao động cho người nước ngoài', 'trợ cấp thất nghiệp', 'nội quy lao động'],
  GDDT: ['cơ sở giáo dục mầm non', 'trường trung học cơ sở', 'văn bằng, chứng chỉ'],
  KCB: ['giấy phép hoạt động khám bệnh, chữa bệnh', 'chứng chỉ hành nghề khám bệnh, chữa bệnh'],
  DUONGBO: ['giấy phép lái xe', 'đăng ký xe', 'giấy phép kinh doanh vận tải bằng xe ô tô'],
  XNC: ['hộ chiếu phổ thông', 'thị thực cho người nước ngoài', 'thẻ tạm trú'],
  LUUTHONG: ['giấy phép bán lẻ rượu', 'giấy phép kinh doanh karaoke', 'giấy chứng nhận đủ điều kiện kinh doanh xăng dầu'],
  VANHOA: ['lễ hội truyền thống', 'câu lạc bộ văn hóa cơ sở', 'gia đình văn hóa'],
};
const GENERIC = ['giấy phép hoạt động', 'giấy chứng nhận đủ điều kiện', 'hồ sơ đề nghị'];

const CASES = ['', '', '', 'trong trường hợp bị mất, hỏng', 'có yếu tố nước ngoài', 'đối với nhà ở riêng lẻ', 'cho người nước ngoài', 'do thay đổi thông tin', 'đối với tổ chức', 'tại địa bàn cấp xã'];

/** Mulberry32: small, fast, deterministic. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(next: () => number, items: readonly T[]): T => items[Math.floor(next() * items.length)];

/** `count` distinct procedures, codes 1.2xxxxx (outside the seed's), agencies and fields of the seed. */
export function generateProcedures(count: number, seed = 20251107): ProcedureDraft[] {
  const next = random(seed);
  const local = SEED_AGENCIES.filter((a): a is SeedAgency & { level: 'PROVINCE' | 'COMMUNE' } => a.level !== 'CENTRAL');
  const drafts: ProcedureDraft[] = [];
  for (let i = 0; i < count; i++) {
    const field = pick(next, SEED_FIELDS);
    const agency = pick(next, local);
    const onlineLevel = 2 + Math.floor(next() * 3);
    const name = [pick(next, ACTIONS), pick(next, OBJECTS[field.code] ?? GENERIC), pick(next, CASES)].filter(Boolean).join(' ');
    const fee = pick(next, [0, 0, 10_000, 50_000, 100_000, 200_000, 500_000]);
    const days = pick(next, [1, 3, 5, 7, 10, 15, 20, 30]);
    const processingTimes = [{ caseCode: 'MAC_DINH', caseName: 'Thời hạn giải quyết', workingDays: days }];
    const fees = [{ caseCode: 'MAC_DINH', caseName: fee === 0 ? 'Không thu phí, lệ phí' : 'Lệ phí', amountVnd: fee }];
    const details: ProcedureDraft['details'] = {
      receptionPlaces: [{ place: `Bộ phận Một cửa – ${agency.name}`, hours: agency.receptionHours ?? 'Giờ hành chính các ngày làm việc' }],
      steps: [
        { order: 1, description: 'Nộp hồ sơ trực tiếp, qua bưu chính hoặc trực tuyến' },
        { order: 2, description: 'Tiếp nhận, kiểm tra và giải quyết hồ sơ', durationWorkingDays: days },
        { order: 3, description: 'Trả kết quả' },
      ],
      methods: onlineLevel >= 3 ? ['IN_PERSON', 'ONLINE', 'POSTAL'] : ['IN_PERSON', 'POSTAL'],
      components: [{ name: 'Đơn đề nghị theo mẫu', kind: 'ORIGINAL', count: 1 }],
      agencies: { deciding: agency.code, coordinating: [] },
      forms: [],
      requirements: [],
      legalBases: [{ title: 'Nghị định số 61/2018/NĐ-CP về thực hiện cơ chế một cửa, một cửa liên thông', number: '61/2018/NĐ-CP' }],
      handlingLevels: [agency.level],
    };
    drafts.push({
      code: `1.${String(200_000 + i).padStart(6, '0')}`,
      name: `Thủ tục ${name.charAt(0).toLowerCase()}${name.slice(1)}`,
      description: `${name} (${field.name}), thực hiện tại ${agency.name}.`,
      onlineLevel,
      fullOnline: onlineLevel === 4,
      fieldCode: field.code,
      fieldName: field.name,
      agencyCode: agency.code,
      agencyName: agency.name,
      implementationLevel: agency.level,
      subjects: next() < 0.3 ? ['INDIVIDUAL', 'ORGANIZATION'] : [next() < 0.8 ? 'INDIVIDUAL' : 'ORGANIZATION'],
      processingTimes,
      fees,
      cutoffHour: null,
      resultDocument: 'Văn bản giải quyết của cơ quan có thẩm quyền',
      details,
      eForm: generalApplicationForm(name),
      ...derivedTotals({ processingTimes, fees, details }),
    });
  }
  return drafts;
}
