/**
 * Development sign-in: `POST /auth/dev-token` mints an access token for a citizen, an official or an
 * operator, so the journey can be tried from GraphiQL or curl. Refused by configuration in production
 * (config.ts forbids DEV_TOKENS there); real deployments put a national SSO (VNeID) in front.
 */
import express, { type Express } from 'express';
import { z } from 'zod';
import type { Principal } from '../../subgraphs/shared/auth/principal';
import { issueAccessToken } from '../../subgraphs/shared/auth/tokens';

const DevTokenRequest = z.discriminatedUnion('role', [
  z.object({ role: z.literal('CITIZEN'), personalId: z.string().regex(/^\d{12}$/), name: z.string().optional() }),
  z.object({
    role: z.literal('OFFICIAL'),
    agencyCode: z.string().min(3),
    id: z.string().optional(),
    name: z.string().optional(),
    workflowRoles: z.array(z.string().regex(/^[A-Z_]{2,40}$/)).max(10).optional(),
  }),
  z.object({ role: z.literal('OPERATOR'), id: z.string().optional(), name: z.string().optional() }),
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
    case 'OPERATOR':
      return { id: req.id ?? 'operator', role: 'OPERATOR', name: req.name };
  }
}

export function mountDevTokenRoute(app: Express, secret: string): void {
  app.post('/auth/dev-token', express.json({ limit: '4kb' }), async (req, res) => {
    const parsed = DevTokenRequest.safeParse(req.body);
    if (!parsed.success) {
      res.status(400).json({ code: 'BAD_USER_INPUT', issues: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) });
      return;
    }
    const principal = principalForDevToken(parsed.data);
    res.json({ token: await issueAccessToken(principal, secret), principal });
  });
}
