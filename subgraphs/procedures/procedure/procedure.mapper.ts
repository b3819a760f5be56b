/** Catalogue records → GraphQL objects. */
import type { ProcedureRecord } from '../catalogue/procedure-record';
import type { ProcedurePage } from '../catalogue/procedure-search';
import { toEForm } from '../e-form/e-form';
import type { Procedure } from './procedure';
import type { ProcedureConnection } from './procedure-connection';

export function toProcedure(record: ProcedureRecord): Procedure {
  return {
    code: record.code,
    name: record.name,
    description: record.description,
    onlineLevel: record.onlineLevel,
    fullOnline: record.fullOnline,
    field: { code: record.fieldCode, name: record.fieldName },
    agency: { code: record.agencyCode, name: record.agencyName },
    implementationLevel: record.implementationLevel,
    subjects: record.subjects,
    processingDays: record.processingDays,
    feeVnd: record.feeVnd,
    resultDocument: record.resultDocument,
    legalBasis: record.legalBasis,
    eForm: toEForm(record.eForm),
  };
}

export function toProcedureConnection(page: ProcedurePage): ProcedureConnection {
  return {
    edges: page.edges.map((edge) => ({ cursor: edge.cursor, node: toProcedure(edge.node) })),
    pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
    totalCount: page.totalCount,
  };
}
