/**
 * Client of the postal carrier's partner API (REST/JSON) on the adapter kit: timeout, typed
 * AdapterErrors, circuit breaker, metrics. Only tracking reads are retried. Creating an order is
 * never retried here: the carrier keys orders by our reference (the dossier code), so the caller may
 * safely repeat a call that failed, and gets the same order rather than a second pickup or parcel.
 */
import { AdapterError } from '../kit';
import { createJsonApiUpstream, type JsonApiClientOptions, type JsonValue, type RestUpstream } from '../rest';
import { fromDonHang, fromHanhTrinh, POSTAL_SYSTEM, toWireOrder, type PostalOrder, type PostalOrderKind, type PostalOrderRequest, type PostalTracking } from './postal-order';
import { isValidTrackingCode } from './tracking-code';

export interface PostalClient {
  readonly system: string;
  /** Thu gom: the carrier collects a paper dossier from the applicant and brings it to the agency. */
  createPickupOrder(request: PostalOrderRequest): Promise<PostalOrder>;
  /** Chuyển phát: the carrier takes a result from the agency to the applicant. */
  createDeliveryOrder(request: PostalOrderRequest): Promise<PostalOrder>;
  /** Where an item is; null for a code the carrier does not know (or a malformed one). */
  tracking(trackingCode: string): Promise<PostalTracking | null>;
  /** Stops the circuit breaker's timers. */
  close(): void;
}

export interface PostalClientOptions extends JsonApiClientOptions {
  /** Name of this carrier in errors and metrics. @default "BUU_CHINH_VNPOST" */
  system?: string;
}

class RestPostalClient implements PostalClient {
  readonly system: string;
  private readonly upstream: RestUpstream<JsonValue>;

  constructor(options: PostalClientOptions) {
    this.system = options.system ?? POSTAL_SYSTEM;
    this.upstream = createJsonApiUpstream(options, this.system, {
      taoDonThuGom: { method: 'POST', path: '/api/v1/don-hang/thu-gom' },
      taoDonChuyenPhat: { method: 'POST', path: '/api/v1/don-hang/chuyen-phat' },
      traCuuHanhTrinh: { method: 'GET', path: '/api/v1/hanh-trinh/{maVanDon}' },
    });
  }

  createPickupOrder(request: PostalOrderRequest): Promise<PostalOrder> {
    return this.create('PICKUP', 'taoDonThuGom', request);
  }

  createDeliveryOrder(request: PostalOrderRequest): Promise<PostalOrder> {
    return this.create('DELIVERY', 'taoDonChuyenPhat', request);
  }

  private async create(kind: PostalOrderKind, operation: string, request: PostalOrderRequest): Promise<PostalOrder> {
    if (!request.reference.trim()) throw new RangeError('a postal order needs a reference');
    if (!request.recipient.phone) throw new RangeError('the recipient of a postal order needs a phone number');
    const { body } = await this.upstream.callUpstream(operation, toWireOrder(request), { idempotent: false });
    const order = fromDonHang((body as { donHang?: unknown } | null)?.donHang);
    if (!order) throw new AdapterError('BAD_RESPONSE', this.system, 'order record not understood');
    // An order for another dossier would send someone else's result to this applicant.
    if (order.reference !== request.reference || order.kind !== kind) {
      throw new AdapterError('BAD_RESPONSE', this.system, `asked for a ${kind} order for ${request.reference}, got another`);
    }
    if (!isValidTrackingCode(order.trackingCode)) throw new AdapterError('BAD_RESPONSE', this.system, 'tracking code fails its check digit');
    return order;
  }

  async tracking(trackingCode: string): Promise<PostalTracking | null> {
    if (!isValidTrackingCode(trackingCode)) return null;
    try {
      const { body } = await this.upstream.callUpstream('traCuuHanhTrinh', { maVanDon: trackingCode }, { idempotent: true });
      const tracking = fromHanhTrinh((body as { hanhTrinh?: unknown } | null)?.hanhTrinh);
      if (!tracking || tracking.trackingCode !== trackingCode) throw new AdapterError('BAD_RESPONSE', this.system, 'tracking record not understood');
      return tracking;
    } catch (err) {
      if (err instanceof AdapterError && err.code === 'NOT_FOUND') return null;
      throw err;
    }
  }

  close(): void {
    this.upstream.close();
  }
}

/** The client of the postal carrier. */
export function createPostalClient(options: PostalClientOptions): PostalClient {
  return new RestPostalClient(options);
}
