/**
 * Vietnamese wire names ↔ the hub's English record. Values are the exact text sent; anything the
 * contract requires but is missing or malformed is a BAD_RESPONSE, so a half-read organisation never
 * reaches a form.
 */
import { formatAddress, type Address } from '../population-db';
import { toDiaChi, type DiaChi } from '../population-db/wire-format';
import { AdapterError, asXmlObject, type XmlValue } from '../soap';
import type { LegalRepresentative, OrganizationRecord } from './organization-record';
import { checkTaxCode } from './tax-code';
import { BUSINESS_REGISTRY_SYSTEM } from './wsdl';

export type { DiaChi };

/** `NguoiDaiDienType` as sent. */
export interface NguoiDaiDien {
  HoTen: string;
  SoDinhDanh?: string;
  ChucDanh?: string;
}

/** `DoanhNghiepType` as sent, in schema order (the `soap` package writes keys in insertion order). */
export interface DoanhNghiep {
  MaSoDoanhNghiep: string;
  TenDoanhNghiep: string;
  TenTiengAnh?: string;
  LoaiHinh: string;
  DiaChiTruSo: DiaChi;
  NguoiDaiDienPhapLuat?: NguoiDaiDien;
  NgayCapLan1: string;
  TinhTrang: string;
}

/** xsd:date lexical form: `YYYY-MM-DD`, optionally with `Z` or a `±hh:mm` offset. */
const XSD_DATE = /^-?[0-9]{4,}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])(Z|[+-](0[0-9]|1[0-4]):[0-5][0-9])?$/;

/** Built in schema order: the optional elements sit between required ones. */
export function toDoanhNghiep(org: OrganizationRecord): DoanhNghiep {
  const rep = org.legalRepresentative;
  return {
    MaSoDoanhNghiep: org.taxCode,
    TenDoanhNghiep: org.name,
    ...(org.englishName ? { TenTiengAnh: org.englishName } : {}),
    LoaiHinh: org.legalForm,
    DiaChiTruSo: toDiaChi(org.headOfficeAddress),
    ...(rep
      ? {
          NguoiDaiDienPhapLuat: {
            HoTen: rep.fullName,
            ...(rep.personalId ? { SoDinhDanh: rep.personalId } : {}),
            ...(rep.title ? { ChucDanh: rep.title } : {}),
          },
        }
      : {}),
    NgayCapLan1: org.registrationDate,
    TinhTrang: org.status,
  };
}

const bad = (why: string) => new AdapterError('BAD_RESPONSE', BUSINESS_REGISTRY_SYSTEM, `DoanhNghiep: ${why}`);

const optionalText = (value: XmlValue | undefined): string | null => (typeof value === 'string' && value !== '' ? value : null);

function requiredText(node: Record<string, XmlValue>, name: string): string {
  const value = optionalText(node[name]);
  if (value === null) throw bad(`${name} is missing`);
  return value;
}

function fromDiaChi(value: XmlValue | undefined): Address {
  const node = asXmlObject(value ?? null);
  if (!node) throw bad('DiaChiTruSo is missing or not an address');
  const parts = { street: optionalText(node.SoNhaDuong), commune: requiredText(node, 'PhuongXa'), province: requiredText(node, 'TinhThanhPho') };
  return { ...parts, full: optionalText(node.DiaChiDayDu) ?? formatAddress(parts) };
}

function fromNguoiDaiDien(value: XmlValue | undefined): LegalRepresentative | null {
  if (value === undefined || value === null || value === '') return null;
  const node = asXmlObject(value);
  if (!node) throw bad('NguoiDaiDienPhapLuat is not an element');
  return { fullName: requiredText(node, 'HoTen'), personalId: optionalText(node.SoDinhDanh), title: optionalText(node.ChucDanh) };
}

/** Reads one `DoanhNghiep` element; throws BAD_RESPONSE when it breaks the contract. */
export function fromDoanhNghiep(value: XmlValue | undefined): OrganizationRecord {
  const node = asXmlObject(value ?? null);
  if (!node) throw bad('not an element');
  const sent = requiredText(node, 'MaSoDoanhNghiep');
  const check = checkTaxCode(sent);
  if (!check.valid) throw bad(`MaSoDoanhNghiep "${sent}" is not a valid tax code`);
  const registrationDate = requiredText(node, 'NgayCapLan1');
  if (!XSD_DATE.test(registrationDate)) throw bad(`NgayCapLan1 "${registrationDate}" is not an xsd:date`);
  return {
    taxCode: check.parts.normalized,
    name: requiredText(node, 'TenDoanhNghiep'),
    englishName: optionalText(node.TenTiengAnh),
    legalForm: requiredText(node, 'LoaiHinh'),
    headOfficeAddress: fromDiaChi(node.DiaChiTruSo),
    legalRepresentative: fromNguoiDaiDien(node.NguoiDaiDienPhapLuat),
    registrationDate,
    status: requiredText(node, 'TinhTrang'),
  };
}
