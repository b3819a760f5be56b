/**
 * Development sign-in: `POST /auth/dev-token` mints an access token with the development issuer for
 * any role, so the journey can be tried from GraphiQL or curl. Refused by configuration in production
 * (config.ts forbids DEV_TOKENS there); real deployments trust their SSO (OIDC_ISSUER) instead.
 */
import express, { type Express } from 'express';
import { z } from 'zod';
import type { Principal } from '../../subgraphs/shared/auth/principal';
import type { DevIssuer } from './dev-issuer';

const agencyCode = z.string().min(3);
const optionalText = z.string().optional();

const DevTokenRequest = z.discriminatedUnion('role', [
  z.object({ role: z.literal('CITIZEN'), personalId: z.string().regex(/^\d{12}$/), name: optionalText }),
  z.object({
    role: z.literal('OFFICIAL'),
    agencyCode,
    id: optionalText,
    name: optionalText,
    workflowRoles: z.array(z.string().regex(/^[A-Z_]{2,40}$/)).max(10).optional(),
  }),
  z.object({ role: z.literal('AGENCY_ADMIN'), agencyCode, id: optionalText, name: optionalText }),
  z.object({ role: z.literal('OPERATOR'), id: optionalText, name: optionalText }),
  z.object({ role: z.literal('DASHBOARD'), agencyCode: agencyCode.optional(), id: optionalText, name: optionalText }),
]);

export function principalForDevToken(body: unknown): Principal {
  const req = DevTokenRequest.parse(body);
  switch (req.role) {
    case 'CITIZEN':
      return { id: `citizen:${req.personalId}`, role: 'CITIZEN', personalId: req.personalId, name: req.name };
    case 'OFFICIAL':
      return {
        id: req.id ?? `official:${req.agencyCode}`,
        role: 'OFFICIAL',
        agencyCode: req.agencyCode,
        workflowRoles: req.workflowRoles,
        name: req.name,
      };
    case 'AGENCY_ADMIN':
      return { id: req.id ?? `agency-admin:${req.agencyCode}`, role: 'AGENCY_ADMIN', agencyCode: req.agencyCode, name: req.name };
    case 'OPERATOR':
      return { id: req.id ?? 'operator', role: 'OPERATOR', name: req.name };
    case 'DASHBOARD':
      return { id: req.id ?? `dashboard:${req.agencyCode ?? 'all'}`, role: 'DASHBOARD', agencyCode: req.agencyCode, name: req.name };
  }
}

export function mountDevTokenRoute(app: Express, issuer: DevIssuer): void {
  app.post('/auth/dev-token', express.json({ limit: '4kb' }), async (req, res) => {
    const parsed = DevTokenRequest.safeParse(req.body);
    if (!parsed.success) {
      res.status(400).json({ code: 'BAD_USER_INPUT', issues: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) });
      return;
    }
    const principal = principalForDevToken(parsed.data);
    res.json({ token: await issuer.issue(principal), principal });
  });
}
