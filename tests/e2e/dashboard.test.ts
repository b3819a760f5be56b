/**
 * The live dashboard page (issue 7) in headless Chromium, against the whole hub on real ports: the
 * page gets its counts and events over graphql-ws only; a dossier submitted through the API shows up
 * without a reload. Skipped with a message where /usr/bin/chromium is missing, except on CI (CI=…),
 * where .ci/run installs it and its absence is a failure.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { DEMO_CITIZEN_ID } from '../../adapters/population-db';
import { gql } from '../support/gateway-client';
import { buildFormData, FEE_PROCEDURE, type FormField } from '../support/journey';
import { startTestHub, type TestHub } from '../support/test-hub';

const CHROMIUM = '/usr/bin/chromium';
// From ../shared/FACTS.md: what ran here without a sandbox, GPU or network chatter.
const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
/** An agency of the seeded catalogue other than the one of FEE_PROCEDURE (a commune's people's committee). */
const OTHER_AGENCY = '000.01.41.H26';
const UI_TIMEOUT_MS = 30_000;

const hasChromium = existsSync(CHROMIUM);
if (!hasChromium && !process.env.CI) {
  console.warn(`dashboard.test.ts skipped: no Chromium at ${CHROMIUM} (apt-get install -y chromium); CI fails instead of skipping.`);
}
const describeInBrowser = hasChromium || process.env.CI ? describe : describe.skip;

describeInBrowser('live dashboard page in Chromium', () => {
  let t: TestHub;
  let browser: Browser | undefined;
  let baseUrl: string;
  let operator: string;
  let feeAgency: string;
  let formData: Record<string, unknown>;
  const contexts: BrowserContext[] = [];
  const pageProblems: string[] = [];

  beforeAll(async () => {
    if (!hasChromium) throw new Error(`Chromium is missing at ${CHROMIUM}: .ci/run installs it with apt-get install -y chromium`);
    t = await startTestHub(false);
    baseUrl = t.url.replace(/\/graphql$/, '');
    operator = await t.token({ id: 'operator:dashboard', role: 'OPERATOR' });
    const one = await gql(t.url, `{ procedure(code: "${FEE_PROCEDURE}") { agency { code } eForm { fields { key type required binding options } } } }`);
    feeAgency = one.data.procedure.agency.code;
    expect(feeAgency).not.toBe(OTHER_AGENCY);
    const prefill = await gql(t.url, `{ prefillForm(procedureCode: "${FEE_PROCEDURE}", personalId: "${DEMO_CITIZEN_ID}") { fields { fieldKey value } } }`, {}, t.citizen);
    formData = buildFormData(one.data.procedure.eForm.fields as FormField[], prefill.data.prefillForm.fields);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS, headless: true });
  }, 180_000); // the whole hub and a browser start on a shared 2-core machine

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await t?.stop();
  });

  afterEach(() => {
    // A blocked script or style (CSP) or an uncaught exception on the page fails the test that caused it.
    const problems = pageProblems.splice(0);
    expect(problems).toEqual([]);
  });

  /** A fresh browser context (its own sessionStorage), recording the page's errors. */
  async function openDashboard(fragment: string): Promise<Page> {
    const context = await browser!.newContext();
    contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (err) => pageProblems.push(`pageerror: ${err.message}`));
    page.on('console', (msg) => {
      if (msg.type() === 'error' && !/WebSocket connection to .* failed/.test(msg.text())) pageProblems.push(`console: ${msg.text()}`);
    });
    await page.goto(`${baseUrl}/dashboard#${fragment}`);
    return page;
  }

  const waitForState = (page: Page, state: string) => page.waitForSelector(`body[data-state="${state}"]`, { timeout: UI_TIMEOUT_MS });

  /** A number shown for an agency, 0 while the agency has no row yet. */
  const count = async (page: Page, agency: string, field: string): Promise<number> => {
    const cell = page.locator(`tr[data-agency="${agency}"] [data-field="${field}"]`);
    return (await cell.count()) ? Number(await cell.getAttribute('data-value')) : 0;
  };

  const submitDossier = async (key: string): Promise<string> => {
    const res = await gql(t.url, `mutation($i: SubmitDossierInput!) { submitDossier(input: $i) { code } }`, { i: { procedureCode: FEE_PROCEDURE, formData, idempotencyKey: key } }, t.citizen);
    expect(res.errors).toBeUndefined();
    return res.data.submitDossier.code;
  };

  it('serves the page, its script and style sheet with a strict Content-Security-Policy and revalidation', async () => {
    const page = await fetch(`${baseUrl}/dashboard`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html; charset=utf-8/);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toMatch(/connect-src 'self' ws:\/\/127\.0\.0\.1:\d+ wss:/);
    expect(csp).not.toContain('unsafe-');
    expect(await page.text()).toContain('/dashboard/dashboard.js');

    const script = await fetch(`${baseUrl}/dashboard/dashboard.js`);
    expect(script.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(script.headers.get('cache-control')).toBe('no-cache');
    const again = await fetch(`${baseUrl}/dashboard/dashboard.js`, { headers: { 'if-none-match': script.headers.get('etag')! } });
    expect(again.status).toBe(304);
    expect((await fetch(`${baseUrl}/dashboard/dashboard.css`)).headers.get('content-type')).toMatch(/^text\/css/);
    expect((await fetch(`${baseUrl}/dashboard/other.js`)).status).toBe(404);
  });

  it('goes live for an operator, then shows a dossier submitted through the API: counts +1 and the event', async () => {
    const page = await openDashboard(`token=${operator}`);
    await waitForState(page, 'live');
    expect(new URL(page.url()).hash).not.toContain('token='); // taken out of the address bar and history
    const received = await count(page, feeAgency, 'received');
    const processing = await count(page, feeAgency, 'processing');

    const code = await submitDossier('dashboard-1');
    const row = page.locator(`li[data-dossier-code="${code}"]`);
    await row.waitFor({ timeout: UI_TIMEOUT_MS });
    expect(await row.locator('.procedure').textContent()).toMatch(/^Cấp Phiếu lý lịch tư pháp/);
    expect(await row.count()).toBe(1);
    await page.locator(`tr[data-agency="${feeAgency}"] [data-field="received"][data-value="${received + 1}"]`).waitFor({ timeout: UI_TIMEOUT_MS });
    expect(await count(page, feeAgency, 'processing')).toBe(processing + 1);
    expect(await count(page, feeAgency, 'receivedToday')).toBeGreaterThanOrEqual(1);
    expect(await page.locator('body').getAttribute('data-state')).toBe('live');
  });

  it("shows an official only their own agency's row and events", async () => {
    await submitDossier('dashboard-2'); // the fee agency has dossiers whoever looks
    const own = await openDashboard(`token=${await t.token({ id: 'official:so-tu-phap', role: 'OFFICIAL', agencyCode: feeAgency })}`);
    const other = await openDashboard(`token=${await t.token({ id: 'official:ubnd-xa', role: 'OFFICIAL', agencyCode: OTHER_AGENCY })}`);
    await Promise.all([waitForState(own, 'live'), waitForState(other, 'live')]);
    const agenciesOn = async (page: Page) => Promise.all((await page.locator('tr[data-agency]').all()).map((row) => row.getAttribute('data-agency')));
    expect(await agenciesOn(own)).toEqual([feeAgency]);
    expect((await agenciesOn(other)).filter((a) => a !== OTHER_AGENCY)).toEqual([]);

    // Once the agency's own official has seen the next event, the other one would have seen it too.
    const code = await submitDossier('dashboard-3');
    await own.locator(`li[data-dossier-code="${code}"]`).waitFor({ timeout: UI_TIMEOUT_MS });
    expect(await other.locator('li[data-dossier-code]').count()).toBe(0);
    expect((await agenciesOn(other)).filter((a) => a !== OTHER_AGENCY)).toEqual([]);
  });

  it('shows the error state, with its code, for a bad token, and offers to sign in again', async () => {
    const page = await openDashboard('token=not-a-valid-token');
    await waitForState(page, 'error');
    expect(await page.locator('[data-field="errorCode"]').textContent()).toBe('UNAUTHENTICATED');
    expect(await page.locator('#sign-in').isVisible()).toBe(true);
  });

  it("shows a typed error readably when the subscriber may not see statistics (a citizen: FORBIDDEN)", async () => {
    const page = await openDashboard(`token=${t.citizen}`);
    await waitForState(page, 'error');
    expect(await page.locator('[data-field="errorCode"]').textContent()).toBe('FORBIDDEN');
    expect(await page.locator('[data-field="errorMessage"]').textContent()).not.toBe('');
  });
});
