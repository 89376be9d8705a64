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
/**
 * ... and past this many characters of bodies in all (four 10 MB creates), so
 * that memory and GET /_mock/log stay bounded however large the bodies.
 */
export const LOG_BODY_CHARS = 64 * 1024 * 1024;
/** Pending faults at most: a queue that long is a mistake. */
export const FAULT_LIMIT = 100;

export class MockState {
  readonly store = new Store();
  readonly usage = new UsageCounter();
  readonly limiter: RateLimiter;
  readonly log: LogEntry[] = [];
  readonly faults: Fault[] = [];
  private faultIds = 0;
  private logChars = 0;

  constructor(readonly fixtures: LoadedFixtures) {
    this.limiter = new RateLimiter(fixtures.perMinute);
  }

  /** Appends to the request log (GET /_mock/log). */
  record(entry: LogEntry): void {
    this.log.push(entry);
    this.logChars += entry.body.length;
    let drop = 0;
    while (this.log.length - drop > LOG_LIMIT || (this.logChars > LOG_BODY_CHARS && drop < this.log.length - 1)) this.logChars -= this.log[drop++]!.body.length;
    if (drop) this.log.splice(0, drop);
  }

  /** DELETE /_mock/log. */
  clearLog(): void {
    this.log.length = 0;
    this.logChars = 0;
  }

  nextFaultId(): number {
    return ++this.faultIds;
  }

  /** POST /_mock/reset: back to a fresh start (the fixtures stay). */
  reset(): void {
    this.store.reset();
    this.usage.reset();
    this.limiter.reset();
    this.clearLog();
    this.faults.length = 0;
  }
}
