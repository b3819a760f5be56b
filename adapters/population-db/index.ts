/** CSDLQG về dân cư (national population database): client, contract, fixtures and simulator. */
export { classifyPopulationFault, createPopulationDbClient } from './population-db-client';
export type { LookupAudit, PopulationDbClient, PopulationDbClientOptions } from './population-db-client';
export { address, formatAddress } from './person-record';
export type { Address, PersonRecord, Sex } from './person-record';
export { BIRTH_PROVINCE_CODES, checkPersonalId, personalIdPrefix } from './personal-id';
export type { PersonalIdCheck, PersonalIdParts, PersonalIdProblem } from './personal-id';
export { ABSENT_PERSONAL_ID, DEMO_CITIZEN_ID, FIXED_PEOPLE, FIXED_SOURCE_PEOPLE, fixedPerson } from './fixtures';
export {
  POPULATION_DB_FAULTS,
  POPULATION_DB_MAX_BATCH,
  POPULATION_DB_NAMESPACE,
  POPULATION_DB_SYSTEM,
  SEX_CODES,
  populationDbWsdl,
} from './wsdl';
export { createPopulationDbSimulator } from './simulator/population-db-simulator';
export type {
  PopulationDbSimulator,
  PopulationDbSimulatorCalls,
  PopulationDbSimulatorOptions,
} from './simulator/population-db-simulator';
export { generatePopulation } from './simulator/population-generator';
