import { expect, test } from 'vitest';
import { COLLECTION_LABELS } from './collection-labels';
import { COLLECTIONS } from './index';

test('the audit log names every collection with its own label', () => {
  const labels = new Map<string, string>(COLLECTION_LABELS.map((c) => [c.value, c.label]));
  for (const def of COLLECTIONS) expect(labels.get(def.collection), def.collection).toBe(def.label);
});
