import { describe, expect, it } from '@jest/globals';
import { assertTestDatabaseName, createDatabase, dropDatabase } from '../support/test-database.js';

describe('test database guard', () => {
  it.each(['postgres', 'production', 'control_plane', 'te_st'])('refuses %s', async (name) => {
    expect(() => assertTestDatabaseName(name)).toThrow(/must contain 'test'/);
    await expect(createDatabase(name)).rejects.toThrow(/must contain 'test'/);
    await expect(dropDatabase(name)).rejects.toThrow(/must contain 'test'/);
  });

  it('accepts a name that says test', () => {
    expect(() => assertTestDatabaseName('cp_test_abc')).not.toThrow();
  });
});
