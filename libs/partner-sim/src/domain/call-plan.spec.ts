import { describe, expect, it } from '@jest/globals';
import { drawLatency, planOperation, randomOutage } from './call-plan.js';
import type { Fault } from './fault.js';
import { DEFAULT_PROFILE, type SimulationProfile } from './profile.js';

/** Hands out the given numbers in order, then fails: a plan must not draw more than it says. */
function scripted(...values: number[]): () => number {
  return () => {
    const value = values.shift();
    if (value === undefined) throw new Error('drew more random numbers than scripted');
    return value;
  };
}

const profile = (overrides: Partial<SimulationProfile>): SimulationProfile => ({ ...DEFAULT_PROFILE, ...overrides });

const fault = (overrides: Partial<Fault>): Fault => ({
  id: '1',
  partner: 'softbank',
  action: 'create',
  resourceType: null,
  kind: 'permanent',
  count: 1,
  remaining: 0,
  httpStatus: null,
  retryAfterSeconds: null,
  ...overrides,
});

describe('randomOutage', () => {
  it('never fails a reliable partner, and draws nothing for it', () => {
    expect(randomOutage(DEFAULT_PROFILE, scripted())).toBeNull();
  });

  it('refuses a call when the draw falls under the transient failure rate', () => {
    expect(randomOutage(profile({ transientFailureRate: 0.3 }), scripted(0.29, 0.9))).toEqual({
      status: 503,
      retryAfterSeconds: null,
      reason: 'failure-rate',
    });
    expect(randomOutage(profile({ transientFailureRate: 0.3 }), scripted(0.3))).toBeNull();
  });

  it('answers a quarter of its outages with 429 and Retry-After', () => {
    expect(randomOutage(profile({ transientFailureRate: 1 }), scripted(0.5, 0.1))).toEqual({
      status: 429,
      retryAfterSeconds: 1,
      reason: 'failure-rate',
    });
  });
});

describe('planOperation', () => {
  it('accepts with success and the profile latency when nothing says otherwise', () => {
    expect(planOperation(profile({ latencyMs: 250 }), null, scripted())).toEqual({ kind: 'accept', outcome: 'success', latencyMs: 250 });
  });

  it('lets a transient fault refuse the call as an outage, 503 by default', () => {
    expect(planOperation(DEFAULT_PROFILE, fault({ kind: 'transient' }), scripted())).toEqual({
      kind: 'outage',
      outage: { status: 503, retryAfterSeconds: null, reason: 'fault' },
    });
  });

  it('gives a 429 fault a Retry-After, its own or one second', () => {
    expect(planOperation(DEFAULT_PROFILE, fault({ kind: 'transient', httpStatus: 429 }), scripted())).toMatchObject({
      outage: { status: 429, retryAfterSeconds: 1 },
    });
    expect(planOperation(DEFAULT_PROFILE, fault({ kind: 'transient', httpStatus: 429, retryAfterSeconds: 7 }), scripted())).toMatchObject({
      outage: { status: 429, retryAfterSeconds: 7 },
    });
  });

  it('fails the operation for good under a permanent fault, whatever the rates say', () => {
    expect(planOperation(profile({ latencyMs: 40 }), fault({ kind: 'permanent' }), scripted())).toEqual({
      kind: 'accept',
      outcome: 'permanent-failure',
      latencyMs: 40,
    });
  });

  it('fails the operation when the draw falls under the permanent failure rate', () => {
    expect(planOperation(profile({ permanentFailureRate: 0.2 }), null, scripted(0.19))).toMatchObject({ outcome: 'permanent-failure' });
    expect(planOperation(profile({ permanentFailureRate: 0.2 }), null, scripted(0.2))).toMatchObject({ outcome: 'success' });
  });

  it('never fails with a zero rate, even on the lowest draw', () => {
    expect(planOperation(profile({ permanentFailureRate: 0 }), null, scripted())).toMatchObject({ outcome: 'success' });
  });
});

describe('drawLatency', () => {
  it('spreads latency uniformly over latency ± jitter', () => {
    const jittery = profile({ latencyMs: 100, jitterMs: 50 });
    expect(drawLatency(jittery, scripted(0))).toBe(50);
    expect(drawLatency(jittery, scripted(0.5))).toBe(100);
    expect(drawLatency(jittery, scripted(0.999999))).toBe(150);
  });

  it('never goes below zero', () => {
    expect(drawLatency(profile({ latencyMs: 10, jitterMs: 100 }), scripted(0))).toBe(0);
  });
});
