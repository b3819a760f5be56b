/** Agency rows → GraphQL objects. */
import type { Agency as AgencyRow } from '../../shared/storage/generated/client';
import { Agency } from './agency';

export function toAgency(row: AgencyRow): Agency {
  return Object.assign(new Agency(), {
    code: row.code,
    name: row.name,
    level: row.level,
    address: row.address,
    phone: row.phone,
    email: row.email,
    receptionHours: row.receptionHours,
    cutoffHour: row.cutoffHour,
    provinceCode: row.provinceCode,
    communeCode: row.communeCode,
  });
}
