/**
 * One CalendarStore per database client in this process, so that the procedures subgraph's edits
 * reload the very store its queries read (the subgraph's context holds no calendar of its own).
 */
import { CalendarStore, type CalendarStoreOptions } from '../../shared/calendar';
import type { PrismaClient } from '../../shared/storage/database';

const stores = new WeakMap<PrismaClient, CalendarStore>();

/** The process's store for this client; `options` apply only when it is created. */
export function calendarStoreFor(prisma: PrismaClient, options?: CalendarStoreOptions): CalendarStore {
  let store = stores.get(prisma);
  if (!store) {
    store = new CalendarStore(prisma, options);
    stores.set(prisma, store);
  }
  return store;
}
