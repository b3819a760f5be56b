/**
 * The dossier facts the access policy needs, read (never written) from the dossiers subgraph's
 * `dossier` table. Per request and batched, so that authorising many people costs one query.
 */
import DataLoader from 'dataloader';
import type { PrismaClient } from '../../shared/storage/database';
import type { DossierDirectory, DossierFacts } from './citizen-access-policy';

const FACTS = { code: true, agencyCode: true, applicantPersonalId: true } as const;

export function createDossierDirectory(prisma: PrismaClient): DossierDirectory {
  const byCode = new DataLoader<string, DossierFacts | null>(async (codes) => {
    const rows = await prisma.dossier.findMany({ where: { code: { in: [...codes] } }, select: FACTS });
    const found = new Map(rows.map((r) => [r.code, r]));
    return codes.map((c) => found.get(c) ?? null);
  });
  const latest = new DataLoader<string, DossierFacts | null>(
    async (keys) => {
      const pairs = keys.map((k) => JSON.parse(k) as [string, string]);
      const rows = await prisma.dossier.findMany({
        where: { OR: pairs.map(([agencyCode, applicantPersonalId]) => ({ agencyCode, applicantPersonalId })) },
        select: FACTS,
        orderBy: { receivedAt: 'desc' },
      });
      return pairs.map(([agency, person]) => rows.find((r) => r.agencyCode === agency && r.applicantPersonalId === person) ?? null);
    },
  );
  return {
    byCode: (code) => byCode.load(code),
    latestOfAgencyFor: (agencyCode, personalId) => latest.load(JSON.stringify([agencyCode, personalId])),
  };
}
