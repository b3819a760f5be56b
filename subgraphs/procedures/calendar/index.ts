/** The working-day calendar: shipped schedule, operator edits, due dates. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const CALENDAR_RESOLVERS: Function[] = [];

/** Loads the shipped calendar entries (idempotent). */
export async function seedCalendar(): Promise<void> {}
