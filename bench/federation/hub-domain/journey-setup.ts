/**
 * Before any load: one dossier with a fee, paid, as the e2e tests make it — through the gateway a
 * citizen reads the procedure, prefills its e-form, submits, pays; the payment provider simulator
 * completes the payment and calls the payments subgraph back; the dossier leaves PAYMENT_DUE. Also
 * reads, from the procedures subgraph directly, the prefill representation the gateway will send to
 * the citizens subgraph (the floor of the prefill query sends that same representation).
 */
import { DEMO_CITIZEN_ID } from '../../../adapters/population-db/fixtures';
import type { Principal } from '../../../subgraphs/shared/auth/principal';
import { INTERNAL_TOKEN_HEADER } from '../../../subgraphs/shared/auth/tokens';
import type { DevIssuer } from '../../../gateway/auth/dev-issuer';
import type { HubPart, HubSubgraphUrls } from './fork-part';

/** Cấp Phiếu lý lịch tư pháp: level 4, with a fee (the e2e journey's procedure). */
export const FEE_PROCEDURE = '2.001417';

export const CITIZEN: Principal = { id: `citizen:${DEMO_CITIZEN_ID}`, role: 'CITIZEN', personalId: DEMO_CITIZEN_ID };

export interface PrefillRepresentation {
  __typename: 'FormPrefill';
  procedureCode: string;
  personalId: string;
  taxCode: string | null;
  bindings: Array<{ fieldKey: string; sourcePath: string }>;
}

export interface Journey {
  dossierCode: string;
  /** An official of the procedure's agency, who may read the dossier, its applicant and its payment. */
  official: Principal;
  prefillRepresentation: PrefillRepresentation;
}

interface FormField {
  key: string;
  type: string;
  required: boolean;
  options: string[] | null;
}

interface GraphQLAnswer<T> {
  data?: T;
  errors?: unknown[];
}

export async function postGraphQL<T>(url: string, query: string, variables: Record<string, unknown>, headers: Record<string, string>): Promise<T> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
  const body = (await res.json()) as GraphQLAnswer<T>;
  if (body.errors || !body.data) throw new Error(`setup query failed (${res.status}): ${JSON.stringify(body.errors ?? body)}`);
  return body.data;
}

/** What the citizen types into the required fields the prefill left empty (as tests/support/journey.ts does). */
function typedAnswer(field: FormField): unknown {
  const answers: Record<string, unknown> = { DATE: '2026-01-05', NUMBER: 1, PHONE: '0912345678', EMAIL: 'nguyenvanan@example.vn', PERSONAL_ID: DEMO_CITIZEN_ID };
  return field.type === 'SELECT' ? field.options?.[0] : (answers[field.type] ?? 'Bổ sung hồ sơ xin việc');
}

export async function setUpJourney(options: {
  gatewayUrl: string;
  subgraphUrls: HubSubgraphUrls;
  issuer: DevIssuer;
  subgraphs: HubPart<HubSubgraphUrls>;
  internalToken: (principal: Principal) => Promise<string>;
}): Promise<Journey> {
  const { gatewayUrl, issuer } = options;
  const citizen = { authorization: `Bearer ${await issuer.issue(CITIZEN)}` };
  const { procedure } = await postGraphQL<{ procedure: { agency: { code: string }; eForm: { fields: FormField[] } } }>(
    gatewayUrl,
    `query($c: String!) { procedure(code: $c) { agency { code } eForm { fields { key type required options } } } }`,
    { c: FEE_PROCEDURE },
    {},
  );
  const { prefillForm } = await postGraphQL<{ prefillForm: { fields: Array<{ fieldKey: string; value: string | null }> } }>(
    gatewayUrl,
    `query($c: String!, $p: String!) { prefillForm(procedureCode: $c, personalId: $p) { fields { fieldKey value } } }`,
    { c: FEE_PROCEDURE, p: DEMO_CITIZEN_ID },
    citizen,
  );
  const prefilled = new Map(prefillForm.fields.filter((f) => f.value !== null).map((f) => [f.fieldKey, f.value]));
  const formData: Record<string, unknown> = {};
  for (const field of procedure.eForm.fields) {
    if (prefilled.has(field.key)) formData[field.key] = prefilled.get(field.key);
    else if (field.required) formData[field.key] = typedAnswer(field);
  }

  const { submitDossier } = await postGraphQL<{ submitDossier: { code: string; status: string } }>(
    gatewayUrl,
    `mutation($i: SubmitDossierInput!) { submitDossier(input: $i) { code status } }`,
    { i: { procedureCode: FEE_PROCEDURE, formData, idempotencyKey: 'hub-domain-bench' } },
    citizen,
  );
  const { payDossierFee } = await postGraphQL<{ payDossierFee: { providerRef: string; status: string } }>(
    gatewayUrl,
    `mutation($c: String!) { payDossierFee(dossierCode: $c) { providerRef status } }`,
    { c: submitDossier.code },
    citizen,
  );
  await options.subgraphs.request({ type: 'complete-payment', providerRef: payDossierFee.providerRef });
  await waitUntilPaid(gatewayUrl, submitDossier.code, citizen);

  const official: Principal = { id: 'official:hub-bench', role: 'OFFICIAL', agencyCode: procedure.agency.code, workflowRoles: ['RECEPTION'] };
  const representation = await postGraphQL<{ prefillForm: Omit<PrefillRepresentation, '__typename'> }>(
    options.subgraphUrls.procedures,
    `query($c: String!, $p: String!) { prefillForm(procedureCode: $c, personalId: $p) { procedureCode personalId taxCode bindings { fieldKey sourcePath } } }`,
    { c: FEE_PROCEDURE, p: DEMO_CITIZEN_ID },
    { [INTERNAL_TOKEN_HEADER]: await options.internalToken(CITIZEN) },
  );
  return { dossierCode: submitDossier.code, official, prefillRepresentation: { __typename: 'FormPrefill', ...representation.prefillForm } };
}

/** The provider's callback and the outbox relay that releases the dossier are asynchronous. */
async function waitUntilPaid(gatewayUrl: string, code: string, headers: Record<string, string>): Promise<void> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const { dossier } = await postGraphQL<{ dossier: { status: string; payment: { status: string } | null } }>(
      gatewayUrl,
      `query($c: String!) { dossier(code: $c) { status payment { status } } }`,
      { c: code },
      headers,
    );
    if (dossier.status === 'NEW' && dossier.payment?.status === 'PAID') return;
    if (Date.now() > deadline) throw new Error(`dossier ${code} not released after payment: ${JSON.stringify(dossier)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
