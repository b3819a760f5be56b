/**
 * The hub's own domain queries of the reference workload, each with the check of its answer and, when
 * one subgraph could answer it alone, its floor: the same work sent straight to that subgraph with an
 * internal token, as the gateway would send it.
 */
import type { Principal } from '../../../subgraphs/shared/auth/principal';
import type { HubSubgraphUrls } from './fork-part';
import { CITIZEN, FEE_PROCEDURE, type Journey } from './journey-setup';

export interface DomainQuery {
  name: string;
  /** Whose tokens the requests carry (a distinct token per request, same principal). */
  principal: Principal;
  /** The request body sent to the gateway. */
  hubBody: string;
  /** The subgraph and body of the floor; none when the query needs several subgraphs. */
  floor?: { subgraph: keyof HubSubgraphUrls; body: string };
  /** Whether an answer (from the hub or the floor) is right: no `errors` and the expected data. */
  verify(body: string): boolean;
}

const request = (query: string, variables: Record<string, unknown> = {}) => JSON.stringify({ query, variables });
const noErrors = (body: string) => !body.includes('"errors"');
const PREFILL_SELECTION = 'fields { fieldKey value status source { system path fetchedAt } }';
/** The demo citizen's name as the population database simulator holds it. */
const DEMO_CITIZEN_NAME = 'Nguyễn Văn An';

export function domainQueries(journey: Journey): DomainQuery[] {
  const search = request(
    `query($s: String!) { procedures(search: $s, first: 5) { totalCount edges { node { code name onlineLevel feeVnd agency { name } } } } }`,
    { s: 'ly lich tu phap' },
  );
  return [
    {
      // Public catalogue: the search needs no sign-in, but portals send their users' tokens anyway.
      name: 'procedure search',
      principal: CITIZEN,
      hubBody: search,
      floor: { subgraph: 'procedures', body: search },
      verify: (body) => noErrors(body) && body.includes(`"${FEE_PROCEDURE}"`),
    },
    {
      name: 'dossier+procedure+citizen+payment',
      principal: journey.official,
      hubBody: request(
        `query($c: String!) { dossier(code: $c) { code status feeVnd procedure { name processingDays agency { name } }
           applicant { fullName dateOfBirth sex } payment { status amountVnd receiptNumber } } }`,
        { c: journey.dossierCode },
      ),
      verify: (body) =>
        noErrors(body) && body.includes(journey.dossierCode) && body.includes('"PAID"') && body.includes(DEMO_CITIZEN_NAME) && body.includes('"processingDays"'),
    },
    {
      // Through the hub: procedures answers prefillForm and its bindings, then citizens fills the fields.
      name: 'prefill (signed-in citizen)',
      principal: CITIZEN,
      hubBody: request(`query($c: String!, $p: String!) { prefillForm(procedureCode: $c, personalId: $p) { ${PREFILL_SELECTION} } }`, {
        c: journey.prefillRepresentation.procedureCode,
        p: journey.prefillRepresentation.personalId,
      }),
      floor: {
        subgraph: 'citizens',
        body: request(`query($r: [_Any!]!) { _entities(representations: $r) { ... on FormPrefill { ${PREFILL_SELECTION} } } }`, {
          r: [journey.prefillRepresentation],
        }),
      },
      verify: (body) => noErrors(body) && body.includes('"FILLED"') && body.includes(DEMO_CITIZEN_NAME),
    },
  ];
}
