// Every element's message catalogue: each key has a Vietnamese and an English text, none empty or equal to its key.
import type { Catalogue } from '@egov-vn/elements-core';
import { catalogueProblems } from '@egov-vn/elements-core/testing';
import { describe, expect, it } from 'vitest';
import * as exported from './index.js';

const catalogues = Object.entries(exported).flatMap(([name, value]) => {
  const messages = typeof value === 'function' ? (value as { messages?: Catalogue }).messages : undefined;
  return messages ? [[name, messages] as const] : [];
});

describe('message catalogues', () => {
  it('has every key in vi and en, and no text that is empty or its key', () => {
    expect(catalogues.length).toBeGreaterThanOrEqual(4);
    expect(catalogues.flatMap(([name, messages]) => catalogueProblems(messages, name))).toEqual([]);
  });
});
