/**
 * Accounts for trying the journey on a development hub: a citizen whose record the population
 * simulator holds, an official and an agency administrator of the Hà Nội Department of Justice
 * (Sở Tư pháp), an operator, and a dashboard watching every agency.
 */
import type { Principal } from '../../subgraphs/shared/auth/principal';
import { DEMO_CITIZEN_ID } from '../../adapters/population-db';

export const DEMO_OFFICIAL_AGENCY = '000.00.12.H26';

export const DEMO_PRINCIPALS: ReadonlyArray<{ label: string; principal: Principal }> = [
  {
    label: `Citizen (công dân) ${DEMO_CITIZEN_ID}`,
    principal: { id: `citizen:${DEMO_CITIZEN_ID}`, role: 'CITIZEN', personalId: DEMO_CITIZEN_ID },
  },
  {
    label: `Official (cán bộ) of agency ${DEMO_OFFICIAL_AGENCY}`,
    principal: { id: `official:${DEMO_OFFICIAL_AGENCY}`, role: 'OFFICIAL', agencyCode: DEMO_OFFICIAL_AGENCY },
  },
  {
    label: `Agency administrator (quản trị cơ quan) of ${DEMO_OFFICIAL_AGENCY}`,
    principal: { id: `agency-admin:${DEMO_OFFICIAL_AGENCY}`, role: 'AGENCY_ADMIN', agencyCode: DEMO_OFFICIAL_AGENCY },
  },
  { label: 'Operator (quản trị vận hành)', principal: { id: 'operator', role: 'OPERATOR' } },
  { label: 'Dashboard (màn hình theo dõi), every agency', principal: { id: 'dashboard:all', role: 'DASHBOARD' } },
];
