/**
 * Everything one running mock holds: fixtures, data, counters, log, faults.
 */
import type { Fault } from './faults.ts';
import type { LoadedFixtures } from './fixtures.ts';
import type { LogEntry } from './log.ts';
import { RateLimiter } from './ratelimit.ts';
import { Store } from './store.ts';
import { UsageCounter } from './usage.ts';

export class MockState {
  readonly store = new Store();
  readonly usage = new UsageCounter();
  readonly limiter: RateLimiter;
  readonly log: LogEntry[] = [];
  readonly faults: Fault[] = [];
  private faultIds = 0;

  constructor(readonly fixtures: LoadedFixtures) {
    this.limiter = new RateLimiter(fixtures.perMinute);
  }

  nextFaultId(): number {
    return ++this.faultIds;
  }

  /** POST /_mock/reset: back to a fresh start (the fixtures stay). */
  reset(): void {
    this.store.reset();
    this.usage.reset();
    this.limiter.reset();
    this.log.length = 0;
    this.faults.length = 0;
  }
}
