/** CSDL quốc gia về bảo hiểm (social insurance database, BHXH): REST/JSON client, fixtures and simulator. */
export { createInsuranceDbClient } from './insurance-db-client';
export type { InsuranceDbClient, InsuranceDbClientOptions } from './insurance-db-client';
export { INSURANCE_DB_MAX_BATCH, INSURANCE_DB_SYSTEM, fromNguoiThamGia, fromWireDate, toWireDate } from './insured-person';
export type { InsuredPerson, NguoiThamGia } from './insured-person';
export { INSURANCE_DIFFERENCES, UNINSURED_PERSONAL_IDS, insuranceParticipants, socialInsuranceNumberOf } from './fixtures';
export { createInsuranceDbSimulator } from './simulator/insurance-db-simulator';
export type { InsuranceDbSimulator, InsuranceDbSimulatorCalls, InsuranceDbSimulatorOptions } from './simulator/insurance-db-simulator';
