/**
 * The dossier's personal data (the e-form's answers, the applicant's personal id) is for the people who
 * handle or filed it. A dashboard watches dossiers go by — code, status, procedure, dates — and gets
 * FORBIDDEN on these fields rather than a citizen's data on a wall screen.
 */
import { GraphQLJSONObject } from 'graphql-scalars';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { ErrorCode, LienthongError } from '../../shared/errors';
import type { DossiersContext } from '../context';
import { Dossier } from './dossier';

function refuseDashboards(ctx: DossiersContext, field: string): void {
  if (ctx.principal.role === 'DASHBOARD') {
    throw new LienthongError(ErrorCode.FORBIDDEN, {
      vi: 'Màn hình theo dõi không được xem dữ liệu cá nhân trong hồ sơ.',
      en: 'Dashboards may not read the personal data of a dossier.',
      details: { field },
    });
  }
}

@Resolver(() => Dossier)
export class DossierPersonalFieldsResolver {
  @FieldResolver(() => GraphQLJSONObject, { description: 'Dữ liệu tờ khai điện tử (e-form data); not for dashboards' })
  formData(@Root() dossier: Dossier, @Ctx() ctx: DossiersContext): Record<string, unknown> {
    refuseDashboards(ctx, 'formData');
    return dossier.formData;
  }

  @FieldResolver(() => String, { description: 'Số định danh cá nhân của người nộp; not for dashboards' })
  applicantPersonalId(@Root() dossier: Dossier, @Ctx() ctx: DossiersContext): string {
    refuseDashboards(ctx, 'applicantPersonalId');
    return dossier.applicantPersonalId;
  }
}
