import { describe, expect, it } from '@jest/globals';
import { pollDelayMs, retryDelayMs } from './backoff.js';

const rules = { retryBaseMs: 200, retryMaxMs: 30_000 };

describe('retryDelayMs', () => {
  it('doubles the ceiling per attempt, jittered over all of it', () => {
    expect(retryDelayMs(rules, 1, null, () => 1)).toBe(200);
    expect(retryDelayMs(rules, 2, null, () => 1)).toBe(400);
    expect(retryDelayMs(rules, 4, null, () => 1)).toBe(1600);
    expect(retryDelayMs(rules, 4, null, () => 0.5)).toBe(800);
    expect(retryDelayMs(rules, 4, null, () => 0)).toBe(0);
  });

  it('is capped', () => {
    expect(retryDelayMs(rules, 40, null, () => 1)).toBe(30_000);
  });

  it('never retries sooner than the partner asked', () => {
    expect(retryDelayMs(rules, 1, 5000, () => 1)).toBe(5000);
    expect(retryDelayMs(rules, 8, 5000, () => 1)).toBe(25_600);
  });
});

describe('pollDelayMs', () => {
  const poll = { pollBaseMs: 100, pollMaxMs: 5000 };

  it('starts at the base, grows with the age of the operation, and is capped', () => {
    expect(pollDelayMs(poll, 0)).toBe(100);
    expect(pollDelayMs(poll, 1000)).toBe(500);
    expect(pollDelayMs(poll, 60_000)).toBe(5000);
  });
});
