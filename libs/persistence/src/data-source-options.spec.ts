import { describe, expect, it } from '@jest/globals';
import { partnerSimDataSourceOptions } from '#libs/partner-sim/src/persistence/partner-sim-data-source.js';
import { dataSourceOptions } from './data-source-options.js';

describe('the data sources’ pools', () => {
  it('keep DATABASE_POOL_SIZE connections, the simulator’s with its own commit setting', () => {
    expect(dataSourceOptions('postgres://u@db:5432/cp', 7).extra).toEqual({ max: 7 });
    expect(partnerSimDataSourceOptions('postgres://u@db:5432/cp', 3).extra).toEqual({ max: 3, options: '-c synchronous_commit=off' });
  });
});
