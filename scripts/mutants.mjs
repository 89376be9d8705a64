// Mutation check: proves the tests can fail. Each mutant is one small,
// realistic bug put into src/ or mock/; the tests most likely to see it run
// (through the README's test command) and must fail. A mutant that every one
// of its tests lets through is a test that cannot fail.
//   node scripts/mutants.mjs           every mutant (about 5 minutes)
//   node scripts/mutants.mjs M09 K20   only these
// The files are put back after each mutant (also on Ctrl-C), and dist/ is
// rebuilt from the restored source at the end. Not part of `npm test`: it runs
// the suite's specs dozens of times.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

/** [name, file, what it breaks, the text, its mutation, playwright arguments] */
const MUTANTS = [
  // Crypto and zero knowledge.
  ['M01', 'src/crypto/keys.ts', 'key characters biased (byte % 62 of every byte)', 'b < 248 &&', 'b < 256 &&', ['e2e/unit/crypto.spec.ts']],
  ['M02', 'src/crypto/seal.ts', 'the nonce Set never records an iv', '    used.add(iv);\n', '', ['e2e/unit/crypto.spec.ts']],
  ['M03', 'src/api/secrets.ts', 'share_url carries one character of keyA', "'#' + k.slice(8)", "'#' + k.slice(7)", ['e2e/secrets.spec.ts']],
  ['M04', 'src/api/requests.ts', 'respond() seals more than keyB', 'token, k.slice(8))', 'token, k.slice(7))', ['e2e/requests.spec.ts']],
  ['M05', 'src/api/reveal.ts', 'attachments always opened with the content iv', 'a.iv ?? s.iv', 's.iv', ['e2e/reveal.spec.ts']],
  ['M06', 'src/api/secrets.ts', 'security ladder: password above otp_email', "    : otpEmail ? ['otp_email', { otp_type: 'email', otp_receiver: otpEmail }]\n    : password ? ['password', { password }]", "    : password ? ['password', { password }]\n    : otpEmail ? ['otp_email', { otp_type: 'email', otp_receiver: otpEmail }]", ['e2e/secrets.spec.ts']],
  // Transport.
  ['M07', 'src/transport/request.ts', 'POST retried on a NetworkError', "(method != 'POST' && e instanceof NetworkError)", '(e instanceof NetworkError)', ['e2e/errors.spec.ts', '-g', 'POST is never retried']],
  ['M08', 'src/transport/request.ts', 'Retry-After ignored by the backoff', 'after || Math.min', 'Math.min', ['e2e/errors.spec.ts', '-g', 'POST is retried on 429']],
  ['M09', 'src/transport/request.ts', 'backoff not capped at 8 s', 'Math.min(250 << n, 8e3, cfg.timeout)', 'Math.min(250 << n, cfg.timeout)', ['e2e/unit/transport.spec.ts']],
  ['M10', 'src/transport/request.ts', 'a 408 not retried', "(method != 'POST' && e instanceof NetworkError)", "(method != 'POST' && e instanceof NetworkError && (e as RateLimitError).status != 408)", ['e2e/errors.spec.ts', '-g', '408']],
  ['M11', 'src/transport/request.ts', 'Retry-After as an HTTP date ignored', 'Math.ceil(+after >= 0 ? +after : (Date.parse(after) - Date.now()) / 1e3)', 'Math.ceil(+after)', ['e2e/errors.spec.ts', '-g', 'RateLimitError carries']],
  ['M12', 'src/transport/request.ts', 'PASSWORD_* mapped by status only', '/PASSWORD|OTP|CAPTCHA/', '/OTP|CAPTCHA/', ['e2e/errors.spec.ts', '-g', 'error.code first']],
  ['M13', 'src/transport/request.ts', 'PAYLOAD_TOO_LARGE mapped by status only', " : code == 'PAYLOAD_TOO_LARGE' ? AttachmentError", '', ['e2e/errors.spec.ts', '-g', 'error.code first']],
  ['M14', 'src/transport/request.ts', 'the caller\'s abort becomes a TimeoutError', '    if (user?.aborted) throw user.reason;\n', '', ['e2e/errors.spec.ts', '-g', 'TimeoutError']],
  // Validation.
  ['M15', 'src/limits.ts', 'content up to 256 characters', 'content: [1, 255]', 'content: [1, 256]', ['e2e/unit/validate.spec.ts', 'e2e/validation.spec.ts']],
  ['M16', 'src/limits.ts', 'password from 3 characters', 'password: [4, 100]', 'password: [3, 100]', ['e2e/unit/validate.spec.ts', 'e2e/validation.spec.ts']],
  ['M17', 'src/validate.ts', 'lone surrogates let through', '    n = (encodeURIComponent(v), [...v].length);', '    n = [...v].length;', ['e2e/unit/validate.spec.ts', 'e2e/validation.spec.ts']],
  ['M18', 'src/validate.ts', 'IPv4 172.16/12 narrowed to 172.16/16', '(a == 172 && b >> 4 == 1)', '(a == 172 && b == 16)', ['e2e/unit/validate.spec.ts']],
  ['M19', 'src/validate.ts', 'IPv4 223/8 refused (stricter than the mock)', 'a > 223', 'a > 222', ['e2e/unit/validate.spec.ts']],
  // Client, reveal, requests.
  ['M20', 'src/client.ts', 'getConfig() leaks the token', 'hasToken: !!(cfg.token || cfg.getToken)', 'hasToken: !!(cfg.token || cfg.getToken), ...{ token: cfg.token }', ['e2e/loading.spec.ts']],
  ['M21', 'src/api/secrets.ts', 'delete() resolves to the data (null)', "!!(await request(cfg, at('/secrets/', 'slug', id, o), o, 'DELETE')) as true", "(await request(cfg, at('/secrets/', 'slug', id, o), o, 'DELETE')).data", ['e2e/secrets.spec.ts']],
  ['M22', 'src/api/requests.ts', 'openRequest() does not check for a sealed key', 'if (!r.sealed_key || !r.secret_url)', 'if ((r.sealed_key ??= \'\') == null || !r.secret_url)', ['e2e/requests.spec.ts', '-g', 'without a sealed key']],
  // analyzeStats and test().
  ['M23', 'src/api/analyze.ts', 'activity: 50 secrets this week counted high', "n('secrets_created_this_week') > 50", "n('secrets_created_this_week') >= 50", ['e2e/analyze.spec.ts']],
  ['M24', 'src/api/analyze.ts', 'retention: 20% active counted high', "active > 20 ? 'high'", "active >= 20 ? 'high'", ['e2e/analyze.spec.ts']],
  ['M25', 'src/api/analyze.ts', 'retention: 5% active counted low', "active < 5 ? 'low'", "active <= 5 ? 'low'", ['e2e/analyze.spec.ts']],
  ['M26', 'src/api/diagnostics.ts', 'test() skips only after a failed configuration check', 'details.slice(0, 2).some', 'details.slice(0, 1).some', ['e2e/diagnostics.spec.ts']],
  ['M27', 'src/api/diagnostics.ts', 'test() counts only the checks that ran', 'total: 6,', "total: details.filter((d) => !/^Skipped/.test(d.message)).length,", ['e2e/diagnostics.spec.ts', '-g', 'unreachable']],
  ['M28', 'src/api/secrets.ts', 'a 0-byte file after another accepted', 'f instanceof Blob && f.size && isText', 'f instanceof Blob && isText', ['e2e/validation.spec.ts', '-g', '0-byte file is refused wherever']],
  ['M29', 'src/api/secrets.ts', 'list() takes a status of requests', "checkOptions(f, filters('active', 'expired'));", "checkOptions(f, filters('active', 'expired', 'completed'));", ['e2e/validation.spec.ts', '-g', 'status of requests']],
  ['M30', 'src/api/secrets.ts', 'the signal put in the list query', "v != null && k != 'signal'", "v != null && k != 'signals'", ['e2e/secrets.spec.ts', '-g', 'never reaches the query']],
  ['M31', 'src/api/requests.ts', 'requestExpirationHours bounded like views', 'requestExpirationHours: int(LIMITS.hours),', 'requestExpirationHours: int(LIMITS.views),', ['e2e/requests.spec.ts', '-g', 'whole 1..8760']],
  ['M32', 'src/api/requests.ts', 'inbox_url built beside the API, not the request url', "new URL('/i/' + r.token, new URL(r.url ?? '', cfg.apiUrl))", "new URL('/i/' + r.token, cfg.apiUrl)", ['e2e/requests.spec.ts', '-g', 'beside the request']],
  ['M33', 'src/transport/request.ts', 'Content-Type sent on every request', "  if (body) headers['Content-Type'] = 'application/json';", "  headers['Content-Type'] = 'application/json';", ['e2e/secrets.spec.ts', '-g', 'never reaches the query']],
  // The mock.
  ['K01', 'mock/http.ts', 'body limit 16 MB instead of 16 MiB', 'BODY_LIMIT = 16 * 1024 * 1024', 'BODY_LIMIT = 16 * 1000 * 1000', ['e2e/mock/envelope.spec.ts', '-g', 'exactly 16']],
  ['K02', 'mock/routes/stats.ts', '"this month" is 31 days', 'since(30)', 'since(31)', ['e2e/mock/stats.spec.ts', '-g', 'to the hour']],
  ['K03', 'mock/routes/stats.ts', '"today" is 2 days', 'since(1),', 'since(2),', ['e2e/mock/stats.spec.ts', '-g', 'to the hour']],
  ['K04', 'mock/ip.ts', 'CGNAT (100.64/10) accepted', "  ['100.64.0.0/10', 'shared (CGNAT)'],\n", '', ['e2e/unit/validate.spec.ts']],
  ['K05', 'mock/store.ts', 'a deleted, answered request stays completed', "    if (r.deleted) return 'expired';\n    if (r.completedAt !== null) return 'completed';", "    if (r.completedAt !== null) return 'completed';\n    if (r.deleted) return 'expired';", ['e2e/mock/requests.spec.ts', '-g', 'DELETE expires']],
  ['K06', 'mock/store.ts', 'a secret with every view used stays active', 's.currentViews < s.maximumViews', 's.currentViews <= s.maximumViews', ['e2e/mock/recipient.spec.ts']],
  ['K07', 'mock/server.ts', 'no Retry-After on a 429', "      'Retry-After': String(verdict.retryAfter),\n", '', ['e2e/mock/ratelimit.spec.ts']],
  ['K08', 'mock/http.ts', 'CORS does not expose Retry-After', "'Retry-After, X-RateLimit-Remaining", "'X-RateLimit-Remaining", ['e2e/mock/envelope.spec.ts', 'e2e/mock/ratelimit.spec.ts']],
  ['K09', 'mock/log.ts', 'the token logged unmasked', "name.toLowerCase() === 'authorization' ? maskAuthorization(text) : text", 'text', ['e2e/mock/controls.spec.ts']],
  ['K10', 'mock/validate.ts', 'a salt of 17 bytes accepted', "(n) => n === 16, '16 bytes'", "(n) => n >= 16, '16 bytes'", ['e2e/mock/rules.spec.ts', '-g', 'salt of 17']],
  ['K11', 'mock/validate.ts', 'a keyA of 9 characters accepted', '/^[A-Za-z0-9]{8}$/.test(v)', '/^[A-Za-z0-9]{8,}$/.test(v)', ['e2e/mock/rules.spec.ts', '-g', '9 characters']],
  ['K12', 'mock/validate.ts', 'otp_receiver without otp_type accepted', "    if (f.given('otp_receiver')) f.fail('otp_type', 'The otp_type field is required when otp_receiver is present.');\n", '', ['e2e/mock/rules.spec.ts', '-g', 'otp_receiver without']],
  ['K13', 'mock/validate.ts', 'attachments_total_size under the sum accepted', 'out.length === list.length && declared !== total', 'out.length === list.length && declared > total', ['e2e/mock/rules.spec.ts', '-g', 'attachments_total_size below']],
  ['K14', 'mock/listing.ts', 'the creator filter case-sensitive', "creator: query.get('creator')?.trim().toLowerCase() || null", "creator: query.get('creator')?.trim() || null", ['e2e/mock/rules.spec.ts', '-g', 'creator filter']],
  ['K15', 'mock/server.ts', 'routes without a token limited per X-Forwarded-For', '`address:${socketIp}`', '`address:${clientIp}`', ['e2e/mock/ratelimit-address.spec.ts']],
  ['K16', 'mock/routes/recipient.ts', 'a lower-case CF-IPCountry refused', "String(ctx.req.headers['cf-ipcountry'] ?? '').trim().toUpperCase()", "String(ctx.req.headers['cf-ipcountry'] ?? '').trim()", ['e2e/mock/rules.spec.ts', '-g', 'lower-case CF-IPCountry']],
  ['K17', 'mock/router.ts', 'Allow header without OPTIONS', "[...new Set(allowed), 'OPTIONS']", '[...new Set(allowed)]', ['e2e/mock/rules.spec.ts', '-g', '405 names']],
  ['K18', 'mock/routes/requests.ts', 'the request e-mail without a default reply_to', 'reply_to: r.emailReply ?? r.creator,', 'reply_to: r.emailReply,', ['e2e/mock/rules.spec.ts', '-g', 'request e-mail']],
  ['K19', 'mock/routes/requests.ts', 'the request e-mail always in English', 'subject: SUBJECT[r.locale],', 'subject: SUBJECT.en,', ['e2e/mock/rules.spec.ts', '-g', 'request e-mail']],
  ['K20', 'mock/pages.ts', 'the pages may be framed', "  \"frame-ancestors 'none'\",\n", '', ['e2e/mock/details.spec.ts', '-g', 'framing']],
  ['K21', 'mock/log.ts', 'a 4-character token shown whole as its hint', 'token.length > 4 ? 4 : token.length >> 1', 'token.length >= 4 ? 4 : token.length >> 1', ['e2e/mock/details.spec.ts', '-g', '4-character token']],
  ['K22', 'mock/store.ts', 'advancing the clock keeps expired ciphertext', '    this.offsetMs += hours * HOUR;\n    this.sweep();', '    this.offsetMs += hours * HOUR;', ['e2e/mock/details.spec.ts', '-g', 'clock drops']],
  ['K23', 'mock/routes/stats.ts', 'expired tokens counted as revoked', 'revoked_tokens: entries.filter((t) => t.revoked).length', 'revoked_tokens: entries.filter((t) => t.revoked || expired(t)).length', ['e2e/mock/details.spec.ts', '-g', 'expired token counts']],
  ['K24', 'mock/auth.ts', 'the "bearer" scheme in lower case refused', '/^Bearer\\s+(\\S+)\\s*$/i', '/^Bearer\\s+(\\S+)\\s*$/', ['e2e/mock/details.spec.ts', '-g', 'Bearer scheme']],
  ['K25', 'mock/http.ts', 'X-RateLimit-Limit not exposed to CORS', "'Retry-After, X-RateLimit-Remaining, X-RateLimit-Limit'", "'Retry-After, X-RateLimit-Remaining'", ['e2e/mock/details.spec.ts', '-g', 'X-RateLimit-Limit']],
];

const only = process.argv.slice(2);
const chosen = MUTANTS.filter(([name]) => !only.length || only.includes(name));
let original = null;
const restore = () => original && writeFileSync(original[0], original[1]);
process.on('SIGINT', () => (restore(), process.exit(130)));

const rows = [];
const t0 = Date.now();
for (const [name, file, what, from, to, args] of chosen) {
  const text = readFileSync(file, 'utf8');
  if (text.split(from).length != 2) {
    rows.push([name, what, 'NOT APPLIED: its text is not in ' + file + ' exactly once']);
    continue;
  }
  original = [file, text];
  writeFileSync(file, text.replace(from, () => to));
  try {
    const r = spawnSync('npm', ['test', '--', ...args], { encoding: 'utf8', env: { ...process.env, CI: '1', SHAROKEY_MUTANT: '1' } });
    const out = r.stdout + r.stderr;
    const failed = /^\s+(\d+) failed/m.exec(out)?.[1];
    rows.push([name, what, r.status == 0 ? 'SURVIVED' : failed ? `killed (${failed} failed)` : 'BUILD FAILED: not a test result']);
  } finally {
    restore();
    original = null;
  }
  console.log(rows.at(-1).join('  '));
}
spawnSync(process.execPath, ['build.mjs'], { stdio: 'ignore' });
const killed = rows.filter((r) => r[2].startsWith('killed')).length;
console.log(`mutants: ${rows.length} tried, ${killed} killed, ${rows.length - killed} not (${Math.round((Date.now() - t0) / 1000)} s)`);
process.exit(killed == rows.length ? 0 : 1);
