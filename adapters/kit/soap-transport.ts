/** The SOAP client as an upstream transport: operation = WSDL operation, input = its arguments. */
import { SoapClient, type SoapCallResult, type SoapClientOptions, type SoapHeaderBlock } from '../soap/soap-client';
import { Upstream, type UpstreamPolicyOptions, type TransportSendOptions, type UpstreamTransport } from './upstream';

/** Per-call SOAP metadata: header blocks (e.g. who asks and why), not part of the cache key. */
export interface SoapCallMeta {
  headers?: SoapHeaderBlock[];
}

export class SoapTransport implements UpstreamTransport<SoapCallMeta, SoapCallResult> {
  readonly system: string;

  constructor(readonly client: SoapClient) {
    this.system = client.system;
  }

  send(operation: string, input: unknown, options: TransportSendOptions<SoapCallMeta>): Promise<SoapCallResult> {
    return this.client.call(operation, input, { timeoutMs: options.timeoutMs, headers: options.meta?.headers });
  }
}

export type SoapUpstream = Upstream<SoapCallMeta, SoapCallResult> & { readonly transport: SoapTransport };

export interface SoapUpstreamOptions extends UpstreamPolicyOptions {
  /** The SOAP client's options; its `timeoutMs` defaults to the policy's `timeoutMs`. */
  soap: SoapClientOptions;
}

/** A SOAP upstream: `upstream.transport.client` lists operations, `callUpstream` calls them with the policy. */
export function createSoapUpstream(options: SoapUpstreamOptions): SoapUpstream {
  const { soap, ...policy } = options;
  const client = new SoapClient({ ...soap, timeoutMs: soap.timeoutMs ?? policy.timeoutMs });
  return new Upstream({ ...policy, timeoutMs: policy.timeoutMs ?? soap.timeoutMs, transport: new SoapTransport(client) }) as SoapUpstream;
}
