/**
 * The one typed configuration of a Lienthong process, parsed from the environment once at start-up.
 * Nothing else reads `process.env`: entry points call {@link loadConfig} and pass the result down.
 */
import { z } from 'zod';

const DEV_SECRET = 'lienthong-development-secret-do-not-use-in-production';

/** A port; an empty value (e.g. `PORT=` in an .env file) means "use the default", not port 0. */
const port = (fallback: number) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), z.coerce.number().int().min(0).max(65535).default(fallback));
const optionalUrl = z.string().url().optional().or(z.literal('').transform(() => undefined));

const ConfigSchema = z
  .object({
    /** `production` forbids the development secrets. @default "development" */
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    /** Interface every server binds to. @default "127.0.0.1" */
    HOST: z.string().default('127.0.0.1'),
    /** Host name put into the URLs printed and handed to other processes. @default "localhost" */
    PUBLIC_HOST: z.string().default('localhost'),
    /** Gateway port. @default 4000 */
    PORT: port(4000),
    /** Subgraph ports, used when this process serves them. @default 4001..4004 */
    PROCEDURES_PORT: port(4001),
    DOSSIERS_PORT: port(4002),
    CITIZENS_PORT: port(4003),
    PAYMENTS_PORT: port(4004),
    /** Sandbox simulators' ports. @default 4101, 4102 */
    POPULATION_SIM_PORT: port(4101),
    PAYMENT_SIM_PORT: port(4102),
    /** Social insurance database simulator's port (CSDL quốc gia về bảo hiểm). @default 4104 */
    INSURANCE_SIM_PORT: port(4104),
    /** Business registry simulator's port (CSDL quốc gia về đăng ký doanh nghiệp). @default 4103 */
    BUSINESS_SIM_PORT: port(4103),
    /** Postal carrier simulator's port (VNPost-style pickup and delivery orders). @default 4105 */
    POSTAL_SIM_PORT: port(4105),
    /** SMS gateway simulator's port (brandname SMS over HTTP). @default 4106 */
    SMS_SIM_PORT: port(4106),
    /** Mail server simulator's port (SMTP). @default 4107 */
    SMTP_SIM_PORT: port(4107),
    /** Legacy one-stop system simulator's port (VNPT-iGate style). @default 4108 */
    LEGACY_SIM_PORT: port(4108),
    /** National public service portal simulator's port (Cổng DVCQG). @default 4109 */
    PORTAL_SIM_PORT: port(4109),
    /** Subgraph URLs for a gateway running apart from them; derived from the ports when empty. */
    PROCEDURES_URL: optionalUrl,
    DOSSIERS_URL: optionalUrl,
    CITIZENS_URL: optionalUrl,
    PAYMENTS_URL: optionalUrl,
    /** PostgreSQL URL; when empty an embedded PGlite database is used. */
    DATABASE_URL: optionalUrl,
    /** Where the embedded database keeps its files; `memory` keeps nothing. @default ".lienthong/pgdata" */
    EMBEDDED_DATA_DIR: z.string().default('.lienthong/pgdata'),
    /** Redis URL for events shared by several processes; when empty an in-process bus is used. */
    REDIS_URL: optionalUrl,
    /** Ping interval of the gateway's graphql-ws heartbeat; a connection that missed the previous ping is terminated. @default 15000 */
    SUBSCRIPTION_HEARTBEAT_MS: z.coerce.number().int().positive().default(15000),
    /** Results queued for one subscriber before it is disconnected as too slow (close code 4530). @default 256 */
    SUBSCRIPTION_QUEUE_LIMIT: z.coerce.number().int().positive().default(256),
    /** Bytes buffered on one subscriber's socket before it is disconnected as too slow (4530). @default 1048576 */
    SUBSCRIPTION_BUFFER_BYTES: z.coerce.number().int().positive().default(1048576),
    /** Prefix of the hub's Redis channels, so several hubs can share one Redis. @default "lienthong:" */
    REDIS_PREFIX: z.string().min(1).default('lienthong:'),
    /** Seed of the development issuer's signing key (outside production; real tokens come from OIDC_ISSUER). @default a development secret */
    AUTH_SECRET: z.string().min(32).default(DEV_SECRET),
    /** Secret that signs the gateway's forwarded identity; subgraphs trust only it. @default a development secret */
    INTERNAL_SECRET: z.string().min(32).default(`${DEV_SECRET}-internal`),
    // ── Identity (issue 9A): the OIDC issuer whose access tokens the gateway accepts ──
    /**
     * Issuer (`iss`) of access tokens, e.g. a Keycloak realm URL; when empty the gateway trusts its
     * built-in development issuer (outside production) or no issuer (production). @default empty
     */
    OIDC_ISSUER: optionalUrl,
    /** The issuer's key set (JWKS). @default the discovery document's jwks_uri, else `<issuer>/.well-known/jwks.json` */
    OIDC_JWKS_URL: optionalUrl,
    /** Audience (`aud`) access tokens must name. @default "lienthong" */
    OIDC_AUDIENCE: z.string().min(1).default('lienthong'),
    /** Claim (dotted path allowed, e.g. `realm_access.roles`) holding the roles. @default "roles" */
    OIDC_ROLES_CLAIM: z.string().min(1).default('roles'),
    /** Claim holding an official's / agency administrator's agency code. @default "agency_code" */
    OIDC_AGENCY_CLAIM: z.string().min(1).default('agency_code'),
    /** Claim holding a citizen's 12-digit personal id (số định danh cá nhân). @default "personal_id" */
    OIDC_PERSONAL_ID_CLAIM: z.string().min(1).default('personal_id'),
    /** Claim holding an official's workflow roles. @default "workflow_roles" */
    OIDC_WORKFLOW_ROLES_CLAIM: z.string().min(1).default('workflow_roles'),
    /** Clock skew tolerated on `exp`/`nbf`, seconds. @default 30 */
    OIDC_CLOCK_TOLERANCE_S: z.coerce.number().int().min(0).max(300).default(30),
    /** Offer `/auth/dev-token` to mint development tokens. @default true outside production */
    DEV_TOKENS: z.enum(['true', 'false']).optional(),
    /** WSDL of the national population database (CSDLQG về dân cư). Derived from the simulator port when empty. */
    POPULATION_WSDL_URL: optionalUrl,
    /** Base URL of the social insurance database (REST/JSON). Derived from the simulator port when empty. */
    INSURANCE_DB_URL: optionalUrl,
    /** WSDL of the business registry (CSDL quốc gia về đăng ký doanh nghiệp). Derived from the simulator port when empty. */
    BUSINESS_REGISTRY_WSDL_URL: optionalUrl,
    // --- issue 9C: limits on untrusted XML from upstreams (adapters/soap/xml-limits.ts) ---
    /** Largest SOAP/XML answer read from a national database, in bytes; reading stops past it. @default 1048576 */
    UPSTREAM_MAX_RESPONSE_BYTES: z.coerce.number().int().positive().default(1048576),
    /** Deepest element nesting accepted in an upstream XML answer. @default 64 */
    UPSTREAM_XML_MAX_DEPTH: z.coerce.number().int().positive().default(64),
    /** Most attributes on one element of an upstream XML answer. @default 64 */
    UPSTREAM_XML_MAX_ATTRIBUTES: z.coerce.number().int().positive().default(64),
    /** Longest text node (or CDATA section) of an upstream XML answer, in characters. @default 65536 */
    UPSTREAM_XML_MAX_TEXT_LENGTH: z.coerce.number().int().positive().default(65536),
    /** Most elements in one upstream XML answer. @default 20000 */
    UPSTREAM_XML_MAX_ELEMENTS: z.coerce.number().int().positive().default(20000),
    // --- end issue 9C ---
    /** Time allowed for one call to a national database. @default 3000 */
    POPULATION_TIMEOUT_MS: z.coerce.number().int().positive().default(3000),
    /** Postal carrier API base URL; derived from the simulator port when empty. */
    POSTAL_URL: optionalUrl,
    /** Postal carrier API key. @default a development key */
    POSTAL_API_KEY: z.string().min(8).default('dev-postal-key'),
    /** Secret the postal carrier signs its tracking webhooks with (HMAC-SHA256). @default a development secret */
    POSTAL_WEBHOOK_SECRET: z.string().min(16).default(`${DEV_SECRET}-postal-webhook`),
    /** Legacy one-stop system (VNPT-iGate style) API base URL; derived from the simulator port when empty. */
    LEGACY_ONE_STOP_URL: optionalUrl,
    /** API key agreed with the legacy one-stop system. @default a development key */
    LEGACY_ONE_STOP_API_KEY: z.string().min(8).default('dev-legacy-key'),
    /** Whether this hub pulls dossiers from the legacy one-stop system and pushes statuses back. @default true */
    LEGACY_SYNC_ENABLED: z
      .enum(['true', 'false'])
      .default('true')
      .transform((v) => v === 'true'),
    /** How often dossiers are pulled from the legacy one-stop system. @default 30000 */
    LEGACY_SYNC_INTERVAL_MS: z.coerce.number().int().positive().default(30_000),
    /** National public service portal API base URL; derived from the simulator port when empty. */
    NATIONAL_PORTAL_URL: optionalUrl,
    /** Bearer token agreed with the national public service portal. @default a development token */
    NATIONAL_PORTAL_TOKEN: z.string().min(8).default('dev-portal-token'),
    /** How often pending records and progress are sent to the national portal. @default 5000 */
    PORTAL_SYNC_INTERVAL_MS: z.coerce.number().int().positive().default(5_000),
    /** SMS gateway base URL; derived from the simulator port when empty. */
    SMS_GATEWAY_URL: optionalUrl,
    /** SMS brandname and API key agreed with the SMS gateway. */
    SMS_BRANDNAME: z.string().default('LIENTHONG'),
    SMS_API_KEY: z.string().min(8).default('dev-sms-key'),
    /** SMTP server for e-mail notifications, e.g. smtp://host:25; derived from the simulator port when empty. */
    SMTP_URL: optionalUrl,
    /** Sender of e-mail notifications. @default "Lienthong <no-reply@lienthong.local>" */
    MAIL_FROM: z.string().default('Lienthong <no-reply@lienthong.local>'),
    /** Payment provider base URL; derived from the simulator port when empty. */
    PAYMENT_PROVIDER_URL: optionalUrl,
    /** Merchant code and HMAC-SHA256 secret agreed with the payment provider. */
    PAYMENT_MERCHANT_CODE: z.string().default('LIENTHONG'),
    PAYMENT_SECRET: z.string().min(16).default(`${DEV_SECRET}-payment`),
    /** Base URL at which the provider reaches the payments service's callback. Derived when empty. */
    PAYMENTS_PUBLIC_URL: optionalUrl,
    // --- Gateway abuse limits (issue 9B), each refused before execution with a typed error ---
    /** Deepest field nesting an operation may have (QUERY_TOO_DEEP). @default 12 */
    MAX_QUERY_DEPTH: z.coerce.number().int().positive().default(12),
    /** Static cost budget: 1 per field, list fields × their `first`/`limit` or 20 (QUERY_TOO_COMPLEX). @default 5000 */
    MAX_QUERY_COST: z.coerce.number().int().positive().default(5000),
    /** Aliased fields an operation may have (TOO_MANY_ALIASES). @default 30 */
    MAX_QUERY_ALIASES: z.coerce.number().int().min(0).default(30),
    /** Operations in one HTTP request; 1 refuses array bodies (BATCH_NOT_ALLOWED). @default 1 */
    MAX_BATCHED_OPERATIONS: z.coerce.number().int().positive().default(1),
    /** Bytes (UTF-8) of an operation's text (QUERY_TOO_LARGE). @default 65536 */
    MAX_OPERATION_BYTES: z.coerce.number().int().positive().default(65536),
    /** Bytes of an operation's variables as JSON (VARIABLES_TOO_LARGE); files travel elsewhere. @default 262144 */
    MAX_VARIABLES_BYTES: z.coerce.number().int().positive().default(262144),
    /** Persisted queries: `off`, `auto` (Apollo APQ) or `allow-list` (only PERSISTED_QUERY_MANIFEST runs). @default "auto" */
    PERSISTED_QUERIES: z.enum(['off', 'auto', 'allow-list']).default('auto'),
    /** JSON manifest of allowed operations (hash → text, or Apollo's persisted query manifest); required in allow-list mode. */
    PERSISTED_QUERY_MANIFEST: z.string().optional(),
    /** Operations per client (account, else address) per minute, sustained; 0 turns the limit off (RATE_LIMITED). @default 1200 */
    RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).default(1200),
    /** Operations a client may send in a burst above the sustained rate. @default 300 */
    RATE_LIMIT_BURST: z.coerce.number().int().positive().default(300),
    /** Which part of the hub this process runs. @default "all" */
    SERVICE: z
      .enum(['all', 'gateway', 'procedures', 'dossiers', 'citizens', 'payments', 'population-sim', 'payment-sim', 'insurance-sim', 'business-sim', 'postal-sim', 'sms-sim', 'smtp-sim', 'legacy-sim', 'portal-sim', 'migrate'])
      .default('all'),
    /**
     * Which proxies' X-Forwarded-For the gateway believes for callers' addresses (rate limits): `true`,
     * a hop count, or addresses/subnets such as `loopback, 10.0.0.0/8`. @default false (the socket's address)
     */
    TRUST_PROXY: z
      .string()
      .optional()
      .transform((v): boolean | number | string => {
        if (v === undefined || v === '' || v === 'false') return false;
        if (v === 'true') return true;
        return /^\d+$/.test(v) ? Number(v) : v;
      }),
    // --- operations (issue 9D): metrics, readiness, graceful shutdown ---
    /** Serve Prometheus figures on `GET /metrics` of every process (gateway and subgraphs). @default true */
    METRICS_ENABLED: z
      .enum(['true', 'false'])
      .default('true')
      .transform((v) => v === 'true'),
    /**
     * On SIGTERM, how long each server waits for requests in flight before closing their connections
     * (WebSocket clients are told at once, with close code 1001). @default 10000
     */
    SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(120_000).default(10_000),
    // --- end operations ---
    // --- gateway performance (issue 10) ---
    /**
     * How long an answer of the public procedure catalogue serves every caller at the gateway; a mutation
     * through the gateway drops it at once; 0 turns sharing off. @default 10000
     */
    PUBLIC_READ_TTL_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
    /** Verified access tokens the gateway remembers until they expire (a session's token is checked once); 0 turns it off. @default 10000 */
    VERIFIED_TOKEN_CACHE_SIZE: z.coerce.number().int().min(0).max(1_000_000).default(10_000),
    /** Keep-alive connections from the gateway to each subgraph. @default 64 */
    SUBGRAPH_CONNECTIONS: z.coerce.number().int().min(1).max(1024).default(64),
    /**
     * Valid queries asked before run straight from their cached plan, and `POST /graphql` skips Express;
     * `false` sends every request through Express and Apollo Server's pipeline. @default true
     */
    DIRECT_QUERIES: z
      .enum(['true', 'false'])
      .default('true')
      .transform((v) => v === 'true'),
    // --- end gateway performance ---
    /** Log level. @default "info" */
    LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  })
  .superRefine((c, ctx) => {
    if (c.NODE_ENV !== 'production') return;
    for (const key of ['AUTH_SECRET', 'INTERNAL_SECRET', 'PAYMENT_SECRET', 'POSTAL_WEBHOOK_SECRET'] as const) {
      if (c[key].startsWith(DEV_SECRET)) ctx.addIssue({ code: 'custom', path: [key], message: 'must be set in production' });
    }
    if (c.DEV_TOKENS === 'true') ctx.addIssue({ code: 'custom', path: ['DEV_TOKENS'], message: 'not allowed in production' });
    if (!c.OIDC_ISSUER) ctx.addIssue({ code: 'custom', path: ['OIDC_ISSUER'], message: 'must be set in production (the identity provider whose keys sign access tokens)' });
  });

type RawConfig = z.infer<typeof ConfigSchema>;

export interface Config extends Omit<RawConfig, 'DEV_TOKENS'> {
  DEV_TOKENS: boolean;
  /** Resolved URLs of every part of the hub, derived from ports where not given. */
  urls: {
    gateway: string;
    procedures: string;
    dossiers: string;
    citizens: string;
    payments: string;
    populationWsdl: string;
    insuranceDb: string;
    businessRegistryWsdl: string;
    paymentProvider: string;
    paymentsPublic: string;
    postal: string;
    smsGateway: string;
    smtp: string;
    legacyOneStop: string;
    nationalPortal: string;
  };
}

/** Parses the environment; throws one readable error listing every bad variable. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  const at = (p: number, path = '') => `http://${c.PUBLIC_HOST}:${p}${path}`;
  return {
    ...c,
    DEV_TOKENS: c.DEV_TOKENS ? c.DEV_TOKENS === 'true' : c.NODE_ENV !== 'production',
    urls: {
      gateway: at(c.PORT, '/graphql'),
      procedures: c.PROCEDURES_URL ?? at(c.PROCEDURES_PORT, '/graphql'),
      dossiers: c.DOSSIERS_URL ?? at(c.DOSSIERS_PORT, '/graphql'),
      citizens: c.CITIZENS_URL ?? at(c.CITIZENS_PORT, '/graphql'),
      payments: c.PAYMENTS_URL ?? at(c.PAYMENTS_PORT, '/graphql'),
      populationWsdl: c.POPULATION_WSDL_URL ?? at(c.POPULATION_SIM_PORT, '/csdl-dan-cu?wsdl'),
      insuranceDb: c.INSURANCE_DB_URL ?? at(c.INSURANCE_SIM_PORT),
      businessRegistryWsdl: c.BUSINESS_REGISTRY_WSDL_URL ?? at(c.BUSINESS_SIM_PORT, '/csdl-dkdn?wsdl'),
      paymentProvider: c.PAYMENT_PROVIDER_URL ?? at(c.PAYMENT_SIM_PORT),
      paymentsPublic: c.PAYMENTS_PUBLIC_URL ?? at(c.PAYMENTS_PORT),
      postal: c.POSTAL_URL ?? at(c.POSTAL_SIM_PORT),
      smsGateway: c.SMS_GATEWAY_URL ?? at(c.SMS_SIM_PORT),
      smtp: c.SMTP_URL ?? `smtp://${c.PUBLIC_HOST}:${c.SMTP_SIM_PORT}`,
      legacyOneStop: c.LEGACY_ONE_STOP_URL ?? at(c.LEGACY_SIM_PORT),
      nationalPortal: c.NATIONAL_PORTAL_URL ?? at(c.PORTAL_SIM_PORT),
    },
  };
}

/** The configuration of this process: the only place that reads `process.env`. */
export const configFromProcessEnvironment = (): Config => loadConfig(process.env);

/**
 * @apollo/gateway reports usage data to Apollo unless APOLLO_TELEMETRY_DISABLED is set, and reads that
 * from the environment when a gateway is built. A government hub sends nothing out: the gateway calls
 * this before building one (here, because this module is the only one that touches the environment).
 */
export function disableLibraryTelemetry(): void {
  process.env.APOLLO_TELEMETRY_DISABLED = 'true';
}
