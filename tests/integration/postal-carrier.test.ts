/**
 * The postal carrier adapter over real HTTP against its simulator: orders are idempotent by our
 * reference, tracking moves, creations are never retried while tracking reads are, and every
 * failure is a typed AdapterError.
 */
import { AdapterError, toLienthongError } from '../../adapters/kit';
import { createPostalClient, createPostalSimulator, isValidTrackingCode, type PostalClient, type PostalOrderRequest, type PostalSimulator } from '../../adapters/postal';

const request = (reference: string): PostalOrderRequest => ({
  reference,
  sender: { name: 'Sở Tư pháp Thành phố Hà Nội', address: { detail: '1B Trần Phú', commune: 'Phường Hà Đông', province: 'Thành phố Hà Nội' } },
  recipient: {
    name: 'Nguyễn Văn An',
    phone: '0912345678',
    address: { detail: 'Số 12 đường Nguyễn Huệ', commune: 'Phường Sài Gòn', province: 'Thành phố Hồ Chí Minh' },
  },
  contents: 'Kết quả giải quyết TTHC: Phiếu lý lịch tư pháp số 1',
});

describe('postal carrier adapter', () => {
  let simulator: PostalSimulator;
  let client: PostalClient;
  let baseUrl: string;

  beforeAll(async () => {
    simulator = createPostalSimulator({ apiKey: 'test-postal-key' });
    baseUrl = (await simulator.start()).baseUrl;
    client = createPostalClient({ baseUrl, apiKey: 'test-postal-key', timeoutMs: 2000, circuit: false, retry: { attempts: 3, baseDelayMs: 10, maxDelayMs: 20 } });
  });

  afterAll(async () => {
    client?.close();
    await simulator?.stop();
  });

  beforeEach(() => {
    simulator.setAvailable(true);
    simulator.setFailureRate(0);
  });

  it('creates a delivery order once per reference and tells where the item is', async () => {
    const first = await client.createDeliveryOrder(request('000.00.12.H26-261130-0001'));
    expect(first).toMatchObject({ kind: 'DELIVERY', reference: '000.00.12.H26-261130-0001', status: 'CREATED', feeVnd: 32_000 });
    expect(isValidTrackingCode(first.trackingCode)).toBe(true);
    const again = await client.createDeliveryOrder(request('000.00.12.H26-261130-0001'));
    expect(again.orderId).toBe(first.orderId);
    expect(again.trackingCode).toBe(first.trackingCode);
    expect(simulator.orders().filter((o) => o.maThamChieu === '000.00.12.H26-261130-0001')).toHaveLength(1);

    simulator.advance(first.trackingCode);
    simulator.advance(first.trackingCode);
    const tracking = await client.tracking(first.trackingCode);
    expect(tracking?.status).toBe('IN_TRANSIT');
    expect(tracking?.events.map((e) => e.status)).toEqual(['CREATED', 'PICKED_UP', 'IN_TRANSIT']);
    expect(tracking?.events[0].location).toBe('Bưu cục Trung tâm Hà Nội');
  });

  it('keeps pickup and delivery orders of one dossier apart', async () => {
    const pickup = await client.createPickupOrder(request('000.00.12.H26-261130-0002'));
    const delivery = await client.createDeliveryOrder(request('000.00.12.H26-261130-0002'));
    expect(pickup.kind).toBe('PICKUP');
    expect(pickup.trackingCode.startsWith('EP')).toBe(true);
    expect(delivery.orderId).not.toBe(pickup.orderId);
  });

  it('answers null for an unknown or malformed tracking code without failing', async () => {
    expect(await client.tracking('EL999999990VN')).toBeNull();
    const calls = simulator.calls.total;
    expect(await client.tracking('EL123')).toBeNull();
    expect(simulator.calls.total).toBe(calls); // refused by its check digit, never sent
  });

  it('never retries a creation, but retries a tracking read, when the carrier is down', async () => {
    const order = await client.createDeliveryOrder(request('000.00.12.H26-261130-0003'));
    simulator.setAvailable(false);
    const before = simulator.calls.byOperation.taoDonChuyenPhat ?? 0;
    const failure = await client.createDeliveryOrder(request('000.00.12.H26-261130-0004')).catch((e) => e);
    expect(failure).toBeInstanceOf(AdapterError);
    expect(failure.code).toBe('UNAVAILABLE');
    expect(toLienthongError(failure).code).toBe('UPSTREAM_UNAVAILABLE');
    expect(simulator.calls.byOperation.taoDonChuyenPhat).toBe(before + 1);

    const reads = simulator.calls.byOperation.traCuuHanhTrinh ?? 0;
    await expect(client.tracking(order.trackingCode)).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    expect(simulator.calls.byOperation.traCuuHanhTrinh).toBe(reads + 3);
  });

  it('refuses a wrong API key and an address it cannot route, as typed faults', async () => {
    const stranger = createPostalClient({ baseUrl, apiKey: 'wrong-key-123', circuit: false });
    try {
      await expect(stranger.createDeliveryOrder(request('X-1'))).rejects.toMatchObject({ code: 'FAULT', httpStatus: 401 });
    } finally {
      stranger.close();
    }
    const bad = request('X-2');
    bad.recipient.address = { ...bad.recipient.address, province: 'Tỉnh Hà Giang' };
    await expect(client.createDeliveryOrder(bad)).rejects.toMatchObject({ code: 'FAULT', httpStatus: 422 });
    expect(simulator.orders().some((o) => o.maThamChieu === 'X-2')).toBe(false);
  });

  it('times out on a slow carrier within the call deadline', async () => {
    const hasty = createPostalClient({ baseUrl, apiKey: 'test-postal-key', timeoutMs: 100, circuit: false });
    simulator.setLatency(400);
    try {
      await expect(hasty.createDeliveryOrder(request('X-3'))).rejects.toMatchObject({ code: 'TIMEOUT' });
    } finally {
      simulator.setLatency(0);
      hasty.close();
    }
  });
});
