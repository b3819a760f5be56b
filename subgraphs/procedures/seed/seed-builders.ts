/**
 * Building blocks of the seed catalogue: one call per procedure fills the 12 level-2 criteria from a
 * compact description (steps as sentences, components as tuples, legal bases as their cited titles).
 */
import type {
  ComponentKind,
  HandlingLevel,
  ImplementationLevel,
  ProcedureComponent,
  ProcedureDraft,
  ProcedureFee,
  ProcedureFormTemplate,
  ProcedureMethod,
  ProcedureSubject,
  ProcessingTime,
  ReceptionPlace,
} from '../catalogue/procedure-record';
import { derivedTotals } from '../catalogue/procedure-record';
import type { EFormDefinition } from '../e-form/e-form-definition';
import { AGENCIES, SEED_AGENCIES, type SeedAgency } from './agencies-and-fields';

/**
 * Search link of a legal document in a public legal database, by its number. The seed does not hold
 * the documents' permanent addresses; a search by number always finds the text and its appendices
 * (where the forms are), so it stands in for them until operators set the official links.
 */
export const legalSearchUrl = (number: string): string =>
  `https://thuvienphapluat.vn/page/tim-van-ban.aspx?keyword=${encodeURIComponent(number)}`;

/** "Luật Hộ tịch số 60/2014/QH13" → its number "60/2014/QH13" (documents cited with "số"). */
const NUMBER_IN_TITLE = /số\s+(\d+\/\d{4}\/[A-ZĐ0-9-]+)/u;

/** A legal basis from its cited title; number and link are read from the title when it has them. */
export function legalBasis(title: string) {
  const number = NUMBER_IN_TITLE.exec(title)?.[1];
  return { title, ...(number ? { number, url: legalSearchUrl(number) } : {}) };
}

export const days = (workingDays: number, caseName = 'Thời hạn giải quyết', caseCode = 'MAC_DINH'): ProcessingTime => ({
  caseCode,
  caseName,
  workingDays,
});

export const hours = (workingHours: number, caseName = 'Thời hạn giải quyết', caseCode = 'MAC_DINH'): ProcessingTime => ({
  caseCode,
  caseName,
  workingHours,
});

export const fee = (amountVnd: number, caseName = 'Lệ phí', caseCode = 'MAC_DINH', note?: string): ProcedureFee => ({
  caseCode,
  caseName,
  amountVnd,
  ...(note ? { note } : {}),
});

export const free = (caseName = 'Không thu phí, lệ phí', caseCode = 'MAC_DINH'): ProcedureFee => fee(0, caseName, caseCode);

/** A dossier component: [name, kind, count]. */
export const component = (name: string, kind: ComponentKind = 'ORIGINAL', count = 1, templateUrl?: string): ProcedureComponent => ({
  name,
  kind,
  count,
  ...(templateUrl ? { templateUrl } : {}),
});

/** A form and where it is published (the number of the document whose appendix holds it). */
export const form = (name: string, publishedIn: string): ProcedureFormTemplate => ({ name, templateUrl: legalSearchUrl(publishedIn) });

export interface SeedProcedureInput {
  code: string;
  name: string;
  description: string;
  onlineLevel: number;
  /** @default onlineLevel === 4 */
  fullOnline?: boolean;
  fieldCode: string;
  fieldName: string;
  agencyCode: string;
  agencyName: string;
  implementationLevel: ImplementationLevel;
  subjects: ProcedureSubject[];
  resultDocument: string;
  eForm: EFormDefinition;
  times: ProcessingTime[];
  fees: ProcedureFee[];
  /** Legal bases by their cited titles. */
  legal: string[];
  /** Steps in order; a tuple gives the step's duration in working days. */
  steps: Array<string | [string, number]>;
  components: ProcedureComponent[];
  /** @default [] */
  forms?: ProcedureFormTemplate[];
  /** @default [] (no condition set by law) */
  requirements?: string[];
  /** @default IN_PERSON, POSTAL, plus ONLINE from level 3 */
  methods?: ProcedureMethod[];
  /** Deciding agency. @default the agency that receives the dossier */
  deciding?: SeedAgency;
  delegated?: SeedAgency;
  /** @default [] */
  coordinating?: SeedAgency[];
  /** @default [implementationLevel] */
  handlingLevels?: HandlingLevel[];
  /** @default null (the agency's) */
  cutoffHour?: number;
}

const byCode = new Map(SEED_AGENCIES.map((a) => [a.code, a]));

/** Where dossiers of a procedure are received and results returned. */
function receptionPlaces(agencyCode: string, level: ImplementationLevel): ReceptionPlace[] {
  const agency = byCode.get(agencyCode);
  if (!agency) throw new Error(`Seed agency ${agencyCode} is not in SEED_AGENCIES`);
  const own: ReceptionPlace = {
    place: `Bộ phận Một cửa – ${agency.name}`,
    ...(agency.address ? { address: agency.address } : {}),
    hours: agency.receptionHours ?? 'Giờ hành chính các ngày làm việc',
  };
  if (level === 'COMMUNE') return [own];
  const centre = AGENCIES.trungTamHccThanhPho;
  // Province-level dossiers of Hà Nội are received at the city's public administration service centre.
  return [{ place: centre.name, address: centre.address, hours: centre.receptionHours ?? own.hours }, own];
}

/** One seed procedure with all 12 criteria, totals derived. */
export function seedProcedure(p: SeedProcedureInput): ProcedureDraft {
  const details = {
    receptionPlaces: receptionPlaces(p.agencyCode, p.implementationLevel),
    steps: p.steps.map((s, i) =>
      typeof s === 'string' ? { order: i + 1, description: s } : { order: i + 1, description: s[0], durationWorkingDays: s[1] },
    ),
    methods: p.methods ?? (p.onlineLevel >= 3 ? ['IN_PERSON', 'ONLINE', 'POSTAL'] : ['IN_PERSON', 'POSTAL']),
    components: p.components,
    agencies: {
      deciding: (p.deciding ?? { code: p.agencyCode }).code,
      ...(p.delegated ? { delegated: p.delegated.code } : {}),
      coordinating: (p.coordinating ?? []).map((a) => a.code),
    },
    forms: p.forms ?? [],
    requirements: p.requirements ?? [],
    legalBases: p.legal.map(legalBasis),
    handlingLevels: p.handlingLevels ?? [p.implementationLevel],
  };
  return {
    code: p.code,
    name: p.name,
    description: p.description,
    onlineLevel: p.onlineLevel,
    fullOnline: p.fullOnline ?? p.onlineLevel === 4,
    fieldCode: p.fieldCode,
    fieldName: p.fieldName,
    agencyCode: p.agencyCode,
    agencyName: p.agencyName,
    implementationLevel: p.implementationLevel,
    subjects: p.subjects,
    processingTimes: p.times,
    fees: p.fees,
    cutoffHour: p.cutoffHour ?? null,
    resultDocument: p.resultDocument,
    details,
    eForm: p.eForm,
    ...derivedTotals({ processingTimes: p.times, fees: p.fees, details }),
  };
}
