/** The index of the partial unique constraint "one PENDING or PAID payment per dossier". */
export const ONE_LIVE_PAYMENT_INDEX = 'payment_one_live_per_dossier';

/** True when `err` is Prisma's unique-constraint violation (P2002) of the named index. */
export function isUniqueViolation(err: unknown, index: string): boolean {
  if ((err as { code?: unknown } | null)?.code !== 'P2002') return false;
  return JSON.stringify((err as { meta?: unknown }).meta ?? {}).includes(index);
}
