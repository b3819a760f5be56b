/** Per-request context of the procedures subgraph: the catalogue shared by the process, loaders per request. */
import DataLoader from 'dataloader';
import type { BaseContext } from '../shared/federation/context';
import type { PrismaClient } from '../shared/storage/database';
import type { ProcedureCatalogue } from './catalogue/procedure-catalogue';
import type { ProcedureRecord } from './catalogue/procedure-record';

export interface ProceduresServices {
  catalogue: ProcedureCatalogue;
  /** For the modules (shared catalogues, definitions, calendar) that keep their own tables. */
  prisma: PrismaClient;
}

export interface ProceduresContext extends BaseContext, ProceduresServices {
  loaders: {
    /**
     * Procedures by code, one query per tick. The gateway sends duplicate representations and
     * @apollo/subgraph resolves each one apart; this loader turns them into one `IN (...)` query.
     */
    procedureByCode: DataLoader<string, ProcedureRecord | null>;
  };
}

export function createProceduresContext(base: BaseContext, services: ProceduresServices): ProceduresContext {
  return {
    ...base,
    ...services,
    loaders: {
      procedureByCode: new DataLoader((codes) => services.catalogue.getMany(codes)),
    },
  };
}
