/**
 * The gateway answers errors in the caller's language (Vietnamese unless Accept-Language asks for
 * English), and never leaks the message of an error outside the catalogue.
 */
import type { GraphQLFormattedError } from 'graphql';
import { localizeError } from '../../gateway/plugins/localize-errors';
import { ERROR_CATALOGUE, ErrorCode, LienthongError } from '../../subgraphs/shared/errors';
import { localeFrom } from '../../subgraphs/shared/federation/context';

const notFound: GraphQLFormattedError = {
  message: 'Dossier H01 not found.',
  path: ['dossier'],
  locations: [{ line: 1, column: 3 }],
  extensions: {
    code: 'DOSSIER_NOT_FOUND',
    http: { status: 404 },
    messages: { vi: 'Không tìm thấy hồ sơ H01.', en: 'Dossier H01 not found.' },
    dossierCode: 'H01',
    stacktrace: ['Error: at resolver (dossiers.ts:10)'],
  },
};

describe('localeFrom', () => {
  it.each([
    [undefined, 'vi'],
    ['', 'vi'],
    ['vi-VN,vi;q=0.9', 'vi'],
    ['en-US,en;q=0.8', 'en'],
    ['EN', 'en'],
    ['fr-FR', 'vi'],
  ])('Accept-Language %p gives %p', (header, locale) => {
    expect(localeFrom(header)).toBe(locale);
  });
});

describe('localizeError', () => {
  it('gives the Vietnamese message of extensions.messages for the default locale', () => {
    const out = localizeError(notFound, localeFrom(undefined));
    expect(out.message).toBe('Không tìm thấy hồ sơ H01.');
    expect(out.path).toEqual(['dossier']);
    expect(out.locations).toEqual([{ line: 1, column: 3 }]);
    expect(out.extensions).toMatchObject({ code: 'DOSSIER_NOT_FOUND', http: { status: 404 }, dossierCode: 'H01' });
  });

  it('gives the English message for en', () => {
    expect(localizeError(notFound, 'en').message).toBe('Dossier H01 not found.');
  });

  it('drops the stack trace of a catalogue error and does not mutate its input', () => {
    const before = structuredClone(notFound);
    const out = localizeError(notFound, 'vi');
    expect(out.extensions).not.toHaveProperty('stacktrace');
    expect(notFound).toEqual(before);
  });

  it("falls back to the catalogue's message when the error carries none", () => {
    const bare: GraphQLFormattedError = { message: 'Access denied (policy p7)', extensions: { code: 'FORBIDDEN' } };
    expect(localizeError(bare, 'vi').message).toBe(ERROR_CATALOGUE.FORBIDDEN.vi);
    expect(localizeError(bare, 'en').message).toBe('Access denied.');
  });

  it("falls back to the catalogue's message for a language the error lacks", () => {
    const onlyEn: GraphQLFormattedError = { message: 'x', extensions: { code: 'CITIZEN_NOT_FOUND', messages: { en: 'No such citizen 0123.' } } };
    expect(localizeError(onlyEn, 'en').message).toBe('No such citizen 0123.');
    expect(localizeError(onlyEn, 'vi').message).toBe('Không tìm thấy công dân.');
  });

  it('localizes a LienthongError as the gateway receives it (formatted)', () => {
    const formatted = new LienthongError(ErrorCode.UPSTREAM_TIMEOUT, { vi: 'CSDL dân cư không trả lời.' }).toJSON();
    expect(localizeError(formatted, 'vi').message).toBe('CSDL dân cư không trả lời.');
    expect(localizeError(formatted, 'en').message).toBe(ERROR_CATALOGUE.UPSTREAM_TIMEOUT.en);
  });

  it.each([
    ['an unknown code', { message: 'connect ECONNREFUSED 10.0.0.5:5432', path: ['procedures'], extensions: { code: 'ECONNREFUSED', stacktrace: ['at pg'] } }],
    ['no code', { message: 'Cannot read properties of undefined (reading "id")', path: ['procedures'] }],
    ['a non-string code', { message: 'secret detail', path: ['procedures'], extensions: { code: 42 } }],
  ])('reports %s as INTERNAL_SERVER_ERROR without the original message', (_name, error: GraphQLFormattedError) => {
    for (const locale of ['vi', 'en'] as const) {
      const out = localizeError(error, locale);
      expect(out.message).toBe(ERROR_CATALOGUE.INTERNAL_SERVER_ERROR[locale]);
      expect(out.path).toEqual(['procedures']);
      expect(out.extensions).toEqual({
        code: 'INTERNAL_SERVER_ERROR',
        http: { status: 500 },
        messages: { vi: 'Lỗi hệ thống.', en: 'Internal error.' },
      });
      expect(JSON.stringify(out)).not.toContain(error.message);
    }
  });

  it.each(['GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED'])('passes %s through unchanged', (code) => {
    const error: GraphQLFormattedError = { message: 'Cannot query field "nope" on type "Query".', locations: [{ line: 1, column: 3 }], extensions: { code } };
    expect(localizeError(error, 'vi')).toBe(error);
    expect(localizeError(error, 'en')).toEqual({ message: 'Cannot query field "nope" on type "Query".', locations: [{ line: 1, column: 3 }], extensions: { code } });
  });
});
