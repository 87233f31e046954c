import { describe, expect, it } from '@jest/globals';
import { alignByKey, createKeyedLoader, NotFound } from '../src/index.js';

describe('createKeyedLoader', () => {
  it('batches the keys of one tick into one call, split by maxBatchSize', async () => {
    const batches: string[][] = [];
    const loader = createKeyedLoader(
      async (keys: readonly string[]) => {
        batches.push([...keys]);
        return keys.map((key) => key.toUpperCase());
      },
      { maxBatchSize: 2 },
    );
    const values = await Promise.all(['a', 'b', 'c', 'a'].map((key) => loader.load(key)));
    expect(values).toEqual(['A', 'B', 'C', 'A']);
    expect(batches).toEqual([['a', 'b'], ['c']]);
  });

  it('loads all 151 communes of the old province in one batch by default', async () => {
    const batchSizes: number[] = [];
    const loader = createKeyedLoader(async (keys: readonly number[]) => {
      batchSizes.push(keys.length);
      return keys;
    });
    await loader.loadMany(Array.from({ length: 151 }, (_, index) => index));
    expect(batchSizes).toEqual([151]);
  });

  it('turns NotFound into null and passes per-key errors', async () => {
    const loader = createKeyedLoader(async (keys: readonly string[]) =>
      keys.map((key) => (key === 'gone' ? NotFound : key === 'bad' ? new Error('bad key') : key)),
    );
    await expect(loader.load('gone')).resolves.toBeNull();
    await expect(loader.load('bad')).rejects.toThrow('bad key');
    await expect(loader.load('ok')).resolves.toBe('ok');
  });

  it('accepts a Map and resolves keys absent from it to null', async () => {
    const loader = createKeyedLoader(async () => new Map([['x', 1]]));
    expect(await loader.loadMany(['x', 'y'])).toEqual([1, null]);
  });

  it('rejects every key with a message quoting the contract when the batch has the wrong length', async () => {
    const loader = createKeyedLoader(async () => ['only one'], { name: 'communeByCode' });
    const results = await loader.loadMany(['a', 'b']);
    expect(results[0]).toBeInstanceOf(Error);
    expect((results[0] as Error).message).toBe(
      'communeByCode: a batch function must return an array of the same length as its keys, in the same order ' +
        '(null, NotFound or an Error for a missing key), or a Map from key to value; got an array of 1 for 2 keys',
    );
  });
});

describe('alignByKey', () => {
  it('orders items by the keys asked for, null for missing ones, ignoring extras', () => {
    const items = [{ id: 'b' }, { id: 'z' }, { id: 'a' }];
    expect(alignByKey(['a', 'c', 'b'], items, (item) => item.id)).toEqual([{ id: 'a' }, null, { id: 'b' }]);
  });
});
