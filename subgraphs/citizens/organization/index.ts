/**
 * The citizens subgraph's organisations (CSDL quốc gia về đăng ký doanh nghiệp): entity, query,
 * reference, per-request lookup, and the values `organization.*` source paths prefill.
 */
export { LegalRepresentative, Organization, toOrganization } from './organization';
export { OrganizationResolver } from './organization.resolver';
export { resolveOrganizationReference } from './organization.reference';
export {
  checkOrganizationRequest,
  MAX_ORGANIZATION_PURPOSE_LENGTH,
  ORGANIZATION_REFERENCE_PURPOSE,
  OrganizationLookup,
  PUBLIC_INFORMATION_PURPOSE,
  type OrganizationLookupDeps,
  type OrganizationLookupResult,
} from './organization-lookup';
export { isOrganizationPath, readOrganizationValue, type OrganizationPath } from './organization-values';
