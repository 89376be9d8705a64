// Every example of API.md and the README, written against the published types
// (dist/sharokey.d.ts through package.json "exports"). `tsc -p e2e/types` must
// pass; each @ts-expect-error line must be an error (with `any` types it is not,
// and tsc fails), so the types are seen to refuse what API.md does not allow.
import Sharokey, { config, create, reveal, getStats, analyzeStats, createClient, isSharokeyError, ValidationError, delete as remove } from 'sharokey-dropin';
import type { CreatedSecret, Revealed, StatsAnalysis } from 'sharokey-dropin';

export async function everyMethod(signal: AbortSignal, file: File): Promise<void> {
  config({ token: 'token', apiUrl: 'https://api.sharokey.com/api/v1', timeout: 30000, retries: 2, company: 'acme' });
  Sharokey.config({ getToken: async () => 'token' });
  // A key given as undefined or null goes back to its default (README), also under exactOptionalPropertyTypes.
  Sharokey.config({ token: undefined, getToken: null, company: null, timeout: undefined });
  const hasToken: boolean = Sharokey.getConfig().hasToken;
  const s: CreatedSecret = await create('x', 24, 1, {
    description: 'd', message: 'm', password: 'pppp', captcha: true, otpEmail: 'a@example.com', otpPhone: '+33674747474',
    ipWhitelist: ['203.0.113.5'], geolocation: 'FR,DE', attachments: [file], onProgress: (p) => void p.loaded, signal,
  });
  const security: 'none' | 'captcha' | 'password' | 'otp_email' | 'otp_phone' = s.security;
  const shareUrl: string = s.share_url;
  const { items, pagination } = await Sharokey.list({ status: 'active', limit: 10, page: 1, creator: 'a@example.com', search: 'x', signal });
  const total: number = pagination.total; // PROTOCOL.md: every list has its pagination
  void [items[0]?.slug, total, hasToken, security];
  // An input's FileList is taken as it is.
  await create('x', 1, 1, { attachments: (document.querySelector('input[type=file]') as HTMLInputElement).files! });
  void (await Sharokey.getDetails(s.slug, { signal })).access_url;
  void (await Sharokey.get(s.slug));
  const deleted: true = await Sharokey.delete(s.slug);
  void [deleted, await remove(s.slug)];
  const stats = await getStats({ from: new Date(), to: '2026-01-01', signal });
  const active: number = stats.active_secrets;
  void [active, await Sharokey.stats(), await Sharokey.getTokenStats()];
  const insight: StatsAnalysis = analyzeStats(stats);
  void [insight.recommendations, insight.passwordProtectionRate, analyzeStats({ total_secrets: 3, secrets_with_password: 1 })];
  void analyzeStats({ success: true, data: { total_secrets: '3', active_secrets: 1 } });
  const sent = await Sharokey.sendOtp(shareUrl, { signal });
  void sent.to;
  const r: Revealed = await reveal(shareUrl, { password: 'p', otp: '123456', captchaToken: 'c', signal });
  const files: File[] = r.attachments;
  const message: string | null = r.message;
  void [files, message, r.content];
  const request = await Sharokey.createRequest({
    message: 'm', description: 'd', emailTo: 'a@example.com', emailReply: 'b@example.com', locale: 'fr',
    secretExpirationHours: 1, requestExpirationHours: 2, maximumViews: 3, signal,
  });
  void [request.token, request.url, request.status, request.inbox_url];
  await Sharokey.listRequests({ status: 'completed' });
  await Sharokey.getRequest(request.token);
  await Sharokey.deleteRequest(request.token);
  await Sharokey.requestStats({ from: '2026-01-01' });
  await Sharokey.respond(request.url, 'x', { attachments: [file] });
  void (await Sharokey.openRequest(request.inbox_url)).content;
  const health = await Sharokey.health();
  const report = await Sharokey.test({ signal });
  const connected: boolean = await Sharokey.testConnection();
  const version: string = Sharokey.version;
  void [health.status, health.version, report.passed, report.total, report.success, report.details[0]?.message, connected, version];
  await createClient({ token: 'other' }).list();
  try {
    await create('', 0, 0);
  } catch (e) {
    // The named class is a value and a type.
    const invalid: ValidationError | undefined = e instanceof ValidationError ? e : undefined;
    void invalid?.details;
    if (isSharokeyError(e)) void [e.code as string, e.status as number, e.cause];
    if (e instanceof Sharokey.RateLimitError) void e.retryAfter;
  }
  void window.Sharokey.version;

  // What a strict project writes (exactOptionalPropertyTypes is on here): an input's files as
  // the DOM types them (FileList | null), readonly lists, options that may be undefined or null
  // (the runtime takes both as not given), and the public key createRequest() made, a string.
  const input = document.querySelector('input[type=file]') as HTMLInputElement;
  const maybe: string | undefined = input.value || undefined;
  await create('x', 1, 1, { attachments: input.files, geolocation: ['FR', 'DE'] as const, ipWhitelist: Object.freeze(['203.0.113.5']), password: maybe, description: null });
  await create('x', 1, 1, { attachments: Object.freeze([file]) as readonly File[] });
  await reveal(shareUrl, { password: maybe, otp: undefined, captchaToken: null, signal: undefined });
  await Sharokey.list({ status: undefined, limit: null });
  await getStats({ from: maybe, to: undefined });
  await Sharokey.createRequest({ emailTo: maybe, locale: undefined });
  const publicKey: string = request.public_key;
  await Sharokey.respond(request.url, 'x', { publicKey, onProgress: null });
  // A listed secret has what PROTOCOL.md lists for items; a created one has no status (its 201 does not).
  const updated: string = items[0]!.updated_at;
  const listed: 'active' | 'expired' = items[0]!.status;
  // @ts-expect-error create() answers no status
  void s.status;
  // Any error may carry the Retry-After its answer sent; the token usage count may come under either name.
  try { await remove('x'); } catch (e) { if (isSharokeyError(e)) void (e.retryAfter satisfies number | undefined); }
  const usage = (await Sharokey.getTokenStats()).tokens[0];
  const count: number | undefined = usage?.requests ?? usage?.request_count;
  // analyzeStats takes a count that may be undefined, as a strict project holds it.
  analyzeStats({ total_secrets: maybe === undefined ? undefined : 3 });
  void [updated, listed, count];
  // @ts-expect-error attachments are files, not numbers
  await create('x', 1, 1, { attachments: [42] });
  // @ts-expect-error a list of countries is of strings
  await create('x', 1, 1, { geolocation: [33] });

  // @ts-expect-error content is a string
  await create(42);
  // @ts-expect-error no such option
  await create('x', 1, 1, { pasword: 'typo' });
  // @ts-expect-error security is one of five strings
  const wrong: 'pin' = s.security;
  // @ts-expect-error getConfig never gives the token
  void Sharokey.getConfig().token;
  void wrong;
}
