/**
 * The process configuration: defaults for a laptop, derived URLs, and refusals that keep a
 * production deployment from running with development secrets or development tokens.
 */
import { loadConfig } from '../../subgraphs/shared/config';

const SECRETS = {
  AUTH_SECRET: 'prod-auth-secret-0123456789abcdef0123456789',
  INTERNAL_SECRET: 'prod-internal-secret-0123456789abcdef012345',
  PAYMENT_SECRET: 'prod-payment-secret-0123456789',
  POSTAL_WEBHOOK_SECRET: 'prod-postal-webhook-secret-0123456789',
  OIDC_ISSUER: 'https://sso.example.gov.vn',
};

/** The message loadConfig throws for `env` (fails the test when it does not throw). */
function errorOf(env: Record<string, string | undefined>): string {
  try {
    loadConfig(env);
  } catch (err) {
    return (err as Error).message;
  }
  throw new Error('expected loadConfig to throw');
}

describe('loadConfig', () => {
  it('has laptop defaults and derives every URL from the ports', () => {
    const c = loadConfig({});
    expect(c.NODE_ENV).toBe('development');
    expect(c.PORT).toBe(4000);
    expect(c.HOST).toBe('127.0.0.1');
    expect(c.DATABASE_URL).toBeUndefined();
    expect(c.REDIS_URL).toBeUndefined();
    expect(c.SERVICE).toBe('all');
    expect(c.urls).toEqual({
      gateway: 'http://localhost:4000/graphql',
      procedures: 'http://localhost:4001/graphql',
      dossiers: 'http://localhost:4002/graphql',
      citizens: 'http://localhost:4003/graphql',
      payments: 'http://localhost:4004/graphql',
      populationWsdl: 'http://localhost:4101/csdl-dan-cu?wsdl',
      postal: 'http://localhost:4105',
      smsGateway: 'http://localhost:4106',
      smtp: 'smtp://localhost:4107',
      legacyOneStop: 'http://localhost:4108',
      nationalPortal: 'http://localhost:4109',
      paymentProvider: 'http://localhost:4102',
      paymentsPublic: 'http://localhost:4004',
      businessRegistryWsdl: 'http://localhost:4103/csdl-dkdn?wsdl',
      insuranceDb: 'http://localhost:4104',
    });
  });

  it('derives URLs from the given ports and host, and prefers explicit URLs', () => {
    const c = loadConfig({ PORT: '8080', PUBLIC_HOST: 'hub.local', DOSSIERS_PORT: '9002', PROCEDURES_URL: 'http://procedures:4001/graphql' });
    expect(c.PORT).toBe(8080);
    expect(c.urls.gateway).toBe('http://hub.local:8080/graphql');
    expect(c.urls.dossiers).toBe('http://hub.local:9002/graphql');
    expect(c.urls.procedures).toBe('http://procedures:4001/graphql');
  });

  it.each(['abc', '70000', '-1', '4000.5'])('refuses PORT=%p with one error naming the variable', (PORT) => {
    const message = errorOf({ PORT });
    expect(message).toMatch(/^Invalid configuration:/);
    const lines = message.split('\n').slice(1);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^\s+PORT: /);
  });

  it('treats an empty port (PORT= in an .env file) as unset, not as port 0', () => {
    const config = loadConfig({ PORT: '', PROCEDURES_PORT: ' ' });
    expect(config.PORT).toBe(4000);
    expect(config.PROCEDURES_PORT).toBe(4001);
    expect(config.urls.gateway).toBe('http://localhost:4000/graphql');
  });

  it('lists every bad variable at once', () => {
    const message = errorOf({ PORT: 'x', LOG_LEVEL: 'loud', DATABASE_URL: 'not a url' });
    for (const name of ['PORT', 'LOG_LEVEL', 'DATABASE_URL']) expect(message).toMatch(new RegExp(`^\\s+${name}: `, 'm'));
  });

  it('refuses production with the development secrets, naming each', () => {
    const message = errorOf({ NODE_ENV: 'production' });
    for (const name of ['AUTH_SECRET', 'INTERNAL_SECRET', 'PAYMENT_SECRET', 'POSTAL_WEBHOOK_SECRET']) expect(message).toContain(`${name}: must be set in production`);
  });

  it('names only the secret still left at its default in production', () => {
    const message = errorOf({ NODE_ENV: 'production', ...SECRETS, INTERNAL_SECRET: undefined });
    expect(message).toContain('INTERNAL_SECRET');
    expect(message).not.toContain('AUTH_SECRET');
    expect(message).not.toContain('PAYMENT_SECRET');
  });

  it('accepts production with real secrets, and turns development tokens off', () => {
    const c = loadConfig({ NODE_ENV: 'production', ...SECRETS });
    expect(c.NODE_ENV).toBe('production');
    expect(c.DEV_TOKENS).toBe(false);
    expect(c.AUTH_SECRET).toBe(SECRETS.AUTH_SECRET);
  });

  it('refuses DEV_TOKENS=true in production', () => {
    const message = errorOf({ NODE_ENV: 'production', ...SECRETS, DEV_TOKENS: 'true' });
    expect(message).toContain('DEV_TOKENS: not allowed in production');
    expect(loadConfig({ NODE_ENV: 'production', ...SECRETS, DEV_TOKENS: 'false' }).DEV_TOKENS).toBe(false);
  });

  it('turns development tokens on by default outside production, and off when asked', () => {
    expect(loadConfig({}).DEV_TOKENS).toBe(true);
    expect(loadConfig({ NODE_ENV: 'test' }).DEV_TOKENS).toBe(true);
    expect(loadConfig({ DEV_TOKENS: 'false' }).DEV_TOKENS).toBe(false);
    expect(errorOf({ DEV_TOKENS: 'yes' })).toContain('DEV_TOKENS');
  });

  it('refuses secrets shorter than 32 characters', () => {
    expect(errorOf({ AUTH_SECRET: 'short' })).toMatch(/^\s+AUTH_SECRET: /m);
  });

  it('treats empty URL variables as unset', () => {
    const c = loadConfig({ DATABASE_URL: '', REDIS_URL: '', PAYMENTS_URL: '' });
    expect(c.DATABASE_URL).toBeUndefined();
    expect(c.REDIS_URL).toBeUndefined();
    expect(c.urls.payments).toBe('http://localhost:4004/graphql');
    expect(loadConfig({ DATABASE_URL: 'postgres://u@db:5432/hub' }).DATABASE_URL).toBe('postgres://u@db:5432/hub');
  });
});
