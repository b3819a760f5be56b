/** What every subgraph resolver receives. Each subgraph adds its own per-request loaders. */
import type { Principal } from '../auth/principal';

export type Locale = 'vi' | 'en';

export interface BaseContext {
  principal: Principal;
  locale: Locale;
  /** Correlates logs across the gateway and subgraphs. */
  requestId: string;
  /**
   * The caller's network address as the gateway saw it (behind trusted proxies: the forwarded one),
   * carried in the signed internal token; subgraphs never see the caller's socket. @default undefined
   */
  clientAddress?: string;
}

export function localeFrom(acceptLanguage: string | undefined): Locale {
  return acceptLanguage?.toLowerCase().startsWith('en') ? 'en' : 'vi';
}
