import { describe, expect, it } from '@jest/globals';
import { bindHandlers } from './job-dispatcher.js';

class AdvanceHandler {
  async handle(): Promise<void> {}
}
class OtherHandler {
  async handle(): Promise<void> {}
}

describe('bindHandlers', () => {
  it('binds one handler per job', () => {
    const handler = new AdvanceHandler();
    const expiry = new OtherHandler();
    const bound = bindHandlers([
      { job: 'advance-request', instance: handler },
      { job: 'expire-reservations', instance: expiry },
    ]);
    expect(bound.get('advance-request')).toBe(handler);
    expect(bound.get('expire-reservations')).toBe(expiry);
  });

  it('refuses a job without a handler', () => {
    expect(() => bindHandlers([])).toThrow(/job 'advance-request' has no handler/);
  });

  it('refuses a job with two handlers, naming them', () => {
    expect(() =>
      bindHandlers([
        { job: 'advance-request', instance: new AdvanceHandler() },
        { job: 'advance-request', instance: new OtherHandler() },
      ]),
    ).toThrow(/2 handlers \(AdvanceHandler, OtherHandler\)/);
  });

  it('refuses a handler for a job the registry does not know', () => {
    expect(() =>
      bindHandlers([
        { job: 'advance-request', instance: new AdvanceHandler() },
        { job: 'send-invoice', instance: new OtherHandler() },
      ]),
    ).toThrow(/OtherHandler handles 'send-invoice'/);
  });
});
