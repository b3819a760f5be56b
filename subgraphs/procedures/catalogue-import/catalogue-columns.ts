/**
 * The columns of a procedure catalogue file as agencies export it from the national database of
 * administrative procedures (one procedure per row, headers in Vietnamese). Headers are matched
 * without diacritics, case or punctuation, so "Mã thủ tục", "MA THU TUC" and "Ma thu tuc" are the
 * same column; the aliases cover the usual variants of the exports.
 *
 * Required columns (a missing or empty one is a problem of that row, naming the column):
 * - `Mã thủ tục` — national code, e.g. 1.001193 (or its localised form 1.001193.000.00.00.H26)
 * - `Tên thủ tục`
 * - `Lĩnh vực` — a field code (HOTICH) or a field name (Hộ tịch) of the `procedure_field` table
 * - `Cơ quan thực hiện` — an agency code (000.00.12.H26) or the exact name of an agency of the `agency` table
 * - `Cấp thực hiện` — Cấp tỉnh / Cấp xã (several, separated by `;` or `,`: the first is the implementation level)
 * - `Mức độ DVC` — 1–4, "Mức độ 4", "Toàn trình" (= 4) or "Một phần" (= 3)
 * - `Thời hạn giải quyết (ngày làm việc)` — whole working days ("15", "15 ngày") or hours ("4 giờ")
 * - `Phí, lệ phí (đồng)` — whole VND: "0", "Không", "Miễn phí", "50000", "50.000", "50,000 đồng"
 * - `Đối tượng` — Công dân / Cá nhân and/or Tổ chức / Doanh nghiệp
 * - `Căn cứ pháp lý` — one document per line (or separated by `;`)
 * - `Kết quả` — the result document
 * - `Thành phần hồ sơ` — one paper per line (or `;`); "bản sao có chứng thực" / "bản sao" set the kind
 *
 * Optional columns and what an absent or empty one means:
 * - `Mô tả` — @default the name
 * - `Trình tự thực hiện` — one step per line (or `;`), leading "Bước 1:" removed; @default the three
 *   one-stop steps (nộp hồ sơ; tiếp nhận và giải quyết; trả kết quả)
 * - `Cách thức thực hiện` — Trực tiếp / Trực tuyến / Bưu chính; @default Trực tiếp, Bưu chính, plus Trực tuyến from level 3
 * - `Địa điểm tiếp nhận` — @default the one-stop desk of the agency, with its address and hours from the `agency` table
 * - `Yêu cầu, điều kiện` — one per line; @default none
 * - `Cơ quan phối hợp` — agency codes separated by `;` or `,`; @default none
 * Unknown columns are ignored (exports carry STT, notes and the like).
 */
import { normaliseSearchText } from '../catalogue/search-text';

export const CatalogueColumn = {
  code: 'Mã thủ tục',
  name: 'Tên thủ tục',
  field: 'Lĩnh vực',
  agency: 'Cơ quan thực hiện',
  level: 'Cấp thực hiện',
  onlineLevel: 'Mức độ DVC',
  processingTime: 'Thời hạn giải quyết (ngày làm việc)',
  fee: 'Phí, lệ phí (đồng)',
  subjects: 'Đối tượng',
  legalBases: 'Căn cứ pháp lý',
  result: 'Kết quả',
  components: 'Thành phần hồ sơ',
  description: 'Mô tả',
  steps: 'Trình tự thực hiện',
  methods: 'Cách thức thực hiện',
  receptionPlace: 'Địa điểm tiếp nhận',
  requirements: 'Yêu cầu, điều kiện',
  coordinating: 'Cơ quan phối hợp',
} as const;
export type CatalogueColumn = (typeof CatalogueColumn)[keyof typeof CatalogueColumn];

export const REQUIRED_COLUMNS: readonly CatalogueColumn[] = [
  CatalogueColumn.code,
  CatalogueColumn.name,
  CatalogueColumn.field,
  CatalogueColumn.agency,
  CatalogueColumn.level,
  CatalogueColumn.onlineLevel,
  CatalogueColumn.processingTime,
  CatalogueColumn.fee,
  CatalogueColumn.subjects,
  CatalogueColumn.legalBases,
  CatalogueColumn.result,
  CatalogueColumn.components,
];

/** Header variants seen in exports, besides the canonical header itself. */
const ALIASES: Record<CatalogueColumn, string[]> = {
  'Mã thủ tục': ['Mã TTHC', 'Mã số thủ tục', 'Mã thủ tục hành chính'],
  'Tên thủ tục': ['Tên TTHC', 'Tên thủ tục hành chính'],
  'Lĩnh vực': ['Mã lĩnh vực', 'Tên lĩnh vực'],
  'Cơ quan thực hiện': ['Mã cơ quan', 'Mã cơ quan thực hiện', 'Cơ quan giải quyết', 'Cơ quan tiếp nhận'],
  'Cấp thực hiện': ['Cấp giải quyết', 'Cấp'],
  'Mức độ DVC': ['Mức độ', 'Mức độ dịch vụ công', 'Mức độ DVCTT', 'Mức độ dịch vụ công trực tuyến'],
  'Thời hạn giải quyết (ngày làm việc)': ['Thời hạn giải quyết', 'Thời gian giải quyết', 'Thời hạn giải quyết (ngày)'],
  'Phí, lệ phí (đồng)': ['Phí, lệ phí', 'Phí lệ phí (VNĐ)', 'Lệ phí', 'Phí', 'Lệ phí (đồng)'],
  'Đối tượng': ['Đối tượng thực hiện'],
  'Căn cứ pháp lý': ['Căn cứ pháp lý của TTHC'],
  'Kết quả': ['Kết quả thực hiện', 'Kết quả giải quyết', 'Kết quả thực hiện TTHC'],
  'Thành phần hồ sơ': ['Hồ sơ', 'Thành phần, số lượng hồ sơ'],
  'Mô tả': ['Mô tả thủ tục'],
  'Trình tự thực hiện': ['Trình tự'],
  'Cách thức thực hiện': ['Cách thức'],
  'Địa điểm tiếp nhận': ['Địa điểm thực hiện', 'Nơi tiếp nhận'],
  'Yêu cầu, điều kiện': ['Yêu cầu điều kiện', 'Điều kiện'],
  'Cơ quan phối hợp': [],
};

const BY_KEY = new Map<string, CatalogueColumn>(
  (Object.entries(ALIASES) as Array<[CatalogueColumn, string[]]>).flatMap(([column, aliases]) =>
    [column, ...aliases].map((h) => [normaliseSearchText(h), column] as const),
  ),
);

/** The catalogue column a header names, or null for a column the import ignores. */
export function columnOfHeader(header: string): CatalogueColumn | null {
  return BY_KEY.get(normaliseSearchText(header)) ?? null;
}
