/**
 * What the insurance simulator holds: every person of the population simulator (same seed, same
 * people), as social insurance recorded them — identical for almost everyone, except these
 * documented people, whose records disagree with the population database the way real records do:
 *
 * | personalId   | population DB              | insurance DB                          | prefill            |
 * |--------------|----------------------------|---------------------------------------|--------------------|
 * | 001090012345 | Nguyễn Văn An              | same                                  | FILLED, 2 sources  |
 * | 079195001234 | Số 45 đường Lê Lợi, …      | Số 8 đường Võ Thị Sáu, … (workplace)  | address CONFLICTING|
 * | 092187004321 | Thạch Thị Sa Ri            | Thạch Thị Sari                        | name CONFLICTING   |
 * | 048203000789 | Lê Minh Khoa               | LÊ MINH KHOA (decomposed Unicode),    | FILLED, 2 sources  |
 * |              |                            | address in lower case, double spaces  | (same once normalised) |
 * | 038300005678 | Lê Thị Hồng Nhung          | not insured (404)                     | FILLED, 1 source   |
 */
import { FIXED_SOURCE_PEOPLE, generatePopulation, ABSENT_PERSONAL_ID } from '../population-db';
import { toWireDate, type NguoiThamGia } from './insured-person';

/** Ids the population DB knows but social insurance does not. */
export const UNINSURED_PERSONAL_IDS: readonly string[] = Object.freeze(['038300005678']);

/** Per-person differences from the population DB, applied over the derived record. */
export const INSURANCE_DIFFERENCES: Readonly<Record<string, Partial<NguoiThamGia>>> = Object.freeze({
  '079195001234': { diaChi: 'Số 8 đường Võ Thị Sáu, Phường Tân Định, Thành phố Hồ Chí Minh' },
  '092187004321': { hoTen: 'Thạch Thị Sari' },
  '048203000789': {
    hoTen: 'LÊ MINH KHOA'.normalize('NFD'),
    diaChi: 'số 21 đường trần phú,  phường hải châu, thành phố đà nẵng ',
  },
});

/** A 10-digit social insurance number derived from the personal id (deterministic, kept as text). */
export const socialInsuranceNumberOf = (personalId: string): string => `${personalId.slice(1, 3)}${personalId.slice(4)}`;

export interface InsuranceDataOptions {
  /** Seed and count of the population simulator's generated people. @default 20250701, 200 */
  seed?: number;
  people?: number;
}

/** The participants, by personal id: the population simulator's people with the differences above. */
export function insuranceParticipants(options: InsuranceDataOptions = {}): Map<string, NguoiThamGia> {
  const reserved = new Set([ABSENT_PERSONAL_ID, ...FIXED_SOURCE_PEOPLE.map((p) => p.personalId)]);
  const people = [...FIXED_SOURCE_PEOPLE, ...generatePopulation(options.seed ?? 20250701, options.people ?? 200, reserved)];
  const byId = new Map<string, NguoiThamGia>();
  for (const p of people) {
    if (UNINSURED_PERSONAL_IDS.includes(p.personalId)) continue;
    byId.set(p.personalId, {
      soDinhDanh: p.personalId,
      maSoBhxh: socialInsuranceNumberOf(p.personalId),
      hoTen: p.fullName,
      ngaySinh: toWireDate(p.dateOfBirth),
      gioiTinh: p.sex === 'MALE' ? 1 : 2,
      diaChi: p.permanentAddress?.full ?? null,
      ...INSURANCE_DIFFERENCES[p.personalId],
    });
  }
  return byId;
}
