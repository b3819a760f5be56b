import { Directive, Field, ObjectType } from 'type-graphql';
import { Payment } from '../payment/payment';

/**
 * Hồ sơ: the dossiers subgraph owns Dossier; this subgraph adds its live payment. No description
 * here, so the supergraph shows the owner's.
 */
@Directive('@key(fields: "code")')
@ObjectType('Dossier')
export class Dossier {
  @Field()
  code!: string;

  // Resolved by DossierPaymentResolver; declared here so the type lists it.
  @Field(() => Payment, {
    nullable: true,
    description: 'The live (PENDING or PAID, newest) fee payment of the dossier, if any',
  })
  payment?: Payment | null;
}
