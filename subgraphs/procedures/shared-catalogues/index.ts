/**
 * Shared catalogues (danh mục dùng chung): administrative units (34 provinces, 3,321 communes),
 * agencies and fields; the catalogue import joins the schema through the same array.
 */
import { CatalogueImportResolver } from '../catalogue-import/catalogue-import.resolver';
import { AdministrativeUnitResolver } from './administrative-unit.resolver';
import { AgencyResolver } from './agency.resolver';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const SHARED_CATALOGUE_RESOLVERS: Function[] = [AdministrativeUnitResolver, AgencyResolver, CatalogueImportResolver];

export { seedSharedCatalogues, type SharedCatalogueSeed, type SharedCatalogueSeedResult } from './seed-shared-catalogues';
export { AdministrativeUnitDirectory, type AdministrativeUnitIndex, type IndexedUnit } from './administrative-unit-directory';
export { queryAdministrativeUnits, type AdministrativeUnitQuery, type AdministrativeUnitPage } from './administrative-unit-query';
export { AdministrativeUnitKind, SHIPPED_ADMINISTRATIVE_UNITS, ADMINISTRATIVE_UNITS_SOURCE, type AdministrativeUnitRecord } from './shipped-units';
export { listAgencies, requireAgency, upsertAgency, checkAgencyInput, AGENCY_LEVELS, type AgencyUpsert, type AgencyQuery } from './agency-store';
