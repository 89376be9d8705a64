/**
 * A sliding 60-second window per key (a token, or a client address), on
 * the real clock: advancing the mock clock must not refill anyone's budget.
 */
const WINDOW_MS = 60_000;

export type Verdict = { allowed: true; remaining: number } | { allowed: false; retryAfter: number };

export class RateLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(private readonly perMinute: number) {}

  /** Counts one request for `key` if the window has room; otherwise says when it will. */
  take(key: string, now = Date.now()): Verdict {
    const recent = (this.hits.get(key) ?? []).filter((t) => t > now - WINDOW_MS);
    if (recent.length >= this.perMinute) {
      this.hits.set(key, recent);
      const frees = recent[0]! + WINDOW_MS;
      return { allowed: false, retryAfter: Math.max(1, Math.ceil((frees - now) / 1000)) };
    }
    recent.push(now);
    this.hits.set(key, recent);
    return { allowed: true, remaining: this.perMinute - recent.length };
  }

  get limit(): number {
    return this.perMinute;
  }

  reset(): void {
    this.hits.clear();
  }
}
