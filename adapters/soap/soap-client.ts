/**
 * A small SOAP client: the `soap` package interprets the WSDL (endpoint, operations, SOAPAction,
 * namespaces) and writes the request envelope; the exchange itself goes through `fetch` with a
 * timeout and a byte cap, and the answer is read by fast-xml-parser (see envelope-parser.ts for why
 * the `soap` package never parses responses here).
 */
import * as soap from 'soap';
import { AdapterError, type AdapterErrorCode, type SoapFault } from './adapter-error';
import type { XmlObject, XmlValue } from './envelope-parser';
import { exchangeHttp, type HttpExchangeResponse } from './http-exchange';
import { checkWsdlFile, checkWsdlText, readSoapResponse } from './soap-response';

export { readSoapResponse } from './soap-response';

/** Decides what a SOAP Fault means for the caller. */
export type FaultClassifier = (fault: SoapFault, httpStatus: number) => Extract<AdapterErrorCode, 'FAULT' | 'NOT_FOUND' | 'UNAVAILABLE'>;

/** `…NotFound` subcodes mean "no such record"; HTTP 503 means the service is down; the rest are faults. */
export const defaultFaultClassifier: FaultClassifier = (fault, httpStatus) => {
  if (/(^|\.)NotFound$/i.test(fault.localCode)) return 'NOT_FOUND';
  if (httpStatus === 503) return 'UNAVAILABLE';
  return 'FAULT';
};

export interface SoapClientOptions {
  /** Name of the upstream system, carried by every error (e.g. `CSDLQG_DAN_CU`). */
  system: string;
  /** WSDL location: an http(s) URL (e.g. `…?wsdl`), a file path, or the WSDL text itself. */
  wsdl: string;
  /** Endpoint to post to instead of the WSDL's `soap:address`. @default the WSDL's address */
  endpoint?: string;
  /** WSDL service to use. @default the first service */
  service?: string;
  /** Port of that service. @default its first port */
  port?: string;
  /** Time allowed for one exchange (connect, send, receive), in milliseconds. @default 3000 */
  timeoutMs?: number;
  /** Largest response body read; larger ones fail with `TOO_LARGE` before any parsing. @default 1048576 (1 MiB) */
  maxResponseBytes?: number;
  /** Largest WSDL or schema document read while loading the WSDL. @default 4194304 (4 MiB) */
  maxWsdlBytes?: number;
  /** What a SOAP Fault means. @default defaultFaultClassifier */
  classifyFault?: FaultClassifier;
}

/** One SOAP header block, e.g. `{ name: 'ThongTinYeuCau', value: { MaYeuCau: '…' } }`. */
export interface SoapHeaderBlock {
  name: string;
  value: Record<string, unknown>;
  /** Namespace of the block. @default the WSDL's target namespace */
  namespace?: string;
}

export interface SoapOperation {
  name: string;
  soapAction: string;
  /** Local name of the request body element. */
  inputElement: string;
  /** Local name of the element a successful response carries in its Body. */
  outputElement: string;
}

/** A request as it will be sent. */
export interface PreparedSoapRequest {
  url: string;
  operation: SoapOperation;
  httpHeaders: Record<string, string>;
  xml: string;
}

export interface SoapCallOptions {
  headers?: SoapHeaderBlock[];
  /** Overrides the client's timeout for this call. @default the client's timeoutMs */
  timeoutMs?: number;
}

export interface SoapCallResult {
  /** Content of the response's output element, values as sent (strings), `xsi:nil` as null. */
  output: XmlValue;
  /** SOAP header blocks of the response, by local name. */
  header: XmlObject;
  httpStatus: number;
}

interface LoadedWsdl {
  client: soap.Client;
  endpoint: string;
  namespace: string;
  namespacePrefix: string;
  operations: Map<string, SoapOperation>;
  invoke: (operation: string, args: unknown) => void;
}

interface CapturedRequest {
  url: string;
  xml: string;
  headers: Record<string, string>;
}

const UNAVAILABLE_STATUSES = new Set([502, 503, 504]);
const noop = () => undefined;

/**
 * The `soap` package's pluggable HTTP client: documents it asks for while reading the WSDL are
 * fetched with our limits; operation requests are captured (never sent) so that we send them.
 */
class SoapPackageBridge {
  private captured: CapturedRequest | undefined;

  constructor(private readonly fetchDocument: (url: string) => Promise<HttpExchangeResponse>) {}

  request(url: string, data: unknown, callback: (error: unknown, res?: unknown, body?: unknown) => void, headers?: Record<string, string>) {
    if (data === null || data === undefined) {
      this.fetchDocument(url).then(
        (res) => callback(null, { status: res.status, headers: { 'content-type': res.contentType }, data: res.body }, res.body),
        (err) => callback(err),
      );
    } else {
      this.captured = { url, xml: String(data), headers: { ...(headers ?? {}) } };
    }
    return undefined as never;
  }

  /** Runs the `soap` package's synchronous envelope writer and returns what it would have sent. */
  capture(run: () => void): CapturedRequest {
    this.captured = undefined;
    run();
    const captured = this.captured;
    this.captured = undefined;
    if (!captured) throw new Error('the soap package did not produce a request');
    return captured;
  }
}

export class SoapClient {
  readonly system: string;
  private readonly timeoutMs: number;
  private readonly maxResponseBytes: number;
  private readonly classifyFault: FaultClassifier;
  private loading: Promise<LoadedWsdl> | undefined;
  private readonly bridge: SoapPackageBridge;

  constructor(private readonly options: SoapClientOptions) {
    this.system = options.system;
    this.timeoutMs = options.timeoutMs ?? 3000;
    this.maxResponseBytes = options.maxResponseBytes ?? 1024 * 1024;
    this.classifyFault = options.classifyFault ?? defaultFaultClassifier;
    this.bridge = new SoapPackageBridge(async (url) => {
      const res = await exchangeHttp({
        system: this.system,
        url,
        method: 'GET',
        timeoutMs: this.timeoutMs,
        maxResponseBytes: options.maxWsdlBytes ?? 4 * 1024 * 1024,
      });
      if (UNAVAILABLE_STATUSES.has(res.status)) {
        throw new AdapterError('UNAVAILABLE', this.system, `WSDL answered HTTP ${res.status}`, { httpStatus: res.status });
      }
      if (res.status !== 200) {
        throw new AdapterError('BAD_RESPONSE', this.system, `WSDL answered HTTP ${res.status}`, { httpStatus: res.status });
      }
      checkWsdlText(res.body, this.system);
      return res;
    });
  }

  /** Loads the WSDL now (it is otherwise loaded on first use); a failed load is retried on next use. */
  load(): Promise<LoadedWsdl> {
    this.loading ??= this.loadWsdl().catch((err: unknown) => {
      this.loading = undefined;
      throw err;
    });
    return this.loading;
  }

  /** The operations of the selected port, as the WSDL declares them. */
  async operations(): Promise<SoapOperation[]> {
    return [...(await this.load()).operations.values()];
  }

  /** Builds the request for `operation` without sending it. */
  async prepare(operation: string, args: unknown, headers: SoapHeaderBlock[] = []): Promise<PreparedSoapRequest> {
    const wsdl = await this.load();
    const op = wsdl.operations.get(operation);
    if (!op) throw new Error(`${this.system}: the WSDL has no operation ${operation}`);
    // The soap client keeps headers as state; set, write and clear them in one synchronous step.
    const { client } = wsdl;
    client.clearSoapHeaders();
    try {
      for (const h of headers) {
        client.addSoapHeader({ [h.name]: h.value }, h.name, wsdl.namespacePrefix, h.namespace ?? wsdl.namespace);
      }
      const captured = this.bridge.capture(() => wsdl.invoke(operation, args));
      return { url: captured.url, operation: op, httpHeaders: captured.headers, xml: captured.xml };
    } finally {
      client.clearSoapHeaders();
    }
  }

  /** Sends `operation` and returns its output, or throws an {@link AdapterError}. */
  async call(operation: string, args: unknown, options: SoapCallOptions = {}): Promise<SoapCallResult> {
    const request = await this.prepare(operation, args, options.headers);
    const response = await exchangeHttp({
      system: this.system,
      url: request.url,
      method: 'POST',
      headers: request.httpHeaders,
      body: request.xml,
      timeoutMs: options.timeoutMs ?? this.timeoutMs,
      maxResponseBytes: this.maxResponseBytes,
    });
    return this.interpret(request.operation, response);
  }

  private interpret(operation: SoapOperation, response: HttpExchangeResponse): SoapCallResult {
    const { status } = response;
    const fail = (code: AdapterErrorCode, why: string, extra: { fault?: SoapFault; cause?: unknown } = {}) =>
      new AdapterError(code, this.system, why, { httpStatus: status, ...extra });
    // A proxy's or crashed server's error page is an outage, not a contract violation.
    const envelope = readSoapResponse(response, this.system);
    if (envelope.fault) {
      const { fault } = envelope;
      throw fail(this.classifyFault(fault, status), `SOAP Fault ${fault.code}: ${fault.message}`, { fault });
    }
    if (status < 200 || status >= 300) {
      throw fail(UNAVAILABLE_STATUSES.has(status) ? 'UNAVAILABLE' : 'BAD_RESPONSE', `HTTP ${status}`);
    }
    if (envelope.bodyElement !== operation.outputElement) {
      throw fail('BAD_RESPONSE', `expected ${operation.outputElement} in the Body, got ${envelope.bodyElement}`);
    }
    return { output: envelope.content, header: envelope.header, httpStatus: status };
  }

  private async loadWsdl(): Promise<LoadedWsdl> {
    let client: soap.Client;
    // WSDL text given inline is checked here; fetched documents are checked as they arrive (bridge).
    const { wsdl } = this.options;
    if (wsdl.trimStart().startsWith('<')) checkWsdlText(wsdl, this.system);
    else if (!/^https?:\/\//i.test(wsdl)) checkWsdlFile(wsdl, this.system, this.options.maxWsdlBytes ?? 4 * 1024 * 1024);
    try {
      client = await soap.createClientAsync(
        this.options.wsdl,
        { httpClient: this.bridge as unknown as soap.IHttpClient, disableCache: true },
        this.options.endpoint,
      );
    } catch (err) {
      if (err instanceof AdapterError) throw err;
      throw new AdapterError('BAD_RESPONSE', this.system, `unreadable WSDL: ${(err as Error)?.message}`, { cause: err });
    }
    const definitions = client.wsdl.definitions;
    const serviceName = this.options.service ?? Object.keys(definitions.services)[0];
    const service = definitions.services[serviceName];
    const portName = this.options.port ?? Object.keys(service?.ports ?? {})[0];
    const port = service?.ports[portName];
    if (!service || !port) {
      throw new AdapterError('BAD_RESPONSE', this.system, `the WSDL has no service/port ${serviceName}/${portName}`);
    }
    const namespace = definitions.$targetNamespace;
    const operations = new Map<string, SoapOperation>();
    for (const [name, method] of Object.entries(port.binding.methods) as [string, any][]) {
      operations.set(name, {
        name,
        soapAction: method.soapAction ?? '',
        inputElement: method.input?.$name ?? name,
        outputElement: method.output?.$name ?? `${name}Response`,
      });
    }
    const methods = (client as unknown as Record<string, Record<string, Record<string, soap.SoapMethod>>>)[serviceName][portName];
    const prefix = Object.entries(definitions.xmlns ?? {}).find(([, uri]) => uri === namespace)?.[0] ?? 'tns';
    return {
      client,
      endpoint: this.options.endpoint ?? port.location,
      namespace,
      namespacePrefix: prefix,
      operations,
      invoke: (operation, args) => methods[operation](args, noop),
    };
  }
}
