/** Entity fetches send each distinct entity once and spread the answer (and its errors) back to every position. */
import { dedupeRepresentations } from '../../gateway/transport/entity-dedup';

const user = (id: string) => ({ __typename: 'User', id });

describe('dedupeRepresentations', () => {
  it('sends each distinct representation once, in first-seen order', () => {
    const deduped = dedupeRepresentations({ representations: [user('1'), user('2'), user('1'), user('1')], other: 5 });
    expect(deduped.variables).toEqual({ representations: [user('1'), user('2')], other: 5 });
    expect(deduped.removed).toBe(2);
  });

  it('spreads the answer back to every original position', () => {
    const deduped = dedupeRepresentations({ representations: [user('1'), user('2'), user('1')] });
    const result = deduped.expand({ data: { _entities: [{ name: 'An' }, { name: 'Bình' }] } });
    expect(result.data).toEqual({ _entities: [{ name: 'An' }, { name: 'Bình' }, { name: 'An' }] });
  });

  it("repeats an entity's errors for each of its positions, with the rest of the path kept", () => {
    const deduped = dedupeRepresentations({ representations: [user('1'), user('2'), user('1')] });
    const result = deduped.expand({
      data: { _entities: [null, { name: 'Bình' }] },
      errors: [
        { message: 'gone', path: ['_entities', 0, 'name'] },
        { message: 'no path' },
      ],
    });
    expect(result.data?._entities).toEqual([null, { name: 'Bình' }, null]);
    expect(result.errors).toEqual([
      { message: 'gone', path: ['_entities', 0, 'name'] },
      { message: 'gone', path: ['_entities', 2, 'name'] },
      { message: 'no path' },
    ]);
  });

  it('leaves fetches without duplicates, without representations or with a null answer alone', () => {
    const distinct = { representations: [user('1'), user('2')] };
    expect(dedupeRepresentations(distinct).variables).toBe(distinct);
    expect(dedupeRepresentations({ first: 5 }).removed).toBe(0);
    expect(dedupeRepresentations(undefined).variables).toEqual({});
    const deduped = dedupeRepresentations({ representations: [user('1'), user('1')] });
    expect(deduped.expand({ data: null, errors: [{ message: 'down' }] })).toEqual({ data: null, errors: [{ message: 'down' }] });
  });

  it('treats representations that differ in any field as distinct', () => {
    const deduped = dedupeRepresentations({
      representations: [
        { __typename: 'Product', upc: '1', price: 899, weight: 100 },
        { __typename: 'Product', upc: '1', price: 899, weight: 101 },
      ],
    });
    expect(deduped.removed).toBe(0);
  });
});
