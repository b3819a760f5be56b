/** Catalogue records → GraphQL objects. */
import type { ProcedureRecord } from '../catalogue/procedure-record';
import type { ProcedurePage } from '../catalogue/procedure-search';
import { toEForm } from '../e-form/e-form';
import type { Procedure } from './procedure';
import type { ProcedureConnection } from './procedure-connection';

export function toProcedure(record: ProcedureRecord): Procedure {
  const d = record.details;
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
    version: record.version,
    effectiveFrom: record.effectiveFrom,
    cutoffHour: record.cutoffHour,
    processingTimes: record.processingTimes.map((t) => ({
      caseCode: t.caseCode,
      caseName: t.caseName,
      workingDays: t.workingDays ?? null,
      workingHours: t.workingHours ?? null,
    })),
    fees: record.fees.map((f) => ({ caseCode: f.caseCode, caseName: f.caseName, amountVnd: f.amountVnd, note: f.note ?? null })),
    receptionPlaces: d.receptionPlaces.map((r) => ({ place: r.place, address: r.address ?? null, hours: r.hours })),
    steps: d.steps.map((s) => ({
      order: s.order,
      description: s.description,
      durationWorkingDays: s.durationWorkingDays ?? null,
      durationWorkingHours: s.durationWorkingHours ?? null,
    })),
    methods: d.methods,
    components: d.components.map((c) => ({ name: c.name, kind: c.kind, count: c.count, templateUrl: c.templateUrl ?? null })),
    forms: d.forms,
    requirements: d.requirements,
    legalBases: d.legalBases.map((l) => ({
      title: l.title,
      number: l.number ?? null,
      issuedBy: l.issuedBy ?? null,
      issuedOn: l.issuedOn ?? null,
      url: l.url ?? null,
    })),
    handlingLevels: d.handlingLevels,
    agencyCodes: d.agencies,
  };
}

export function toProcedureConnection(page: ProcedurePage): ProcedureConnection {
  return {
    edges: page.edges.map((edge) => ({ cursor: edge.cursor, node: toProcedure(edge.node) })),
    pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
    totalCount: page.totalCount,
  };
}
