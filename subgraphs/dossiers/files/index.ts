/**
 * Resolvers of this part of the dossiers subgraph, registered by buildDossiersSchema: files, and
 * with them the intake fields and the PDF slips (intake has no registration point of its own).
 */
import { DossierSlipsResolver } from '../documents/slips.resolver';
import { DossierIntakeFieldsResolver } from '../intake/intake-fields.resolver';
import { DossierAttachmentsResolver } from './attachments.resolver';

export const FILE_RESOLVERS: Function[] = [DossierAttachmentsResolver, DossierIntakeFieldsResolver, DossierSlipsResolver];
