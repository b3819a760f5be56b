/**
 * The registry refuses a wrong source before anything is stored: every issue at once, each naming the
 * mapping field it is about. Also: a required field that comes back empty at run time is a bad
 * response naming the field, never a null in a non-null field.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { AdapterValidationError, compileAdapter, unifiedSchemaFrom, withoutImportLocations, type AdapterSource, type MappingIssue } from '../../adapters/registry';
import { ErrorCode, LienthongError } from '../../subgraphs/shared/errors';

const FIXTURES = join(__dirname, '..', 'fixtures');
const unified = unifiedSchemaFrom(readFileSync(join(FIXTURES, 'adapter-registry', 'unified.graphql'), 'utf8'));
const VIES_WSDL = readFileSync(join(FIXTURES, 'third-party-wsdl', 'eu-vies', 'checkVatService.wsdl'), 'utf8');
const GOOD_VIES = readFileSync(join(FIXTURES, 'adapter-registry', 'eu-vies-valid', 'mapping.yaml'), 'utf8');

const vies = (mapping: string, format: AdapterSource['mappingFormat'] = 'YAML'): AdapterSource => ({
  kind: 'SOAP',
  serviceDescription: VIES_WSDL,
  endpoint: 'http://127.0.0.1:9/vies',
  mapping,
  mappingFormat: format,
});

/** The issues a source is refused with (fails the test when it is accepted). */
async function refusal(source: AdapterSource): Promise<MappingIssue[]> {
  const err = await compileAdapter(source, unified).then(
    (adapter) => {
      adapter.close();
      return undefined;
    },
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AdapterValidationError);
  const error = err as AdapterValidationError;
  expect(error.extensions.code).toBe(ErrorCode.ADAPTER_MAPPING_INVALID);
  expect(error.extensions.issues).toEqual(error.issues);
  return error.issues;
}

const issueAt = (issues: MappingIssue[], path: string) => issues.find((i) => i.path === path);

describe('a good mapping', () => {
  it('compiles, and says what a caller must give', async () => {
    const adapter = await compileAdapter(vies(GOOD_VIES), unified);
    try {
      expect(adapter).toMatchObject({ kind: 'SOAP', targetType: 'Organization', operation: 'checkVat', endpoint: 'http://127.0.0.1:9/vies' });
      expect(adapter.inputKeys).toEqual(['countryCode', 'taxCode']);
    } finally {
      adapter.close();
    }
  });
});

describe('refused mappings name the field', () => {
  it('a wrong operation', async () => {
    const issues = await refusal(vies(GOOD_VIES.replace('operation: checkVat', 'operation: checkVatNumber')));
    expect(issueAt(issues, 'operation')?.message).toMatch(/no operation checkVatNumber.*checkVat, checkVatApprox/);
  });

  it('a wrong output path', async () => {
    const issues = await refusal(vies(GOOD_VIES.replace('name: { path: name,', 'name: { path: traderName,')));
    expect(issueAt(issues, 'output.fields.name.path')?.message).toMatch(/no traderName in the answer.*members: countryCode, vatNumber/);
  });

  it('a wrong request field', async () => {
    const issues = await refusal(vies(GOOD_VIES.replace('  vatNumber: { from: taxCode', '  vatNo: { from: taxCode')));
    expect(issueAt(issues, 'input.vatNo')?.message).toMatch(/no vatNo in the request of checkVat/);
  });

  it('a field not on the target type', async () => {
    const issues = await refusal(vies(`${GOOD_VIES}    nickname: { path: name }\n`));
    expect(issueAt(issues, 'output.fields.nickname')?.message).toBe('Organization has no field nickname');
  });

  it('an object mapped as if it were a value', async () => {
    const issues = await refusal(vies(`${GOOD_VIES}    legalRepresentative: { path: name }\n`));
    expect(issueAt(issues, 'output.fields.legalRepresentative')?.message).toMatch(/is an object, not a leaf/);
  });

  it('a required field left unmapped, also inside a nested object', async () => {
    const mapping = GOOD_VIES.replace(/^ {4}legalForm:.*\n/m, '').replace(/^ {4}headOfficeAddress\.commune:.*\n/m, '');
    const issues = await refusal(vies(mapping));
    expect(issueAt(issues, 'output.fields.legalForm')?.message).toBe('required by Organization.legalForm (String!) but not mapped');
    expect(issueAt(issues, 'output.fields.headOfficeAddress.commune')?.message).toBe(
      'required by Organization.headOfficeAddress.commune (String!) but not mapped',
    );
  });

  it('a nullable nested object needs its required fields once it is mapped into', async () => {
    const issues = await refusal(vies(`${GOOD_VIES}    legalRepresentative.title: { const: Giám đốc }\n`));
    expect(issueAt(issues, 'output.fields.legalRepresentative.fullName')?.message).toMatch(/required by Organization.legalRepresentative.fullName/);
  });

  it('an enum value that is not in the enum', async () => {
    const mapping = [
      'target: VatRegistration',
      'operation: checkVat',
      'input: { countryCode: { from: country }, vatNumber: { from: vat } }',
      'output:',
      '  fields:',
      '    vatNumber: { path: vatNumber }',
      '    state: { path: valid, table: { "true": ACTIVE, "false": CLOSED } }',
    ].join('\n');
    const issues = await refusal(vies(mapping));
    expect(issueAt(issues, 'output.fields.state.table.false')?.message).toBe(
      '"CLOSED" is not a value of enum RegistrationState (ACTIVE, SUSPENDED, DISSOLVED)',
    );
    expect(issues).toHaveLength(1);
  });

  it('an unknown transform, and a transform with a bad argument', async () => {
    const mapping = GOOD_VIES.replace('transform: [trim, collapseWhitespace]', 'transform: [trim, titleCase]').replace(
      '"date(iso)"',
      '"date(yyyy)"',
    );
    const issues = await refusal(vies(mapping));
    expect(issueAt(issues, 'output.fields.name.transform[1]')?.message).toMatch(/^unknown transform "titleCase"; known: trim, upper/);
    expect(issueAt(issues, 'output.fields.registrationDate.transform[0]')?.message).toMatch(/must contain yyyy, MM and dd/);
  });

  it('a constant of the wrong type and unknown keys', async () => {
    const mapping = [
      'target: ConnectivityCheck',
      'operation: checkVat',
      'input: { countryCode: { from: country, trim: true } }',
      'output:',
      '  fields:',
      '    ok: { path: valid, transform: [boolean] }',
      '    responseBytes: { const: many }',
      'extra: 1',
    ].join('\n');
    const issues = await refusal(vies(mapping));
    expect(issueAt(issues, 'output.fields.responseBytes.const')?.message).toMatch(/"many" is not an Int/);
    expect(issueAt(issues, 'input.countryCode.trim')?.message).toMatch(/unknown key "trim"/);
    expect(issueAt(issues, 'extra')?.message).toMatch(/unknown key "extra"/);
  });

  it('malformed YAML and malformed JSON', async () => {
    const yaml = await refusal(vies('target: Organization\noperation: [checkVat\n'));
    expect(yaml).toEqual([{ path: 'mapping', message: expect.stringMatching(/^malformed YAML: /) }]);
    const json = await refusal(vies('{ "target": "Organization", }', 'JSON'));
    expect(json).toEqual([{ path: 'mapping', message: expect.stringMatching(/^malformed JSON: /) }]);
  });

  it('reports every issue at once, and the message lists them', async () => {
    const mapping = GOOD_VIES.replace('target: Organization', 'target: Company').replace('path: vatNumber }', 'path: vatNo }');
    const err = await compileAdapter(vies(mapping), unified).catch((e: AdapterValidationError) => e);
    expect(err).toBeInstanceOf(LienthongError);
    const { issues } = err as AdapterValidationError;
    expect(issues.map((i) => i.path)).toEqual(expect.arrayContaining(['target', 'output.fields.taxCode.path']));
    expect((err as Error).message).toContain('target: Company is not an object type of the unified schema');
  });

  it('a description that is not a WSDL', async () => {
    const issues = await refusal({ ...vies(GOOD_VIES), serviceDescription: '<html><body>hello</body></html>' });
    expect(issueAt(issues, 'serviceDescription')?.message).toMatch(/not a WSDL/);
  });

  it('a REST description whose path names a missing input member', async () => {
    const description = JSON.stringify({
      baseUrl: 'http://127.0.0.1:9',
      operations: { lookup: { method: 'GET', path: '/x/{id}', input: { code: 'string' }, output: { name: 'string' } } },
    });
    const mapping = 'target: ExternalPerson\noperation: lookup\ninput: { code: { from: code } }\noutput:\n  fields:\n    identifier: { path: name }\n';
    const issues = await refusal({ kind: 'REST_JSON', serviceDescription: description, mapping, mappingFormat: 'YAML' });
    expect(issueAt(issues, 'serviceDescription.operations.lookup.path')?.message).toBe('placeholder {id} is not an input member');
    expect(issueAt(issues, 'output.fields.fullName')?.message).toBe('required by ExternalPerson.fullName (String!) but not mapped');
  });
});

describe('untrusted WSDLs', () => {
  it('never follows imports (no local file reads, no fetches)', () => {
    const wsdl = '<xsd:import namespace="urn:x" schemaLocation="/etc/passwd"/><wsdl:import location=\'http://169.254.169.254/\' namespace="urn:y"/>';
    expect(withoutImportLocations(wsdl)).toBe('<xsd:import namespace="urn:x"/><wsdl:import namespace="urn:y"/>');
  });

  it('refuses a DOCTYPE', async () => {
    const issues = await refusal({ ...vies(GOOD_VIES), serviceDescription: `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]>${VIES_WSDL.replace(/^<\?xml[^>]*>/, '')}` });
    expect(issueAt(issues, 'serviceDescription')?.message).toMatch(/document type declarations/);
  });
});

describe('at run time', () => {
  let server: Server;
  let base: string;
  let answer = '';

  beforeAll(async () => {
    server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(answer));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  const source = (): AdapterSource => ({
    kind: 'REST_JSON',
    serviceDescription: JSON.stringify({
      baseUrl: base,
      operations: { person: { method: 'GET', path: '/people/{id}', input: { id: 'string' }, output: { id: 'string', name: 'string', kind: 'string' } } },
    }),
    mapping: JSON.stringify({
      target: 'ExternalPerson',
      operation: 'person',
      input: { id: { from: 'personalId' } },
      output: { fields: { identifier: 'id', fullName: { path: 'name', transform: ['trim'] }, source: { path: 'kind', table: { A: 'Nguồn A' } } } },
    }),
    mappingFormat: 'JSON',
  });

  it('a required field that comes back empty is UPSTREAM_BAD_RESPONSE naming the field', async () => {
    const adapter = await compileAdapter(source(), unified, { policy: { retry: { attempts: 1 } } });
    try {
      answer = JSON.stringify({ id: '001', name: '   ', kind: 'A' });
      const err = await adapter.call({ personalId: '001' }).catch((e: LienthongError) => e);
      expect(err).toBeInstanceOf(LienthongError);
      expect((err as LienthongError).extensions).toMatchObject({ code: ErrorCode.UPSTREAM_BAD_RESPONSE, field: 'ExternalPerson.fullName' });

      answer = JSON.stringify({ id: '001', name: 'Lê Văn C', kind: 'Z' });
      const code = await adapter.call({ personalId: '001' }).catch((e: LienthongError) => e);
      expect((code as LienthongError).extensions).toMatchObject({ code: ErrorCode.UPSTREAM_BAD_RESPONSE, field: 'ExternalPerson.source' });
      expect((code as Error).message).toMatch(/code "Z" is not in the mapping's table/);

      answer = JSON.stringify({ id: '001', name: 'Lê Văn C', kind: 'A' });
      const { record } = await adapter.call({ personalId: '001' });
      // Unmapped nullable fields are left out (GraphQL reads them as null).
      expect(record).toEqual({ identifier: '001', fullName: 'Lê Văn C', source: 'Nguồn A' });
      const missing = await adapter.call({}).catch((e: LienthongError) => e);
      expect((missing as LienthongError).extensions).toMatchObject({ code: ErrorCode.BAD_USER_INPUT, field: 'personalId' });
    } finally {
      adapter.close();
    }
  });
});
