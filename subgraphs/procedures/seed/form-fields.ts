/**
 * Building blocks of the seed e-forms. Identity fields of the person filing are bound to `citizen.*`
 * source paths so that the portal prefills them from the population database (seed 003); the rest
 * are typed and validated but typed in by the citizen.
 */
import type { SourcePath } from '../../shared/source-paths';
import type { EFormFieldDefinition } from '../e-form/e-form-definition';

type Field = EFormFieldDefinition;

const bound = (key: string, label: string, type: Field['type'], binding: SourcePath, extra: Partial<Field> = {}): Field => ({
  key,
  label,
  type,
  required: true,
  binding,
  ...extra,
});

/** Identity of the person filing (người yêu cầu / người nộp hồ sơ), prefilled. */
export const IDENTITY = {
  hoTen: bound('hoTen', 'Họ, chữ đệm và tên', 'TEXT', 'citizen.fullName', { maxLength: 100 }),
  ngaySinh: bound('ngaySinh', 'Ngày, tháng, năm sinh', 'DATE', 'citizen.dateOfBirth'),
  gioiTinh: bound('gioiTinh', 'Giới tính', 'SELECT', 'citizen.sex', { options: ['Nam', 'Nữ'] }),
  soDinhDanh: bound('soDinhDanh', 'Số định danh cá nhân', 'PERSONAL_ID', 'citizen.personalId'),
  danToc: bound('danToc', 'Dân tộc', 'TEXT', 'citizen.ethnicity', { maxLength: 50 }),
  quocTich: bound('quocTich', 'Quốc tịch', 'TEXT', 'citizen.nationality', { maxLength: 50 }),
  queQuan: bound('queQuan', 'Quê quán', 'TEXT', 'citizen.hometown', { maxLength: 250 }),
  noiThuongTru: bound('noiThuongTru', 'Nơi thường trú', 'TEXT', 'citizen.permanentAddress', { maxLength: 250 }),
  noiOHienTai: bound('noiOHienTai', 'Nơi ở hiện tại', 'TEXT', 'citizen.currentAddress', { maxLength: 250 }),
} satisfies Record<string, Field>;

/** The organisation a representative files for (tổ chức đề nghị), prefilled from the business registry by tax code. */
export const ORGANIZATION = {
  tenToChuc: bound('tenToChuc', 'Tên tổ chức', 'TEXT', 'organization.name', { maxLength: 200 }),
  maSoDoanhNghiep: bound('maSoDoanhNghiep', 'Mã số doanh nghiệp', 'TEXT', 'organization.taxCode', {
    maxLength: 14,
    pattern: '[0-9]{10}(-[0-9]{3})?',
  }),
  diaChiTruSo: bound('diaChiTruSo', 'Địa chỉ trụ sở chính', 'TEXT', 'organization.headOfficeAddress', { maxLength: 250 }),
} satisfies Record<string, Field>;

/** Contact details for notifications about the dossier; not held by the population database. */
export const CONTACT = {
  soDienThoai: { key: 'soDienThoai', label: 'Số điện thoại di động', type: 'PHONE', required: true },
  email: { key: 'email', label: 'Thư điện tử', type: 'EMAIL', required: false, maxLength: 254 },
} satisfies Record<string, Field>;

export const text = (key: string, label: string, required: boolean, maxLength = 250, extra: Partial<Field> = {}): Field => ({
  key,
  label,
  type: 'TEXT',
  required,
  maxLength,
  ...extra,
});

export const select = (key: string, label: string, options: string[], required = true): Field => ({
  key,
  label,
  type: 'SELECT',
  required,
  options,
});

export const date = (key: string, label: string, required = true): Field => ({ key, label, type: 'DATE', required });

/** A count (số bản, số trang...): a whole number from 1, at most `maxDigits` digits. */
export const count = (key: string, label: string, maxDigits = 2): Field => ({
  key,
  label,
  type: 'NUMBER',
  required: true,
  pattern: `[1-9][0-9]{0,${maxDigits - 1}}`,
});

export const number = (key: string, label: string, required = true): Field => ({ key, label, type: 'NUMBER', required });

/**
 * A short e-form: the filer's prefilled identity and residence, the procedure's own fields, contact.
 * Every seed form thus binds identity to `citizen.*` and keeps required fields the citizen types.
 */
export const basicForm = (code: string, title: string, ...own: Field[]) => ({
  code,
  title,
  fields: [IDENTITY.hoTen, IDENTITY.soDinhDanh, IDENTITY.noiThuongTru, ...own, CONTACT.soDienThoai, CONTACT.email],
});
