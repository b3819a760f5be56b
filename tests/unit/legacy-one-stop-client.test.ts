/**
 * The legacy one-stop client against its simulator (local HTTP): pages of changes in change order
 * with per-record cursors, idempotent status updates, and typed failures (HTTP 500 → UNAVAILABLE,
 * no answer → TIMEOUT, a malformed record → BAD_RESPONSE naming the field), as catalogue codes.
 */
import {
  createLegacyOneStopClient,
  createLegacyOneStopSimulator,
  fromWirePage,
  SEED_DOSSIERS,
  type LegacyOneStopClient,
  type LegacyOneStopSimulator,
} from '../../adapters/legacy-one-stop';
import { AdapterError, toLienthongError } from '../../adapters/kit';

describe('legacy one-stop client and simulator', () => {
  let legacy: LegacyOneStopSimulator;
  let client: LegacyOneStopClient;
  let baseUrl: string;

  beforeAll(async () => {
    legacy = createLegacyOneStopSimulator({ apiKey: 'k' });
    baseUrl = (await legacy.start()).baseUrl;
    client = createLegacyOneStopClient({ baseUrl, apiKey: 'k', timeoutMs: 500, circuit: false, retry: { attempts: 1 } });
  });

  afterAll(async () => {
    client?.close();
    await legacy?.stop();
  });

  const failure = (promise: Promise<unknown>) => promise.then(() => undefined, (err: unknown) => err);

  it('reads changes page by page, in change order, each record with its own cursor', async () => {
    const first = await client.changesSince('', 3);
    expect(first.dossiers).toHaveLength(3);
    expect(first.hasMore).toBe(true);
    expect(first.nextCursor).toBe(first.dossiers[2].cursor);
    const rest = await client.changesSince(first.nextCursor, 10);
    expect(rest.hasMore).toBe(false);
    const all = [...first.dossiers, ...rest.dossiers];
    expect(all).toHaveLength(SEED_DOSSIERS.length);
    expect(all[0]).toMatchObject({ procedureCode: '2.001417', agencyCode: '000.00.12.H26', channel: 'COUNTER', legacyStatus: '2' });
    expect(all[0].code).toMatch(/^G22\.26-\d{6}-\d{6}$/);
    expect(await client.changesSince(rest.nextCursor, 10)).toEqual({ dossiers: [], hasMore: false, nextCursor: rest.nextCursor });
  });

  it('applies a status update once per event id, and lists the dossier as changed', async () => {
    const { nextCursor } = await client.changesSince('', 100);
    const code = legacy.dossiers()[1].maHoSo;
    const update = { dossierCode: code, legacyStatus: '2', note: 'Đã tiếp nhận', at: new Date(), eventId: '42' };
    await client.pushStatus(update);
    await client.pushStatus(update);
    expect(legacy.pushes().filter((p) => p.maSuKien === '42')).toHaveLength(1);
    const changed = await client.changesSince(nextCursor, 100);
    expect(changed.dossiers.map((d) => [d.code, d.legacyStatus])).toEqual([[code, '2']]);
  });

  it('fails typed: HTTP 500 is UPSTREAM_UNAVAILABLE, no answer is UPSTREAM_TIMEOUT', async () => {
    legacy.failNext(1, 'ERROR');
    const down = await failure(client.changesSince('', 5));
    expect(down).toBeInstanceOf(AdapterError);
    expect(toLienthongError(down).extensions.code).toBe('UPSTREAM_UNAVAILABLE');
    legacy.failNext(1, 'TIMEOUT');
    const silent = await failure(client.changesSince('', 5));
    expect((silent as AdapterError).code).toBe('TIMEOUT');
    expect(toLienthongError(silent).extensions.code).toBe('UPSTREAM_TIMEOUT');
    expect((await client.changesSince('', 1)).dossiers).toHaveLength(1); // and back to normal
  });

  it('refuses a wrong API key and a malformed record, naming the field', async () => {
    const stranger = createLegacyOneStopClient({ baseUrl, apiKey: 'wrong', timeoutMs: 500, circuit: false, retry: { attempts: 1 } });
    const refused = await failure(stranger.changesSince('', 1));
    stranger.close();
    expect(toLienthongError(refused).extensions.code).toBe('UPSTREAM_BAD_RESPONSE');
    const record = { ...legacy.dossiers()[0], chuHoSo: { hoTen: 'Trần Thị Bích Ngọc' } };
    const malformed = (() => {
      try {
        return fromWirePage({ data: [record], conTiep: false, conTro: '1' }, '');
      } catch (err) {
        return err;
      }
    })();
    expect(malformed).toBeInstanceOf(AdapterError);
    expect((malformed as AdapterError).message).toContain('data[0].chuHoSo.soDinhDanh');
    expect(toLienthongError(malformed).extensions.code).toBe('UPSTREAM_BAD_RESPONSE');
  });
});
