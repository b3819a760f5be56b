/** Index entries and pages → GraphQL objects. */
import type { IndexedUnit } from './administrative-unit-directory';
import type { AdministrativeUnitPage } from './administrative-unit-query';
import { AdministrativeUnit, AdministrativeUnitConnection } from './administrative-unit';

export function toAdministrativeUnit(unit: IndexedUnit): AdministrativeUnit {
  return Object.assign(new AdministrativeUnit(), {
    code: unit.code,
    name: unit.name,
    kind: unit.kind,
    unitType: unit.unitType,
    provinceCode: unit.provinceCode,
  });
}

export function toAdministrativeUnitConnection(page: AdministrativeUnitPage): AdministrativeUnitConnection {
  return {
    edges: page.edges.map((e) => ({ cursor: e.cursor, node: toAdministrativeUnit(e.node) })),
    pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
    totalCount: page.totalCount,
  };
}
