/** Helpers for driving the portal journey: a fee-charging procedure and a filled-in form. */
import { DEMO_CITIZEN_ID } from '../../adapters/population-db';
import type { Database } from '../../subgraphs/shared/storage/database';
import { gql } from './gateway-client';

/** Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam: a level-4 procedure with a fee. */
export const FEE_PROCEDURE = '2.001417';

/** Its e-form as the demo citizen fills it in, for tests that submit without the prefill. */
export const FEE_PROCEDURE_FORM = {
  hoTen: 'Nguyễn Văn An',
  gioiTinh: 'Nam',
  ngaySinh: '1990-03-15',
  queQuan: 'Xã Sóc Sơn, Thành phố Hà Nội',
  danToc: 'Kinh',
  quocTich: 'Việt Nam',
  soDinhDanh: DEMO_CITIZEN_ID,
  noiThuongTru: 'Số 12 phố Điện Biên Phủ, Phường Ba Đình, Thành phố Hà Nội',
  noiOHienTai: 'Số 12 phố Điện Biên Phủ, Phường Ba Đình, Thành phố Hà Nội',
  loaiPhieu: 'Phiếu số 1',
  mucDichSuDung: 'Bổ sung hồ sơ xin việc',
  soLuongPhieu: 1,
  soDienThoai: '0912345678',
};

/** Đăng ký khai tử: online, with the death notice required as a file. */
export const DEATH_REGISTRATION = '1.000656';
export const DEATH_NOTICE = 'Giấy báo tử hoặc giấy tờ thay thế Giấy báo tử';

/** The death registration's e-form as the demo citizen fills it in. */
export const DEATH_REGISTRATION_FORM = {
  hoTen: 'Nguyễn Văn An',
  soDinhDanh: DEMO_CITIZEN_ID,
  noiThuongTru: 'Số 12 phố Điện Biên Phủ, Phường Ba Đình, Thành phố Hà Nội',
  hoTenNguoiChet: 'Nguyễn Văn Bảo',
  ngayChet: '2026-11-02',
  noiChet: 'Bệnh viện Bạch Mai, Thành phố Hà Nội',
  nguyenNhanChet: 'Bệnh già',
  soDienThoai: '0912345678',
};

export interface FormField {
  key: string;
  type: string;
  required: boolean;
  binding: string | null;
  options: string[] | null;
}

/** What a citizen would type into the fields the prefill left empty. */
function typedAnswer(field: FormField): unknown {
  switch (field.type) {
    case 'SELECT':
      return field.options?.[0];
    case 'DATE':
      return '2026-01-05';
    case 'NUMBER':
      return 1;
    case 'PHONE':
      return '0912345678';
    case 'EMAIL':
      return 'nguyenvanan@example.vn';
    case 'PERSONAL_ID':
      return '001090012345';
    default:
      return 'Bổ sung hồ sơ xin việc';
  }
}

export function buildFormData(form: FormField[], prefilled: Array<{ fieldKey: string; value: string | null }>): Record<string, unknown> {
  const values = new Map(prefilled.filter((p) => p.value !== null).map((p) => [p.fieldKey, p.value]));
  const data: Record<string, unknown> = {};
  for (const field of form) {
    if (values.has(field.key)) data[field.key] = values.get(field.key);
    else if (field.required) data[field.key] = typedAnswer(field);
  }
  return data;
}

/** Row counts of every table a journey step may write, to prove a refused step wrote nothing. */
export async function tableCounts(db: Database): Promise<Record<string, number>> {
  const p = db.prisma;
  const [dossiers, history, payments, accessLog, sequences] = await Promise.all([
    p.dossier.count(),
    p.dossierStatusChange.count(),
    p.payment.count(),
    p.citizenAccessLog.count(),
    p.receiptSequence.count(),
  ]);
  return { dossiers, history, payments, accessLog, sequences };
}

/**
 * A procedure's e-form filled in through the gateway as a portal would: prefilled from the national
 * databases for the demo citizen, the rest typed in. Also gives the procedure's agency.
 */
export async function prefilledForm(
  url: string,
  procedureCode: string,
  citizenToken: string,
  personalId: string,
): Promise<{ formData: Record<string, unknown>; agencyCode: string }> {
  const one = await gql(url, `{ procedure(code: "${procedureCode}") { agency { code } eForm { fields { key type required binding options } } } }`);
  const prefill = await gql(url, `{ prefillForm(procedureCode: "${procedureCode}", personalId: "${personalId}") { fields { fieldKey value } } }`, {}, citizenToken);
  if (one.errors || prefill.errors) throw new Error(`could not fill the form: ${JSON.stringify(one.errors ?? prefill.errors)}`);
  return {
    formData: buildFormData(one.data.procedure.eForm.fields as FormField[], prefill.data.prefillForm.fields),
    agencyCode: one.data.procedure.agency.code,
  };
}
