/** The gateway's identity options from the hub's configuration (OIDC_* settings). */
import { createDevIssuer, type DevIssuer } from './dev-issuer';
import type { Config } from '../../subgraphs/shared/config';
import type { OidcTrust } from './access-tokens';

export interface GatewayIdentity {
  oidc?: OidcTrust;
  /** The development issuer, or `false` when no issuer may be trusted: production without OIDC_ISSUER. */
  devIssuer?: DevIssuer | false;
}

export function gatewayIdentityFromConfig(config: Config): GatewayIdentity {
  if (config.OIDC_ISSUER) {
    return {
      oidc: {
        issuer: config.OIDC_ISSUER,
        jwksUrl: config.OIDC_JWKS_URL,
        audience: config.OIDC_AUDIENCE,
        clockToleranceSeconds: config.OIDC_CLOCK_TOLERANCE_S,
        claims: {
          roles: config.OIDC_ROLES_CLAIM,
          agency: config.OIDC_AGENCY_CLAIM,
          personalId: config.OIDC_PERSONAL_ID_CLAIM,
          workflowRoles: config.OIDC_WORKFLOW_ROLES_CLAIM,
        },
      },
    };
  }
  // In production only a configured issuer's keys count: never a key the process made up itself.
  // Elsewhere the development issuer's key comes from AUTH_SECRET, so several gateway processes agree
  // and development tokens survive a restart.
  return config.NODE_ENV === 'production' ? { devIssuer: false } : { devIssuer: createDevIssuer({ seed: config.AUTH_SECRET }) };
}
