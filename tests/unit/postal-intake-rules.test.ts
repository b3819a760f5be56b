/**
 * Postal intake without I/O: what the carrier's tracking means for a pickup (forward only, delivery
 * time from the DELIVERED event), which intake errors refuse the papers and which are retried, and
 * the submission kept until the papers arrive.
 */
import type { PostalTracking, PostalTrackingStatus } from '../../adapters/postal';
import { SubmissionChannel } from '../../subgraphs/dossiers/dossier/dossier-status';
import { ReturnMethod } from '../../subgraphs/dossiers/intake/return-method';
import {
  deliveredSubmission,
  PostalIntakeStatus,
  readStoredSubmission,
  refusalOf,
  toStoredSubmission,
  trackingOutcome,
} from '../../subgraphs/dossiers/postal-intake/postal-intake-rules';
import { ErrorCode, LienthongError } from '../../subgraphs/shared/errors';
import { applicantOf } from '../../subgraphs/dossiers/intake/intake-rules';
import type { SubmitDossierInput } from '../../subgraphs/dossiers/intake/submit-dossier.input';
import type { Principal } from '../../subgraphs/shared/auth/principal';

const at = (iso: string) => new Date(iso);
function tracking(status: PostalTrackingStatus, events: Array<[PostalTrackingStatus, string]>): PostalTracking {
  return {
    orderId: 'VNP261130000001',
    trackingCode: 'EP100000015VN',
    status,
    events: events.map(([s, time]) => ({ status: s, at: at(time), location: 'Bưu cục', description: '' })),
  };
}

describe('trackingOutcome', () => {
  const created: Array<[PostalTrackingStatus, string]> = [['CREATED', '2026-11-30T01:00:00Z']];

  it('moves a pickup forward only', () => {
    const picked = tracking('PICKED_UP', [...created, ['PICKED_UP', '2026-11-30T02:00:00Z']]);
    expect(trackingOutcome(PostalIntakeStatus.REQUESTED, picked)).toEqual({ kind: 'MOVE', status: 'PICKED_UP' });
    expect(trackingOutcome(PostalIntakeStatus.PICKED_UP, picked)).toEqual({ kind: 'WAIT' });
    // A lagging answer never moves a pickup back.
    expect(trackingOutcome(PostalIntakeStatus.IN_TRANSIT, picked)).toEqual({ kind: 'WAIT' });
    const moving = tracking('IN_TRANSIT', [...created, ['IN_TRANSIT', '2026-11-30T03:00:00Z']]);
    expect(trackingOutcome(PostalIntakeStatus.REQUESTED, moving)).toEqual({ kind: 'MOVE', status: 'IN_TRANSIT' });
    expect(trackingOutcome(PostalIntakeStatus.RECEIVING, moving)).toEqual({ kind: 'WAIT' });
    expect(trackingOutcome(PostalIntakeStatus.REQUESTED, tracking('CREATED', created))).toEqual({ kind: 'WAIT' });
  });

  it('takes the delivery time from the last DELIVERED event, and waits for a delivery without one', () => {
    const delivered = tracking('DELIVERED', [
      ...created,
      ['DELIVERED', '2026-11-30T04:00:00Z'],
      ['DELIVERED', '2026-11-30T05:30:00Z'],
    ]);
    expect(trackingOutcome(PostalIntakeStatus.IN_TRANSIT, delivered)).toEqual({ kind: 'DELIVERED', at: at('2026-11-30T05:30:00Z') });
    expect(trackingOutcome(PostalIntakeStatus.RECEIVING, delivered)).toEqual({ kind: 'DELIVERED', at: at('2026-11-30T05:30:00Z') });
    expect(trackingOutcome(PostalIntakeStatus.IN_TRANSIT, tracking('DELIVERED', created))).toEqual({ kind: 'WAIT' });
  });

  it('reports a returned item', () => {
    expect(trackingOutcome(PostalIntakeStatus.PICKED_UP, tracking('RETURNED', [...created, ['RETURNED', '2026-12-01T01:00:00Z']]))).toEqual({ kind: 'RETURNED' });
  });
});

describe('refusalOf', () => {
  const now = at('2026-11-30T06:00:00Z');

  it('keeps a typed refusal with both messages and its details', () => {
    const err = new LienthongError(ErrorCode.BAD_USER_INPUT, { vi: 'Không nhận qua bưu chính.', en: 'No postal dossiers.', details: { field: 'channel', methods: ['IN_PERSON'] } });
    expect(refusalOf(err, now)).toEqual({
      code: 'BAD_USER_INPUT',
      vi: 'Không nhận qua bưu chính.',
      en: 'No postal dossiers.',
      details: { field: 'channel', methods: ['IN_PERSON'] },
      at: '2026-11-30T06:00:00.000Z',
    });
    expect(refusalOf(new LienthongError(ErrorCode.PROCEDURE_NOT_FOUND), now)?.code).toBe('PROCEDURE_NOT_FOUND');
  });

  it('treats failures of the hub or its upstreams as transient', () => {
    for (const code of [ErrorCode.UPSTREAM_UNAVAILABLE, ErrorCode.UPSTREAM_TIMEOUT, ErrorCode.INTERNAL_SERVER_ERROR]) {
      expect(refusalOf(new LienthongError(code), now)).toBeNull();
    }
    expect(refusalOf(new Error('connection reset'), now)).toBeNull();
  });
});

describe('stored submission', () => {
  it('keeps what the dossier will be filed with and rebuilds the POSTAL intake input on delivery', () => {
    const stored = toStoredSubmission({ formData: { hoTen: 'Nguyễn Văn An' }, caseCode: 'CAN_XAC_MINH', returnMethod: ReturnMethod.POSTAL, postalAddress: undefined });
    expect(stored).toEqual({ formData: { hoTen: 'Nguyễn Văn An' }, caseCode: 'CAN_XAC_MINH', subjectTaxCode: null, returnMethod: 'POSTAL', postalAddress: null });
    const back = readStoredSubmission(JSON.parse(JSON.stringify(stored)));
    expect(back).toEqual(stored);
    const input = deliveredSubmission({ id: 'abc', procedureCode: '2.001417', pickupAddress: 'Số 1 phố Huế, Phường Hai Bà Trưng, Thành phố Hà Nội', trackingCode: 'EP100000015VN' }, back);
    expect(input).toEqual({
      procedureCode: '2.001417',
      formData: { hoTen: 'Nguyễn Văn An' },
      caseCode: 'CAN_XAC_MINH',
      subjectTaxCode: null,
      returnMethod: 'POSTAL',
      postalAddress: null,
      channel: SubmissionChannel.POSTAL,
      postalIntake: { trackingCode: 'EP100000015VN', senderAddress: 'Số 1 phố Huế, Phường Hai Bà Trưng, Thành phố Hà Nội' },
      idempotencyKey: 'postal-intake:abc',
    });
  });

  it('reads a refusal kept beside the submission', () => {
    const refusal = { code: 'BAD_USER_INPUT', vi: 'a', en: 'b', details: {}, at: '2026-11-30T06:00:00.000Z' };
    expect(readStoredSubmission({ formData: {}, returnMethod: 'COUNTER', refusal }).refusal).toEqual(refusal);
  });
});

describe('intake on behalf of a citizen whose papers the carrier brings', () => {
  const citizen: Principal = { id: 'citizen:001090012345', role: 'CITIZEN', personalId: '001090012345' };
  const input = (channel: SubmissionChannel) => ({ procedureCode: '2.001417', formData: {}, channel, returnMethod: ReturnMethod.COUNTER }) as SubmitDossierInput;

  it('lets a citizen file POSTAL only with the carrier origin, which GraphQL input cannot carry', () => {
    expect(applicantOf(citizen, input(SubmissionChannel.POSTAL), { deliveredAt: new Date() })).toBe('001090012345');
    expect(applicantOf(citizen, input(SubmissionChannel.POSTAL), { deliveredAt: null })).toBe('001090012345');
    expect(() => applicantOf(citizen, input(SubmissionChannel.POSTAL))).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
    expect(() => applicantOf(citizen, input(SubmissionChannel.ONLINE), { deliveredAt: null })).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
    expect(applicantOf(citizen, input(SubmissionChannel.ONLINE))).toBe('001090012345');
  });
});
