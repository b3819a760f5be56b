/**
 * The legacy status-code table: the shipped file loads and maps both ways; a bad file is refused at
 * load naming the entry; an unknown legacy code is a typed error naming the code, never a guess.
 */
import { LegacyStatusTable, LegacyStatusTableError, type LegacyStatusTableSource } from '../../adapters/legacy-one-stop';
import shipped from '../../adapters/legacy-one-stop/legacy-status-codes.json';
import { LienthongError } from '../../subgraphs/shared/errors';

const copy = (): LegacyStatusTableSource => structuredClone(shipped);

describe('legacy status table', () => {
  const table = LegacyStatusTable.load();

  it('maps the legacy codes of VNPT-iGate to hub statuses and back', () => {
    expect(table.system).toBe('VNPT_IGATE');
    expect(['1', '2', '3', '4', '5', '6', '7'].map((c) => table.toHub(c).status)).toEqual([
      'NEW',
      'PROCESSING',
      'SUPPLEMENT_REQUESTED',
      'DONE',
      'RETURNED',
      'NOT_ACCEPTED',
      'STOPPED',
    ]);
    expect(table.toHub('3').label).toBe('Chờ bổ sung');
    expect(table.toLegacy('ACCEPTED').code).toBe('2');
    expect(table.toLegacy('WITHDRAWN').code).toBe('7');
    expect(table.agrees('2', 'ACCEPTED')).toBe(true);
    expect(table.agrees('2', 'DONE')).toBe(false);
  });

  it('refuses an unknown legacy code with a typed error naming it', () => {
    let error: unknown;
    try {
      table.toHub('9', 'G22.26-261128-000125');
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(LienthongError);
    expect((error as LienthongError).extensions).toMatchObject({
      code: 'UPSTREAM_BAD_RESPONSE',
      legacyStatus: '9',
      legacyCode: 'G22.26-261128-000125',
      reason: 'UNKNOWN_LEGACY_STATUS',
    });
    expect((error as LienthongError).message).toContain('"9"');
  });

  it.each([
    ['a legacy code mapped to no hub status', (s: LegacyStatusTableSource) => (s.legacyToHub['2'].status = 'DANG_XU_LY'), 'legacyToHub.2.status'],
    ['a hub status without a legacy code', (s: LegacyStatusTableSource) => delete s.hubToLegacy.WITHDRAWN, 'hubToLegacy.WITHDRAWN'],
    ['a hub status sent as an unknown legacy code', (s: LegacyStatusTableSource) => (s.hubToLegacy.DONE = '8'), 'hubToLegacy.DONE'],
    ['a status the hub does not have', (s: LegacyStatusTableSource) => (s.hubToLegacy.ARCHIVED = '5'), 'hubToLegacy.ARCHIVED'],
    ['a legacy status without its name', (s: LegacyStatusTableSource) => (s.legacyToHub['1'].label = ' '), 'legacyToHub.1.label'],
  ])('refuses %s at load, naming the entry', (_, spoil, path) => {
    const source = copy();
    spoil(source);
    expect(() => LegacyStatusTable.load(source)).toThrow(LegacyStatusTableError);
    expect(() => LegacyStatusTable.load(source)).toThrow(expect.objectContaining({ path }));
  });
});
