import { describe, expect, it } from '@jest/globals';
import { PermanentPartnerError, TransientPartnerError } from '../partner-errors.js';
import { errorFromNetworkFailure, errorFromResponse, parseRetryAfter } from './classify-partner-failure.js';

const problem = (slug: string, detail: string) => ({ type: `https://problems.hybrid-cloud.example/${slug}`, title: 'x', status: 0, detail });
const noHeaders = new Headers();

describe('errorFromResponse', () => {
  it.each([500, 502, 503, 504, 408, 429])('classifies %i as transient', (status) => {
    const error = errorFromResponse('softbank', 'POST /partners/softbank/resources', status, noHeaders, problem('x', 'busy'));
    expect(error).toBeInstanceOf(TransientPartnerError);
    expect(error).toMatchObject({ permanent: false, partner: 'softbank', status, retryAfterMs: null });
    expect(error.message).toBe(`softbank: POST /partners/softbank/resources answered ${status}: busy`);
  });

  it.each([400, 401, 403, 404, 409, 413, 415, 422])('classifies %i as permanent, with the problem type as its code', (status) => {
    const error = errorFromResponse('softbank', 'DELETE /partners/softbank/resources/x', status, noHeaders, problem('not-found', 'No resource'));
    expect(error).toBeInstanceOf(PermanentPartnerError);
    expect(error).toMatchObject({ permanent: true, status, code: 'not-found' });
  });

  it('carries Retry-After on a 429 and a 503', () => {
    const throttled = errorFromResponse('softbank', 'GET /x', 429, new Headers({ 'retry-after': '3' }), undefined);
    expect(throttled).toMatchObject({ retryAfterMs: 3000 });
    const down = errorFromResponse('softbank', 'GET /x', 503, new Headers({ 'retry-after': '1' }), undefined);
    expect(down).toMatchObject({ retryAfterMs: 1000 });
  });

  it('copes with an answer that is not problem+json', () => {
    const error = errorFromResponse('softbank', 'GET /x', 418, noHeaders, undefined);
    expect(error).toMatchObject({ code: 'http-418', message: 'softbank: GET /x answered 418' });
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-12-01T10:00:00Z');

  it('reads delay-seconds and HTTP dates', () => {
    expect(parseRetryAfter('0', now)).toBe(0);
    expect(parseRetryAfter(' 120 ', now)).toBe(120_000);
    expect(parseRetryAfter('Tue, 01 Dec 2026 10:00:05 GMT', now)).toBe(5000);
    expect(parseRetryAfter('Tue, 01 Dec 2026 09:00:00 GMT', now)).toBe(0);
  });

  it('ignores what it cannot read', () => {
    expect(parseRetryAfter(null, now)).toBeNull();
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter('-1', now)).toBeNull();
  });
});

describe('errorFromNetworkFailure', () => {
  it('calls a timeout transient and says how long it waited', () => {
    const timeout = new DOMException('The operation was aborted due to timeout', 'TimeoutError');
    const error = errorFromNetworkFailure('provider', 'GET /x', timeout, 250);
    expect(error).toBeInstanceOf(TransientPartnerError);
    expect(error).toMatchObject({ status: null, retryAfterMs: null, message: 'provider: GET /x did not answer within 250 ms' });
  });

  it.each(['ECONNREFUSED', 'ECONNRESET', 'UND_ERR_SOCKET', 'EAI_AGAIN'])('calls %s transient and names it', (code) => {
    const failure = new TypeError('fetch failed', { cause: Object.assign(new Error('connect'), { code }) });
    const error = errorFromNetworkFailure('provider', 'GET /x', failure, 1000);
    expect(error).toBeInstanceOf(TransientPartnerError);
    expect(error.message).toContain(code);
    expect(error.cause).toBe(failure);
  });
});
