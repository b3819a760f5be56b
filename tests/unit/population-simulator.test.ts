/** The population database simulator behaves like the real service: WSDL, data, faults, outages. */
import {
  ABSENT_PERSONAL_ID,
  createPopulationDbClient,
  createPopulationDbSimulator,
  FIXED_PEOPLE,
  type PopulationDbSimulator,
} from '../../adapters/population-db';
import { AdapterError, SoapClient } from '../../adapters/soap';

const audit = { requestId: 'sim-test', actor: 'operator', purpose: 'kiểm tra' };

describe('population database simulator', () => {
  let sim: PopulationDbSimulator;
  let wsdlUrl: string;
  let url: string;

  beforeAll(async () => {
    sim = createPopulationDbSimulator({ people: 50, seed: 1 });
    ({ url, wsdlUrl } = await sim.start());
  });

  afterAll(async () => {
    await sim.stop();
  });

  afterEach(() => {
    sim.setAvailable(true);
    sim.setLatency(0);
  });

  const rejection = (promise: Promise<unknown>) =>
    promise.then(
      () => {
        throw new Error('expected a failure');
      },
      (err: unknown) => err as AdapterError,
    );

  it('serves its WSDL with its own address', async () => {
    const res = await fetch(wsdlUrl);
    const text = await res.text();
    expect(res.status).toBe(200);
    expect(text).toContain('targetNamespace="urn:vn:gov:dancu:tracuu:v1"');
    expect(text).toContain(`<soap:address location="${url}"/>`);
  });

  it('holds the fixed people, exactly as fixtures.ts documents them', async () => {
    const client = createPopulationDbClient({ wsdlUrl });
    const found = await client.lookupMany(FIXED_PEOPLE.map((p) => p.personalId), audit);
    expect([...found.values()]).toEqual(FIXED_PEOPLE);
    expect(await client.lookup(ABSENT_PERSONAL_ID, audit)).toBeNull();
  });

  it('answers faults for bad input, which the client reports as FAULT', async () => {
    const client = createPopulationDbClient({ wsdlUrl });
    const badId = await rejection(client.lookup('12345', audit));
    expect(badId).toMatchObject({ code: 'FAULT', fault: { localCode: 'Client.SoDinhDanhKhongHopLe' } });
    const tooMany = Array.from({ length: 101 }, (_, i) => `0010900${String(i).padStart(5, '0')}`);
    const raw = new SoapClient({ system: 'CSDLQG_DAN_CU', wsdl: wsdlUrl });
    const header = [{ name: 'ThongTinYeuCau', value: { MaYeuCau: 'r', MaDonVi: 'u', NguoiTraCuu: 'a', MucDich: 'p' } }];
    expect(await rejection(raw.call('TraCuuNhieuCongDan', { SoDinhDanh: tooMany }, { headers: header }))).toMatchObject({
      code: 'FAULT',
      fault: { localCode: 'Client.YeuCauKhongHopLe' },
    });
    expect(await rejection(raw.call('TraCuuCongDan', { SoDinhDanh: FIXED_PEOPLE[0].personalId }))).toMatchObject({
      code: 'FAULT',
      fault: { localCode: 'Client.ThieuThongTinYeuCau' },
    });
  });

  it('counts calls per operation', async () => {
    const client = createPopulationDbClient({ wsdlUrl });
    const before = { total: sim.calls.total, one: sim.calls.byOperation.TraCuuCongDan ?? 0 };
    await client.lookup(FIXED_PEOPLE[1].personalId, audit);
    await client.lookupMany([FIXED_PEOPLE[1].personalId], audit);
    expect(sim.calls.total - before.total).toBe(2);
    expect((sim.calls.byOperation.TraCuuCongDan ?? 0) - before.one).toBe(1);
  });

  it('can be switched off (UNAVAILABLE, retryable) and slowed down (TIMEOUT)', async () => {
    // 1 s, not less: the first call also loads the WSDL, and a loaded CI machine took over 300 ms for it.
    const client = createPopulationDbClient({ wsdlUrl, timeoutMs: 1000 });
    sim.setAvailable(false);
    expect(await rejection(client.lookup(FIXED_PEOPLE[0].personalId, audit))).toMatchObject({ code: 'UNAVAILABLE', retryable: true, httpStatus: 503 });
    sim.setAvailable(true);
    sim.setLatency(3000);
    expect(await rejection(client.lookup(FIXED_PEOPLE[0].personalId, audit))).toMatchObject({ code: 'TIMEOUT', retryable: true });
    sim.setLatency(0);
    await expect(client.lookup(FIXED_PEOPLE[0].personalId, audit)).resolves.toMatchObject({ fullName: 'Nguyễn Văn An' });
  });
});
