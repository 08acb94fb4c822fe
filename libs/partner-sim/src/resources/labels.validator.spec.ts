import { describe, expect, it } from '@jest/globals';
import { labelMapProblem } from './labels.validator.js';

describe('labelMapProblem', () => {
  it('accepts string labels with a tenant', () => {
    expect(labelMapProblem({ tenant: 't-1', request: 'r-1', 'cost-centre': '42', 'app.kubernetes.io/name': 'x' })).toBeNull();
  });

  it('requires a tenant', () => {
    expect(labelMapProblem({ request: 'r-1' })).toMatch(/labels\.tenant is required/);
    expect(labelMapProblem({ tenant: '' })).toMatch(/labels\.tenant is required/);
  });

  it('refuses what is not a map of strings under simple names', () => {
    expect(labelMapProblem(['tenant'])).toMatch(/object of strings/);
    expect(labelMapProblem(null)).toMatch(/object of strings/);
    expect(labelMapProblem({ tenant: 't', size: 4 })).toMatch(/label 'size' must be a string/);
    expect(labelMapProblem({ tenant: 't', 'has space': 'x' })).toMatch(/must be a name/);
    expect(labelMapProblem({ tenant: 't', long: 'x'.repeat(257) })).toMatch(/at most 256/);
    expect(labelMapProblem(Object.fromEntries(Array.from({ length: 33 }, (_, i) => [`l${i}`, 'x'])))).toMatch(/at most 32/);
  });
});
