/**
 * Per-token request counters for /tokens-stats, kept per (token, company)
 * so a multi-company user's activity for one company is not shown to another.
 */
export interface TokenUsage {
  requests: number;
  errors: number;
  rateLimited: number;
  /** Mock-clock epoch ms of the last request, or null. */
  lastUsedAt: number | null;
  /** Order of the last request, to sort requests in the same millisecond. */
  lastOrder: number;
}

const EMPTY: TokenUsage = { requests: 0, errors: 0, rateLimited: 0, lastUsedAt: null, lastOrder: 0 };

export class UsageCounter {
  private readonly byKey = new Map<string, TokenUsage>();
  private order = 0;

  /** Counts one answered request. */
  record(token: string, companyId: string, status: number, at: number): void {
    const key = `${companyId}\n${token}`;
    const u = this.byKey.get(key) ?? { ...EMPTY };
    u.requests += 1;
    if (status >= 400) u.errors += 1;
    if (status === 429) u.rateLimited += 1;
    u.lastUsedAt = at;
    u.lastOrder = ++this.order;
    this.byKey.set(key, u);
  }

  get(token: string, companyId: string): TokenUsage {
    return this.byKey.get(`${companyId}\n${token}`) ?? EMPTY;
  }

  reset(): void {
    this.byKey.clear();
    this.order = 0;
  }
}
