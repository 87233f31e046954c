import { describe, expect, it } from '@jest/globals';
import { createCircuitBreaker, type BreakerState } from '../src/index.js';

function breakerWithClock(failureThreshold = 2, openMs = 1_000) {
  let nowMs = 0;
  const changes: BreakerState['kind'][] = [];
  const breaker = createCircuitBreaker({
    failureThreshold,
    openMs,
    now: () => nowMs,
    onStateChange: (state) => changes.push(state.kind),
  });
  return { breaker, changes, advance: (ms: number) => (nowMs += ms) };
}

describe('createCircuitBreaker', () => {
  it('opens after the threshold of consecutive failures; a success in between resets the count', () => {
    const { breaker } = breakerWithClock(2);
    breaker.onFailure();
    breaker.onSuccess();
    breaker.onFailure();
    expect(breaker.state()).toEqual({ kind: 'closed', consecutiveFailures: 1 });
    breaker.onFailure();
    expect(breaker.state().kind).toBe('open');
    expect(breaker.tryAcquire()).toBe(false);
  });

  it('admits exactly one probe after openMs, and closes when it succeeds', () => {
    const { breaker, changes, advance } = breakerWithClock(1, 1_000);
    breaker.onFailure();
    advance(999);
    expect(breaker.tryAcquire()).toBe(false);
    advance(1);
    expect(breaker.tryAcquire()).toBe(true);
    expect(breaker.tryAcquire()).toBe(false);
    breaker.onSuccess();
    expect(breaker.tryAcquire()).toBe(true);
    expect(changes).toEqual(['open', 'halfOpen', 'closed']);
  });

  it('reopens for another openMs when the probe fails', () => {
    const { breaker, advance } = breakerWithClock(1, 1_000);
    breaker.onFailure();
    advance(1_000);
    expect(breaker.tryAcquire()).toBe(true);
    breaker.onFailure();
    expect(breaker.tryAcquire()).toBe(false);
    advance(1_000);
    expect(breaker.tryAcquire()).toBe(true);
  });

  it('lets the next caller probe at once when the probe was abandoned', () => {
    const { breaker, advance } = breakerWithClock(1, 1_000);
    breaker.onFailure();
    advance(1_000);
    expect(breaker.tryAcquire()).toBe(true);
    breaker.onAbandon();
    expect(breaker.tryAcquire()).toBe(true);
  });
  it('counts the failures of one origin once, so one request cannot open the circuit alone', () => {
    const { breaker } = breakerWithClock(2);
    breaker.onFailure('request-1');
    breaker.onFailure('request-1');
    breaker.onFailure('request-1');
    expect(breaker.state()).toEqual({ kind: 'closed', consecutiveFailures: 1 });
    breaker.onFailure('request-2');
    expect(breaker.state().kind).toBe('open');
  });

  it('counts an origin again after a success ended its run of failures', () => {
    const { breaker } = breakerWithClock(2);
    breaker.onFailure('request-1');
    breaker.onSuccess();
    breaker.onFailure('request-1');
    expect(breaker.state()).toEqual({ kind: 'closed', consecutiveFailures: 1 });
    breaker.onFailure('request-1');
    expect(breaker.state()).toEqual({ kind: 'closed', consecutiveFailures: 1 });
    breaker.onFailure();
    expect(breaker.state().kind).toBe('open');
  });
});
