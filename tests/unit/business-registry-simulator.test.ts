/** The business registry simulator: deterministic, realistic organisations, and a real SOAP service. */
import {
  ABSENT_TAX_CODE,
  checkTaxCode,
  createBusinessRegistryClient,
  createBusinessRegistrySimulator,
  DEMO_ORGANIZATION_TAX_CODE,
  FIXED_ORGANIZATIONS,
  generateOrganizations,
  ORGANIZATION_STATUSES,
  TAX_PROVINCE_PREFIXES,
  type BusinessRegistrySimulator,
} from '../../adapters/business-registry';
import { checkPersonalId, DEMO_CITIZEN_ID, fixedPerson } from '../../adapters/population-db';
import { AdapterError } from '../../adapters/soap';

const audit = { requestId: 'sim-test', actor: 'operator', purpose: 'test' };

describe('generateOrganizations', () => {
  const reserved = new Set([ABSENT_TAX_CODE, ...FIXED_ORGANIZATIONS.map((o) => o.taxCode)]);
  const orgs = generateOrganizations(20200515, 400, reserved);

  it('gives the same registry for the same seed, another for another seed', () => {
    expect(generateOrganizations(20200515, 400, reserved)).toEqual(orgs);
    expect(generateOrganizations(7, 400, reserved)).not.toEqual(orgs);
  });

  it('gives every organisation a valid, normalised, unique code, never a reserved one', () => {
    expect(new Set(orgs.map((o) => o.taxCode)).size).toBe(orgs.length);
    for (const org of orgs) {
      const check = checkTaxCode(org.taxCode);
      expect(check.valid && check.parts.normalized).toBe(org.taxCode);
      expect(reserved.has(org.taxCode)).toBe(false);
    }
  });

  it('issues codes with the prefix of the province of the head office, branches under an enterprise that exists', () => {
    const codes = new Set(orgs.map((o) => o.taxCode));
    const enterprises = orgs.filter((o) => !o.taxCode.includes('-'));
    const branches = orgs.filter((o) => o.taxCode.includes('-'));
    expect(enterprises).toHaveLength(400);
    expect(branches.length).toBeGreaterThan(20);
    for (const org of enterprises) expect(org.taxCode.slice(0, 2)).toBe(TAX_PROVINCE_PREFIXES[org.headOfficeAddress.province]);
    for (const branch of branches) {
      const parent = orgs.find((o) => o.taxCode === branch.taxCode.slice(0, 10))!;
      expect(codes.has(parent.taxCode)).toBe(true);
      expect(branch.name).toBe(`Chi nhánh ${parent.name} tại ${branch.name.split(' tại ').pop()}`);
      expect(branch.legalForm).toBe('Chi nhánh');
      expect(branch.registrationDate >= parent.registrationDate).toBe(true);
      if (parent.status === ORGANIZATION_STATUSES.DISSOLVED) expect(branch.status).toBe(ORGANIZATION_STATUSES.DISSOLVED);
    }
  });

  it('writes Vietnamese names by legal form, real dates, and known statuses', () => {
    const prefixes = /^(Công ty TNHH|Công ty Cổ phần|Doanh nghiệp tư nhân|Công ty Hợp danh|Chi nhánh) /;
    for (const org of orgs) {
      expect(org.name).toMatch(prefixes);
      expect(new Date(`${org.registrationDate}T00:00:00Z`).toISOString().slice(0, 10)).toBe(org.registrationDate);
      expect(Object.values(ORGANIZATION_STATUSES)).toContain(org.status);
      if (org.englishName) expect(org.englishName).toMatch(/^[A-Z ]+$/);
    }
    for (const form of ['Công ty TNHH ', 'Công ty Cổ phần ', 'Doanh nghiệp tư nhân ']) {
      expect(orgs.some((o) => o.name.startsWith(form))).toBe(true);
    }
    expect(orgs.filter((o) => o.status === ORGANIZATION_STATUSES.ACTIVE).length).toBeGreaterThan(orgs.length * 0.7);
  });

  it('gives representatives valid, unique personal ids and addresses in current administrative units', () => {
    const ids = orgs.map((o) => o.legalRepresentative!.personalId!);
    expect(new Set(ids).size).toBe(ids.length);
    for (const org of orgs) {
      expect(checkPersonalId(org.legalRepresentative!.personalId!).valid).toBe(true);
      expect(org.headOfficeAddress.commune).toMatch(/^(Phường|Xã|Đặc khu) /);
      expect(org.headOfficeAddress.province).toMatch(/^(Thành phố|Tỉnh) /);
      expect(org.headOfficeAddress.full).toContain(org.headOfficeAddress.commune);
    }
  });
});

describe('fixed organisations', () => {
  it('have valid codes, and the documented absent code is valid too', () => {
    for (const org of FIXED_ORGANIZATIONS) expect(checkTaxCode(org.taxCode).valid).toBe(true);
    expect(checkTaxCode(ABSENT_TAX_CODE).valid).toBe(true);
  });

  it('are represented by the population simulator’s fixed people, the demo citizen heading the demo company', () => {
    const demo = FIXED_ORGANIZATIONS.find((o) => o.taxCode === DEMO_ORGANIZATION_TAX_CODE)!;
    expect(demo.legalRepresentative?.personalId).toBe(DEMO_CITIZEN_ID);
    for (const org of FIXED_ORGANIZATIONS) {
      const rep = org.legalRepresentative!;
      expect(fixedPerson(rep.personalId!)?.fullName).toBe(rep.fullName);
    }
  });
});

describe('business registry simulator over SOAP', () => {
  let sim: BusinessRegistrySimulator;
  let wsdlUrl: string;

  beforeAll(async () => {
    sim = createBusinessRegistrySimulator({ organizations: 30 });
    ({ wsdlUrl } = await sim.start());
  });

  afterAll(async () => {
    await sim.stop();
  });

  it('answers what it holds, in one batch call, and nothing for the absent code', async () => {
    const client = createBusinessRegistryClient({ wsdlUrl });
    const generated = sim.organizations[sim.organizations.length - 1];
    const before = sim.calls.total;
    const found = await client.lookupMany([DEMO_ORGANIZATION_TAX_CODE, ABSENT_TAX_CODE, generated.taxCode.replace('-', '')], audit);
    expect(sim.calls.total - before).toBe(1);
    expect([...found.keys()].sort()).toEqual([DEMO_ORGANIZATION_TAX_CODE, generated.taxCode].sort());
    expect(found.get(generated.taxCode)).toEqual(generated);
    expect(await client.lookup(ABSENT_TAX_CODE, audit)).toBeNull();
    expect(await client.lookup(DEMO_ORGANIZATION_TAX_CODE, audit)).toEqual(FIXED_ORGANIZATIONS[0]);
  });

  it('answers UNAVAILABLE while switched off, and delays by the latency set', async () => {
    const client = createBusinessRegistryClient({ wsdlUrl, timeoutMs: 500 });
    await client.lookup(DEMO_ORGANIZATION_TAX_CODE, audit); // WSDL loaded
    sim.setAvailable(false);
    await expect(client.lookup(DEMO_ORGANIZATION_TAX_CODE, audit)).rejects.toMatchObject({ code: 'UNAVAILABLE', system: 'CSDL_DKDN' });
    sim.setAvailable(true);
    sim.setLatency(3000);
    const started = Date.now();
    const err = await client.lookup(DEMO_ORGANIZATION_TAX_CODE, audit).catch((e: unknown) => e);
    sim.setLatency(0);
    expect(err).toBeInstanceOf(AdapterError);
    expect(err).toMatchObject({ code: 'TIMEOUT' });
    expect(Date.now() - started).toBeLessThan(3000);
  });
});
