import { describe, expect, it } from '@jest/globals';
import { relocatedPath } from '../src/execution/relocateMergedFieldErrors.js';

describe('relocatedPath', () => {
  it('puts back the list index stitching dropped from a batched entity error', () => {
    expect(
      relocatedPath(['district', 'communes', 1, 'incidentStats'], ['district', 'communes', 'incidentStats']),
    ).toEqual(['district', 'communes', 1, 'incidentStats']);
  });

  it('replaces another item’s index and keeps the subgraph’s path below the field', () => {
    expect(
      relocatedPath(
        ['districts', 1, 'communes', 1, 'c'],
        ['districts', 0, 'communes', 'c', 'items', 2, 'total'],
      ),
    ).toEqual(['districts', 1, 'communes', 1, 'c', 'items', 2, 'total']);
  });

  it('leaves a correct path, and a path about another field, alone', () => {
    expect(relocatedPath(['units', 0, 'name'], ['units', 0, 'name'])).toBeUndefined();
    expect(relocatedPath(['units', 0, 'name'], ['units', 0, 'code'])).toBeUndefined();
    expect(relocatedPath(['units', 0, 'name'], ['units'])).toBeUndefined();
  });
});
