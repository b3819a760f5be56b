/** CSDL quốc gia về đăng ký doanh nghiệp (business registry): tax codes, client, contract, fixtures and simulator. */
export { checkTaxCode, completeTaxCode, TAX_CODE_WEIGHTS, taxCodeCheckDigit } from './tax-code';
export type { TaxCodeCheck, TaxCodeParts, TaxCodeProblem } from './tax-code';
export { assertValidTaxCode } from './tax-code-error';
export type { LegalRepresentative, OrganizationRecord } from './organization-record';
export { classifyBusinessRegistryFault, createBusinessRegistryClient } from './business-registry-client';
export type { BusinessRegistryClient, BusinessRegistryClientOptions, RegistryLookupAudit } from './business-registry-client';
export { ABSENT_TAX_CODE, DEMO_ORGANIZATION_TAX_CODE, FIXED_ORGANIZATIONS, fixedOrganization } from './fixtures';
export {
  BUSINESS_REGISTRY_FAULTS,
  BUSINESS_REGISTRY_MAX_BATCH,
  BUSINESS_REGISTRY_NAMESPACE,
  BUSINESS_REGISTRY_SYSTEM,
  businessRegistryWsdl,
  ORGANIZATION_STATUSES,
} from './wsdl';
export { createBusinessRegistrySimulator } from './simulator/business-registry-simulator';
export type {
  BusinessRegistrySimulator,
  BusinessRegistrySimulatorCalls,
  BusinessRegistrySimulatorOptions,
} from './simulator/business-registry-simulator';
export { generateOrganizations, TAX_PROVINCE_PREFIXES } from './simulator/organization-generator';
