/**
 * Vietnamese wire names ↔ the hub's English record. The client reads parsed XML whose values are the
 * exact text sent; anything the contract requires but is missing or malformed is a BAD_RESPONSE, so a
 * half-read person never reaches a form.
 */
import { AdapterError, asXmlObject, type XmlValue } from '../soap';
import { formatAddress, type Address, type PersonRecord } from './person-record';
import { POPULATION_DB_SYSTEM, SEX_CODES } from './wsdl';

/** `DiaChiType` as sent. */
export interface DiaChi {
  SoNhaDuong?: string;
  PhuongXa: string;
  TinhThanhPho: string;
  DiaChiDayDu?: string;
}

/** `CongDanType` as sent, in schema order (the `soap` package writes keys in insertion order). */
export interface CongDan {
  SoDinhDanh: string;
  HoVaTen: string;
  NgaySinh: string;
  GioiTinh: string;
  DanToc?: string;
  QuocTich?: string;
  QueQuan?: DiaChi;
  NoiThuongTru?: DiaChi;
  NoiOHienTai?: DiaChi;
}

/** xsd:date lexical form: `YYYY-MM-DD`, optionally with `Z` or a `±hh:mm` offset. */
const XSD_DATE = /^-?[0-9]{4,}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])(Z|[+-](0[0-9]|1[0-4]):[0-5][0-9])?$/;

export function toDiaChi(address: Address): DiaChi {
  const wire: DiaChi = { PhuongXa: address.commune, TinhThanhPho: address.province, DiaChiDayDu: address.full };
  return address.street ? { SoNhaDuong: address.street, ...wire } : wire;
}

/** A source's record of a person, hometown kept as an address (the hub reads it as one line). */
export interface SourcePerson extends Omit<PersonRecord, 'hometown'> {
  hometown: Address | null;
}

export function toCongDan(person: SourcePerson): CongDan {
  const wire: CongDan = {
    SoDinhDanh: person.personalId,
    HoVaTen: person.fullName,
    NgaySinh: person.dateOfBirth,
    GioiTinh: SEX_CODES[person.sex],
  };
  if (person.ethnicity) wire.DanToc = person.ethnicity;
  if (person.nationality) wire.QuocTich = person.nationality;
  if (person.hometown) wire.QueQuan = toDiaChi(person.hometown);
  if (person.permanentAddress) wire.NoiThuongTru = toDiaChi(person.permanentAddress);
  if (person.currentAddress) wire.NoiOHienTai = toDiaChi(person.currentAddress);
  return wire;
}

export const toPersonRecord = (person: SourcePerson): PersonRecord => ({ ...person, hometown: person.hometown?.full ?? null });

const bad = (why: string) => new AdapterError('BAD_RESPONSE', POPULATION_DB_SYSTEM, `CongDan: ${why}`);

const optionalText = (value: XmlValue | undefined): string | null =>
  typeof value === 'string' && value !== '' ? value : null;

function requiredText(node: Record<string, XmlValue>, name: string): string {
  const value = optionalText(node[name]);
  if (value === null) throw bad(`${name} is missing`);
  return value;
}

function fromDiaChi(value: XmlValue | undefined, name: string): Address | null {
  if (value === undefined || value === null || value === '') return null;
  const node = asXmlObject(value);
  if (!node) throw bad(`${name} is not an address`);
  const parts = { street: optionalText(node.SoNhaDuong), commune: requiredText(node, 'PhuongXa'), province: requiredText(node, 'TinhThanhPho') };
  return { ...parts, full: optionalText(node.DiaChiDayDu) ?? formatAddress(parts) };
}

/** Reads one `CongDan` element; throws BAD_RESPONSE when it breaks the contract. */
export function fromCongDan(value: XmlValue | undefined): PersonRecord {
  const node = asXmlObject(value);
  if (!node) throw bad('not an element');
  const personalId = requiredText(node, 'SoDinhDanh');
  if (!/^[0-9]{12}$/.test(personalId)) throw bad('SoDinhDanh is not 12 digits');
  const dateOfBirth = requiredText(node, 'NgaySinh');
  if (!XSD_DATE.test(dateOfBirth)) throw bad(`NgaySinh "${dateOfBirth}" is not an xsd:date`);
  const sexCode = requiredText(node, 'GioiTinh');
  const sex = sexCode === SEX_CODES.MALE ? 'MALE' : sexCode === SEX_CODES.FEMALE ? 'FEMALE' : undefined;
  if (!sex) throw bad(`GioiTinh "${sexCode}" is not a known code`);
  return {
    personalId,
    fullName: requiredText(node, 'HoVaTen'),
    dateOfBirth,
    sex,
    ethnicity: optionalText(node.DanToc),
    nationality: optionalText(node.QuocTich),
    hometown: fromDiaChi(node.QueQuan, 'QueQuan')?.full ?? null,
    permanentAddress: fromDiaChi(node.NoiThuongTru, 'NoiThuongTru'),
    currentAddress: fromDiaChi(node.NoiOHienTai, 'NoiOHienTai'),
  };
}
