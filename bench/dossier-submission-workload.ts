/**
 * What the submissions benchmark files: for each agency, one seed procedure an individual can file at
 * the counter, with an e-form filled in from its field definitions and checked by the same
 * validation intake runs (procedures whose forms a generic filler cannot satisfy are left out).
 */
import { DEMO_CITIZEN_ID } from '../adapters/population-db';
import { ProcedureCatalogue, SEED_PROCEDURES, validateFormData } from '../subgraphs/procedures';
import type { EFormFieldDefinition } from '../subgraphs/procedures/e-form/e-form-definition';
import { vietnamToday } from '../subgraphs/procedures/e-form/form-validation';
import type { Principal } from '../subgraphs/shared/auth/principal';
import type { PrismaClient } from '../subgraphs/shared/storage/database';

export interface SubmissionWork {
  procedureCode: string;
  agencyCode: string;
  /** A reception official of the procedure's agency: counter dossiers are entered by the agency. */
  official: Principal;
  formData: Record<string, unknown>;
}

/** The justice department's criminal record certificate: the benchmark's single-agency workload. */
export const PRIMARY_PROCEDURE = '2.001417';

function valueFor(field: EFormFieldDefinition, today: string): unknown {
  const bound = (b: string | undefined) => (b === 'today' ? today : b);
  switch (field.type) {
    case 'DATE': {
      const [min, max] = [bound(field.minDate), bound(field.maxDate)];
      if (min && min > '1990-03-15') return min;
      return max && max < '1990-03-15' ? max : '1990-03-15';
    }
    case 'NUMBER':
      return Math.max(field.min ?? 1, 1);
    case 'SELECT':
      return field.options?.[0];
    case 'PERSONAL_ID':
      return DEMO_CITIZEN_ID;
    case 'PHONE':
      return '0912345678';
    case 'EMAIL':
      return 'nguyenvanan@example.vn';
    default:
      return 'Nguyễn Văn An'.padEnd(field.minLength ?? 0, '.').slice(0, field.maxLength ?? 250);
  }
}

export async function submissionWorkload(prisma: PrismaClient): Promise<SubmissionWork[]> {
  const catalogue = new ProcedureCatalogue(prisma);
  const today = vietnamToday();
  const codes = [PRIMARY_PROCEDURE, ...SEED_PROCEDURES.map((p) => p.code).filter((c) => c !== PRIMARY_PROCEDURE)];
  const byAgency = new Map<string, SubmissionWork>();
  for (const procedure of await catalogue.getMany(codes)) {
    if (!procedure || byAgency.has(procedure.agencyCode) || !procedure.subjects.includes('INDIVIDUAL')) continue;
    const formData = Object.fromEntries(procedure.eForm.fields.map((f) => [f.key, valueFor(f, today)]));
    if (validateFormData(procedure.eForm, formData).length > 0) continue;
    const official: Principal = {
      id: `official:bench-${procedure.agencyCode}`,
      role: 'OFFICIAL',
      agencyCode: procedure.agencyCode,
      workflowRoles: ['RECEPTION'],
    };
    byAgency.set(procedure.agencyCode, { procedureCode: procedure.code, agencyCode: procedure.agencyCode, official, formData });
  }
  return [...byAgency.values()];
}
