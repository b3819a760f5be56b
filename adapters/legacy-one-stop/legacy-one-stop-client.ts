/**
 * Client of a legacy one-stop system's integration API (VNPT-iGate style, REST/JSON, `X-API-Key`) on
 * the adapter kit: timeout, circuit breaker, metrics and typed errors (AdapterError; callers facing
 * GraphQL turn it into UPSTREAM_UNAVAILABLE / UPSTREAM_TIMEOUT / UPSTREAM_BAD_RESPONSE with the kit's
 * toLienthongError). Both operations may be retried: reading changes has no effect, and a status
 * update is keyed by its event id (maSuKien), which the legacy system applies once.
 */
import { AdapterError } from '../kit';
import { createJsonApiUpstream, type JsonApiClientOptions, type JsonValue, type RestUpstream } from '../rest';
import { fromWirePage, LEGACY_ONE_STOP_SYSTEM, type LegacyChangePage } from './legacy-dossier';

export interface LegacyStatusUpdate {
  /** The legacy dossier code. */
  dossierCode: string;
  /** The legacy status code to set, from the status table. */
  legacyStatus: string;
  /** Ghi chú shown to the legacy desk. */
  note: string | null;
  /** When the change happened in the hub. */
  at: Date;
  /** Idempotency key of the update (the hub's outbox event id): sent twice, applied once. */
  eventId: string;
}

export interface LegacyOneStopClient {
  readonly system: string;
  /** Dossiers changed after `cursor` (empty: from the beginning), at most `limit`, in change order. */
  changesSince(cursor: string, limit: number): Promise<LegacyChangePage>;
  /** Sets a dossier's status in the legacy system; resolves once it acknowledged the update. */
  pushStatus(update: LegacyStatusUpdate): Promise<void>;
  /** Stops the circuit breaker's timers. */
  close(): void;
}

export interface LegacyOneStopClientOptions extends JsonApiClientOptions {
  /** Name of the system in errors and metrics (and the dossiers' legacySystem). @default "VNPT_IGATE" */
  system?: string;
}

const METHOD_OVERRIDE = { 'x-http-method-override': 'PUT' };

/** Largest page a caller may ask for: the legacy API caps pages too. */
export const MAX_PAGE_SIZE = 500;

class RestLegacyOneStopClient implements LegacyOneStopClient {
  readonly system: string;
  private readonly upstream: RestUpstream<JsonValue>;

  constructor(options: LegacyOneStopClientOptions) {
    this.system = options.system ?? LEGACY_ONE_STOP_SYSTEM;
    this.upstream = createJsonApiUpstream(options, this.system, {
      danhSachHoSo: { method: 'GET', path: '/api/v1/hoso', query: ['capNhatTu', 'gioiHan'] },
      capNhatTrangThai: {
        // The API's method is PUT; the kit's REST client speaks GET and POST, so the call goes as
        // POST with `X-HTTP-Method-Override: PUT`, which the legacy API honours.
        method: 'POST',
        path: '/api/v1/hoso/{maHoSo}/trangthai',
        body: (input) => ({ trangThai: input.trangThai, ghiChu: input.ghiChu, thoiGian: input.thoiGian, maSuKien: input.maSuKien }),
      },
    });
  }

  async changesSince(cursor: string, limit: number): Promise<LegacyChangePage> {
    const gioiHan = Math.max(1, Math.min(MAX_PAGE_SIZE, Math.floor(limit)));
    const { body } = await this.upstream.callUpstream('danhSachHoSo', { capNhatTu: cursor, gioiHan }, { idempotent: true });
    return fromWirePage(body, cursor, this.system);
  }

  async pushStatus(update: LegacyStatusUpdate): Promise<void> {
    const input = {
      maHoSo: update.dossierCode,
      trangThai: update.legacyStatus,
      ghiChu: update.note ?? '',
      thoiGian: update.at.toISOString(),
      maSuKien: update.eventId,
    };
    const { body } = await this.upstream.callUpstream('capNhatTrangThai', input, { idempotent: true, meta: { headers: METHOD_OVERRIDE } });
    if ((body as { thanhCong?: unknown } | null)?.thanhCong !== true) {
      throw new AdapterError('BAD_RESPONSE', this.system, `status update of ${update.dossierCode} not acknowledged`);
    }
  }

  close(): void {
    this.upstream.close();
  }
}

/** The client of a legacy one-stop system. */
export function createLegacyOneStopClient(options: LegacyOneStopClientOptions): LegacyOneStopClient {
  return new RestLegacyOneStopClient(options);
}
