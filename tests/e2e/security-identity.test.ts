/**
 * Identity and access (issue 9A), attacked from outside against the whole hub: forged, expired and
 * foreign access tokens at the gateway (HTTP and graphql-ws), an external OIDC issuer's keys,
 * direct calls to every subgraph without the gateway's signature, cross-citizen and cross-agency
 * reads through every path, introspection, and a dashboard that may watch but not act.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, UnsecuredJWT, type JWK } from 'jose';
import WebSocket from 'ws';
import { DEMO_CITIZEN_ID } from '../../adapters/population-db';
import { createDevIssuer, DEV_AUDIENCE, DEV_ISSUER } from '../../gateway/auth/dev-issuer';
import { createGatewayServer, type GatewayServerHandle } from '../../gateway/gateway-server';
import type { Principal } from '../../subgraphs/shared/auth/principal';
import { INTERNAL_TOKEN_HEADER, signInternalToken } from '../../subgraphs/shared/auth/tokens';
import { gql, SubscriptionRecorder } from '../support/gateway-client';
import { FEE_PROCEDURE, prefilledForm } from '../support/journey';
import { startTestHub, type TestHub } from '../support/test-hub';

const OTHER_PERSONAL_ID = '079195001234';
/** An agency of the seeded catalogue other than FEE_PROCEDURE's (a commune's people's committee). */
const OTHER_AGENCY = '000.01.41.H26';
const SUBGRAPHS = ['procedures', 'dossiers', 'citizens', 'payments'] as const;

/** The close code of a graphql-ws connection_init with `payload`, or 'ack' when accepted. */
function connectionInitOutcome(url: string, payload: Record<string, unknown>): Promise<number | 'ack'> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url.replace(/^http/, 'ws'), 'graphql-transport-ws');
    socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload })));
    socket.on('message', (data) => {
      if (JSON.parse(String(data)).type === 'connection_ack') {
        socket.close(1000);
        resolve('ack');
      }
    });
    socket.on('close', (code) => resolve(code));
    socket.on('error', reject);
  });
}

/** A subgraph called directly, with `token` (or none) in the internal header. */
async function direct(url: string, query: string, variables: Record<string, unknown> = {}, token?: string) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { [INTERNAL_TOKEN_HEADER]: token } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, ...((await res.json()) as { data?: any; errors?: Array<{ extensions?: Record<string, any> }> }) };
}

/** `_entities` with fragments valid in the subgraph asked (an invalid one would make every answer null). */
const entities = (fragment: string) => `query($r: [_Any!]!) { _entities(representations: $r) { ${fragment} } }`;
const DOSSIER_ENTITY = entities('... on Dossier { code status }');
const PAYMENT_ENTITY = entities('... on Payment { id status }');
const CITIZEN_ENTITY = entities('... on Citizen { personalId fullName }');
const errorCode = (res: { errors?: Array<{ extensions?: Record<string, any> }> }) => res.errors?.[0]?.extensions?.code;

describe('security: identity and access', () => {
  let t: TestHub;
  let urls: Record<(typeof SUBGRAPHS)[number], string>;
  let dossierCode: string;
  let paymentId: string;
  let feeAgency: string;
  let otherCitizen: string;
  let otherOfficial: string;
  const recorders: SubscriptionRecorder[] = [];
  const internal = (p: Principal) => signInternalToken(p, t.config.INTERNAL_SECRET);
  const demoCitizen: Principal = { id: `citizen:${DEMO_CITIZEN_ID}`, role: 'CITIZEN', personalId: DEMO_CITIZEN_ID };
  const other: Principal = { id: `citizen:${OTHER_PERSONAL_ID}`, role: 'CITIZEN', personalId: OTHER_PERSONAL_ID };
  const otherAgencyOfficial: Principal = { id: 'official:other', role: 'OFFICIAL', agencyCode: OTHER_AGENCY };

  beforeAll(async () => {
    // DEV_TOKENS off: introspection is then for operators only, as in production.
    t = await startTestHub(false, { settings: { DEV_TOKENS: 'false' } });
    urls = { procedures: t.hub.urls.procedures!, dossiers: t.hub.urls.dossiers!, citizens: t.hub.urls.citizens!, payments: t.hub.urls.payments! };
    const form = await prefilledForm(t.url, FEE_PROCEDURE, t.citizen, DEMO_CITIZEN_ID);
    feeAgency = form.agencyCode;
    expect(feeAgency).not.toBe(OTHER_AGENCY);
    const submitted = await gql(t.url, `mutation($i: SubmitDossierInput!) { submitDossier(input: $i) { code } }`, { i: { procedureCode: FEE_PROCEDURE, formData: form.formData, idempotencyKey: 'security-1' } }, t.citizen);
    expect(submitted.errors).toBeUndefined();
    dossierCode = submitted.data.submitDossier.code;
    const paid = await gql(t.url, `mutation($c: String!) { payDossierFee(dossierCode: $c) { id } }`, { c: dossierCode }, t.citizen);
    expect(paid.errors).toBeUndefined();
    paymentId = paid.data.payDossierFee.id;
    otherCitizen = await t.token(other);
    otherOfficial = await t.token(otherAgencyOfficial);
  }, 180_000);

  afterAll(async () => {
    for (const r of recorders) await r.close();
    await t?.stop();
  });

  describe('access tokens at the gateway', () => {
    const forgeries = async (): Promise<Array<[string, string]>> => {
      const claims = { roles: ['OPERATOR'] };
      const hs = (secret: string) =>
        new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setSubject('x').setIssuer(DEV_ISSUER).setAudience(DEV_AUDIENCE).setExpirationTime('1h').sign(new TextEncoder().encode(secret));
      return [
        ['signed with another key', await createDevIssuer().issue({ id: 'operator', role: 'OPERATOR' })],
        ['alg none', new UnsecuredJWT(claims).setSubject('x').setIssuer(DEV_ISSUER).setAudience(DEV_AUDIENCE).setExpirationTime('1h').encode()],
        ['HS256 with the configured AUTH_SECRET', await hs(t.config.AUTH_SECRET)],
        ['HS256 with the public key as secret', await hs(JSON.stringify(t.devIssuer.jwks.keys[0]))],
        ['expired', await t.devIssuer.issue({ id: 'operator', role: 'OPERATOR' }, '-5m')],
        ['an internal token', await internal({ id: 'operator', role: 'OPERATOR' })],
      ];
    };

    it('refuses each forgery with 401 UNAUTHENTICATED over HTTP and 4403 at connection_init', async () => {
      for (const [label, token] of await forgeries()) {
        const res = await gql(t.url, `{ adapterStatus { system } }`, {}, token);
        expect([label, res.status, errorCode(res), res.data ?? null]).toEqual([label, 401, 'UNAUTHENTICATED', null]);
        expect([label, await connectionInitOutcome(t.url, { authorization: `Bearer ${token}` })]).toEqual([label, 4403]);
      }
      // The genuine article passes both doors: the refusals above are about the tokens.
      const operator = await t.token({ id: 'operator', role: 'OPERATOR' });
      expect((await gql(t.url, `{ adapterStatus { system } }`, {}, operator)).errors).toBeUndefined();
      expect(await connectionInitOutcome(t.url, { authorization: `Bearer ${operator}` })).toBe('ack');
    });

    it('publishes the development public key and discovery document, never the private key', async () => {
      const base = t.url.replace(/\/graphql$/, '');
      const jwks = (await (await fetch(`${base}/.well-known/jwks.json`)).json()) as { keys: JWK[] };
      expect(jwks.keys).toHaveLength(1);
      expect(jwks.keys[0]).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256' });
      expect(jwks.keys[0].d).toBeUndefined();
      const discovery = (await (await fetch(`${base}/.well-known/openid-configuration`)).json()) as Record<string, unknown>;
      expect(discovery).toMatchObject({ issuer: DEV_ISSUER, jwks_uri: `${base}/.well-known/jwks.json` });
      // DEV_TOKENS is off here: nobody may mint.
      expect((await fetch(`${base}/auth/dev-token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"role":"OPERATOR"}' })).status).toBe(404);
    });

    describe('with an external OIDC issuer', () => {
      let jwksServer: Server;
      let gateway: GatewayServerHandle;
      let gatewayUrl: string;
      let issuer: string;
      let sign: (claims: Record<string, unknown>, edit?: (jwt: SignJWT) => SignJWT) => Promise<string>;

      beforeAll(async () => {
        const { privateKey, publicKey } = await generateKeyPair('RS256');
        const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
        jwksServer = createServer((req, res) => {
          res.setHeader('content-type', 'application/json');
          if (req.url === '/.well-known/openid-configuration') res.end(JSON.stringify({ issuer, jwks_uri: `${issuer}/protocol/certs` }));
          else if (req.url === '/protocol/certs') res.end(JSON.stringify({ keys: [jwk] }));
          else res.writeHead(404).end('{}');
        });
        await new Promise<void>((resolve) => jwksServer.listen(0, '127.0.0.1', resolve));
        issuer = `http://127.0.0.1:${(jwksServer.address() as AddressInfo).port}`;
        sign = (claims, edit = (jwt) => jwt) =>
          edit(new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: 'k1' }).setSubject('sso-user-1').setIssuer(issuer).setAudience('lienthong').setIssuedAt().setExpirationTime('10m')).sign(privateKey);
        gateway = createGatewayServer({ subgraphUrls: urls, internalSecret: t.config.INTERNAL_SECRET, oidc: { issuer } });
        gatewayUrl = (await gateway.start()).url;
      });

      afterAll(async () => {
        await gateway?.stop();
        await new Promise<void>((resolve) => (jwksServer ? jwksServer.close(() => resolve()) : resolve()));
      });

      it("accepts the issuer's token (found through discovery) and maps its claims to the citizen", async () => {
        const token = await sign({ roles: ['citizen'], personal_id: DEMO_CITIZEN_ID });
        const res = await gql(gatewayUrl, `query($c: String!) { dossier(code: $c) { code } }`, { c: dossierCode }, token);
        expect(res.errors).toBeUndefined();
        expect(res.data.dossier.code).toBe(dossierCode);
        expect(gateway.devIssuer).toBeUndefined();
      });

      it('refuses wrong issuer, wrong audience, expired, not-yet-valid tokens and the development issuer', async () => {
        const claims = { roles: ['OPERATOR'] };
        const refused: Array<[string, string]> = [
          ['wrong issuer', await sign(claims, (j) => j.setIssuer('https://evil.example'))],
          ['wrong audience', await sign(claims, (j) => j.setAudience('another-app'))],
          ['expired', await sign(claims, (j) => j.setExpirationTime(Math.floor(Date.now() / 1000) - 300))],
          ['not yet valid', await sign(claims, (j) => j.setNotBefore(Math.floor(Date.now() / 1000) + 600))],
          ['development issuer', await t.token({ id: 'operator', role: 'OPERATOR' })],
        ];
        for (const [label, token] of refused) {
          const res = await gql(gatewayUrl, `{ adapterStatus { system } }`, {}, token);
          expect([label, res.status, errorCode(res)]).toEqual([label, 401, 'UNAUTHENTICATED']);
          expect([label, await connectionInitOutcome(gatewayUrl, { authorization: `Bearer ${token}` })]).toEqual([label, 4403]);
        }
        const operator = await gql(gatewayUrl, `{ adapterStatus { system } }`, {}, await sign(claims));
        expect(operator.errors).toBeUndefined();
      });
    });
  });

  describe('subgraphs trust only the gateway', () => {
    const badInternalTokens = async (): Promise<Array<[string, string | undefined]>> => {
      const operator: Principal = { id: 'operator', role: 'OPERATOR' };
      const raw = (audience: string, iat: number, exp: number) =>
        new SignJWT({ role: 'OPERATOR' }).setProtectedHeader({ alg: 'HS256' }).setSubject('operator').setIssuer('lienthong-gateway').setAudience(audience).setIssuedAt(iat).setExpirationTime(exp).sign(new TextEncoder().encode(t.config.INTERNAL_SECRET));
      const now = Math.floor(Date.now() / 1000);
      return [
        ['no token', undefined],
        ['another secret', await signInternalToken(operator, 'a-guessed-secret-of-at-least-32-characters')],
        ['expired', await raw('lienthong-subgraph', now - 600, now - 540)],
        ['long-lived', await raw('lienthong-subgraph', now, now + 3600)],
        ['another audience', await raw('lienthong-api', now, now + 30)],
        ['an access token', await t.token(operator)],
      ];
    };

    it.each(SUBGRAPHS)('%s refuses queries, _service and _entities without a valid gateway signature', async (name) => {
      const representation = {
        procedures: { __typename: 'Procedure', code: FEE_PROCEDURE },
        dossiers: { __typename: 'Dossier', code: dossierCode },
        citizens: { __typename: 'Citizen', personalId: DEMO_CITIZEN_ID },
        payments: { __typename: 'Payment', id: paymentId },
      }[name];
      const probes: Array<[string, Record<string, unknown>]> = [
        ['{ _service { sdl } }', {}],
        [entities('__typename'), { r: [representation] }],
        ['{ __typename }', {}],
      ];
      for (const [label, token] of await badInternalTokens()) {
        for (const [query, variables] of probes) {
          const res = await direct(urls[name], query, variables, token);
          expect([label, query, res.status, errorCode(res), res.data ?? null]).toEqual([label, query, 401, 'UNAUTHENTICATED', null]);
        }
        expect([label, await connectionInitOutcome(urls[name], token ? { internalToken: token } : {})]).toEqual([label, 4403]);
      }
      // The gateway's own signature opens the same doors.
      const operator = await internal({ id: 'operator', role: 'OPERATOR' });
      for (const [query, variables] of probes) expect([query, (await direct(urls[name], query, variables, operator)).errors]).toEqual([query, undefined]);
      expect((await direct(urls[name], '{ _service { sdl } }', {}, operator)).data._service.sdl).toContain('type Query');
    });
  });

  describe('nobody reads what is not theirs', () => {
    it("refuses another citizen's and another agency's dossier and payment, through the graph", async () => {
      for (const token of [otherCitizen, otherOfficial]) {
        const dossier = await gql(t.url, `query($c: String!) { dossier(code: $c) { status formData } }`, { c: dossierCode }, token);
        expect(errorCode(dossier)).toBe('DOSSIER_NOT_FOUND');
        expect(dossier.data?.dossier ?? null).toBeNull();
      }
      const own = await gql(t.url, `query($c: String!) { dossier(code: $c) { code payment { id } } }`, { c: dossierCode }, t.citizen);
      expect(own.data.dossier.payment.id).toBe(paymentId);
    });

    it('gives null, never data, for _entities asked in their name (Dossier, Payment, Citizen)', async () => {
      const r = { r: [{ __typename: 'Dossier', code: dossierCode }] };
      const rp = { r: [{ __typename: 'Payment', id: paymentId }] };
      const rc = { r: [{ __typename: 'Citizen', personalId: DEMO_CITIZEN_ID }] };
      for (const principal of [other, otherAgencyOfficial, { id: 'dash', role: 'DASHBOARD', agencyCode: OTHER_AGENCY } as Principal]) {
        const token = await internal(principal);
        for (const [url, query, variables] of [[urls.dossiers, DOSSIER_ENTITY, r], [urls.payments, PAYMENT_ENTITY, rp], [urls.citizens, CITIZEN_ENTITY, rc]] as const) {
          const res = await direct(url, query, variables, token);
          expect(errorCode(res)).not.toBe('GRAPHQL_VALIDATION_FAILED');
          expect([principal.id, query, res.data?._entities?.[0]?.fullName ?? res.data?._entities?.[0]?.status ?? null]).toEqual([principal.id, query, null]);
        }
      }
      // The owner gets them: the nulls above are about who asks.
      const mine = await internal(demoCitizen);
      expect((await direct(urls.dossiers, DOSSIER_ENTITY, r, mine)).data._entities[0].code).toBe(dossierCode);
      expect((await direct(urls.payments, PAYMENT_ENTITY, rp, mine)).data._entities[0].id).toBe(paymentId);
      expect((await direct(urls.citizens, CITIZEN_ENTITY, rc, mine)).data._entities[0].fullName).toEqual(expect.any(String));
    });

    it("refuses to prefill a form with another citizen's data", async () => {
      const res = await gql(t.url, `{ prefillForm(procedureCode: "${FEE_PROCEDURE}", personalId: "${DEMO_CITIZEN_ID}") { fields { fieldKey value } } }`, {}, otherCitizen);
      expect(['FORBIDDEN', 'CITIZEN_ACCESS_DENIED']).toContain(errorCode(res));
      expect(JSON.stringify(res.data ?? null)).not.toContain('Nguyễn');
    });

    it('streams events only to those who may see them; a dashboard watches its agency and acts on nothing', async () => {
      const query = `subscription { dossierEvents(after: "0") { toStatus dossier { code } } }`;
      const start = (token: string) => {
        const r = new SubscriptionRecorder(t.url, token).start(query);
        recorders.push(r);
        return r;
      };
      const dashboardToken = await t.token({ id: 'dashboard:fee', role: 'DASHBOARD', agencyCode: feeAgency });
      const owner = start(t.citizen);
      const dashboard = start(dashboardToken);
      const strangers = [start(otherCitizen), start(otherOfficial), start(await t.token({ id: 'dashboard:other', role: 'DASHBOARD', agencyCode: OTHER_AGENCY }))];
      const [ownEvent] = await owner.next(1, 30_000);
      expect(ownEvent.data.dossierEvents.dossier.code).toBe(dossierCode);
      const [watched] = await dashboard.next(1, 30_000);
      expect(watched.data.dossierEvents.dossier).toEqual({ code: dossierCode });
      // Both replays above are complete; the strangers' replays ran the same filter over the same rows.
      await new Promise((r) => setTimeout(r, 1000));
      for (const s of strangers) expect(s.results.filter((x) => JSON.stringify(x).includes(dossierCode))).toEqual([]);

      const act = await gql(t.url, `mutation($c: String!) { acceptDossier(code: $c, expectedVersion: 1) { status } }`, { c: dossierCode }, dashboardToken);
      expect(['FORBIDDEN', 'DOSSIER_NOT_FOUND']).toContain(errorCode(act));
      const pay = await gql(t.url, `mutation($c: String!) { payDossierFee(dossierCode: $c) { id } }`, { c: dossierCode }, dashboardToken);
      expect(['FORBIDDEN', 'DOSSIER_NOT_FOUND']).toContain(errorCode(pay));
      const read = await gql(t.url, `query($c: String!) { dossier(code: $c) { formData } }`, { c: dossierCode }, dashboardToken);
      expect(errorCode(read)).toBe('DOSSIER_NOT_FOUND');
      // Through an event the dashboard sees the dossier go by, but not the applicant's data in it.
      const nosy = new SubscriptionRecorder(t.url, dashboardToken).start(`subscription { dossierEvents(after: "0") { dossier { code formData applicantPersonalId } } }`);
      recorders.push(nosy);
      const [event] = await nosy.next(1, 30_000);
      const refusals = (event.errors ?? []).map((e) => `${e.extensions?.code} ${e.path?.slice(-1)[0]}`);
      expect(refusals.some((r) => r === 'FORBIDDEN formData' || r === 'FORBIDDEN applicantPersonalId')).toBe(true);
      expect(JSON.stringify(event.data ?? null)).not.toContain(DEMO_CITIZEN_ID);
    });
  });

  describe('introspection', () => {
    it.each([
      ['anonymous', '{ __schema { queryType { name } } }'],
      ['citizen', '{ __schema { queryType { name } } }'],
      ['citizen', 'query { ...T } fragment T on Query { __type(name: "Dossier") { name } }'],
    ])('is refused to %s before execution (%s)', async (who, query) => {
      const res = await gql(t.url, query, {}, who === 'citizen' ? t.citizen : undefined);
      expect([res.status, errorCode(res), res.data ?? null]).toEqual([403, 'FORBIDDEN', null]);
    });

    it('is open to operators', async () => {
      const res = await gql(t.url, '{ __schema { queryType { name } } }', {}, await t.token({ id: 'operator', role: 'OPERATOR' }));
      expect(res.data.__schema.queryType.name).toBe('Query');
    });
  });
});
