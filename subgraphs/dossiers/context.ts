/** Per-request context of the dossiers subgraph: services shared by the process, loaders per request. */
import DataLoader from 'dataloader';
import type { BaseContext } from '../shared/federation/context';
import type { EventBus } from '../shared/events/bus';
import type { PrismaClient } from '../shared/storage/database';
import type { RecentReads } from '../shared/storage/recent-reads';
import type { CalendarStore } from '../shared/calendar';
import type { ProcedureCatalogue } from '../procedures';
import type { OutboxNotifier, OutboxTail } from '../shared/outbox';
import type { IntakeReferences } from './intake/intake-references';
import type { IntakeBatcher } from './intake/intake-batcher';
import type { DossierRow, StatusChangeRow } from './dossier/dossier.mapper';

export interface DossiersServices {
  prisma: PrismaClient;
  bus: EventBus;
  catalogue: ProcedureCatalogue;
  /** The working-day calendar as operators keep it (shared with the procedures subgraph's API). */
  calendars: CalendarStore;
  /** The relay publishing this process's outbox events; woken after each commit. */
  outbox: OutboxNotifier;
  /** Procedures, cut-offs and workflows as intake reads them (briefly cached). @default read on every submission */
  intakeReferences?: IntakeReferences;
  /** Group commit of concurrent submissions to one agency. @default each submission alone */
  intakeBatcher?: IntakeBatcher;
}

/** What subscriptions read; intake, the workflow and background jobs do without. */
export interface DossiersEventServices {
  /** Dossier events as subscriptions read them: from the outbox, in commit order, resumable by cursor. */
  tail: OutboxTail;
  /** Reads shared by the subscriptions an event reaches (the dossier after it, an agency's figures). */
  eventReads: RecentReads;
}

export interface DossiersContext extends BaseContext, DossiersServices, DossiersEventServices {
  loaders: {
    dossierByCode: DataLoader<string, DossierRow | null>;
    historyByDossierId: DataLoader<string, StatusChangeRow[]>;
  };
}

export function createDossiersContext(base: BaseContext, services: DossiersServices & DossiersEventServices): DossiersContext {
  const { prisma } = services;
  return {
    ...base,
    ...services,
    loaders: {
      dossierByCode: new DataLoader(async (codes) => {
        const rows = await prisma.dossier.findMany({ where: { code: { in: [...codes] } } });
        const byCode = new Map(rows.map((r) => [r.code, r]));
        return codes.map((c) => byCode.get(c) ?? null);
      }),
      historyByDossierId: new DataLoader(async (ids) => {
        const rows = await prisma.dossierStatusChange.findMany({
          where: { dossierId: { in: [...ids] } },
          orderBy: { id: 'asc' },
        });
        return ids.map((id) => rows.filter((r) => r.dossierId === id));
      }),
    },
  };
}
