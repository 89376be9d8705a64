/**
 * Everything one running mock holds: fixtures, data, counters, log, faults.
 */
import type { Fault } from './faults.ts';
import type { LoadedFixtures } from './fixtures.ts';
import type { LogEntry } from './log.ts';
import { RateLimiter } from './ratelimit.ts';
import { Store } from './store.ts';
import { UsageCounter } from './usage.ts';

/** Oldest log entries are dropped past this many, so a long-running demo stays small. */
export const LOG_LIMIT = 5000;

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

  /** Appends to the request log (GET /_mock/log). */
  record(entry: LogEntry): void {
    this.log.push(entry);
    if (this.log.length > LOG_LIMIT) this.log.splice(0, this.log.length - LOG_LIMIT);
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
