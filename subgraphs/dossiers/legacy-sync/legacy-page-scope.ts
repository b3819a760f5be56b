/**
 * Runs intake and the workflow's transition path inside ONE transaction (a page of the legacy pull
 * and its cursor commit together). Both take the dossiers services and open their own transaction;
 * here they get a client bound to the page's transaction, on which "open a transaction" just runs the
 * callback in it, and an outbox notifier that wakes the relay only after the page committed.
 *
 * Everything read outside the database's transaction (procedures, workflows, cut-offs, the calendar)
 * is read BEFORE it opens: the embedded database serves one connection, so a read on another client
 * while the page's transaction holds it would wait for that transaction forever.
 */
import type { CalendarStore, WorkingDayCalendar } from '../../shared/calendar';
import type { OutboxNotifier } from '../../shared/outbox';
import type { PrismaClient } from '../../shared/storage/database';
import type { DossiersServices } from '../context';
import type { DossierTx } from '../dossier/dossier-transition';
import { IntakeReferences } from '../intake/intake-references';

/** A client whose queries run in `tx`, and whose `$transaction` runs its work in `tx` too (no nesting). */
export function clientWithin(tx: DossierTx): PrismaClient {
  return new Proxy(tx, {
    get(target, prop) {
      if (prop === '$transaction') {
        return (work: unknown) => (typeof work === 'function' ? work(target) : Promise.all(work as Promise<unknown>[]));
      }
      return Reflect.get(target, prop);
    },
  }) as unknown as PrismaClient;
}

/** An outbox notifier that holds wake-ups until {@link DeferredKick.flush} (after commit). */
export class DeferredKick implements OutboxNotifier {
  private pending = false;

  constructor(private readonly outbox: OutboxNotifier) {}

  kick(): void {
    this.pending = true;
  }

  flush(): void {
    if (this.pending) this.outbox.kick();
    this.pending = false;
  }
}

/** References read before a page's transaction, for the procedures the page names. */
export interface PageReferences {
  references: IntakeReferences;
  calendar: WorkingDayCalendar;
  /** Why a procedure could not be read (unknown, withdrawn…): the page stops at its first dossier. */
  failures: Map<string, unknown>;
}

/** Reads what intake will need for `procedureCodes`, kept for the page (a long TTL: one pass). */
export async function readPageReferences(services: DossiersServices, procedureCodes: Iterable<string>): Promise<PageReferences> {
  const references = new IntakeReferences(services.prisma, services.catalogue, { ttlMs: 10 * 60_000 });
  const failures = new Map<string, unknown>();
  for (const code of new Set(procedureCodes)) {
    try {
      const procedure = await references.procedure(code);
      await references.workflow(procedure);
      await references.agencyCutoffHour(procedure.agencyCode);
    } catch (err) {
      failures.set(code, err);
    }
  }
  return { references, calendar: await services.calendars.calendar(), failures };
}

/** The dossiers services as seen from inside the page's transaction. */
export function servicesWithin(services: DossiersServices, tx: DossierTx, page: PageReferences, outbox: DeferredKick): DossiersServices {
  // Intake only asks the store for the calendar; the one read before the transaction answers it.
  const calendars = { calendar: async () => page.calendar } as unknown as CalendarStore;
  return {
    ...services,
    prisma: clientWithin(tx),
    calendars,
    outbox,
    intakeReferences: page.references,
    // Group commit shares statements across submissions: never inside someone's transaction.
    intakeBatcher: undefined,
  };
}
