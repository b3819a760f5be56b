/** What every subgraph resolver receives. Each subgraph adds its own per-request loaders. */
import type { Principal } from '../auth/principal';

export type Locale = 'vi' | 'en';

export interface BaseContext {
  principal: Principal;
  locale: Locale;
  /** Correlates logs across the gateway and subgraphs. */
  requestId: string;
}

export function localeFrom(acceptLanguage: string | undefined): Locale {
  return acceptLanguage?.toLowerCase().startsWith('en') ? 'en' : 'vi';
}
