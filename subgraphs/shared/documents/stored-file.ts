/** What every file the dossiers subgraph hands out says about itself (attachments, results, slips). */
import { createHash } from 'node:crypto';
import { Field, Int, ObjectType } from 'type-graphql';

/** Hex SHA-256 of a file's content: the checksum every stored or generated file carries. */
export const sha256Hex = (content: Uint8Array) => createHash('sha256').update(content).digest('hex');

// Not emitted on its own: type-graphql only emits types the resolvers reach.
@ObjectType()
export abstract class StoredFile {
  @Field()
  fileName!: string;

  @Field()
  contentType!: string;

  @Field(() => Int)
  sizeBytes!: number;

  @Field({ description: 'Mã kiểm tra SHA-256 (hex) của nội dung: proves a copy unchanged' })
  sha256!: string;
}
