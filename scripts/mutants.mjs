// Mutation check: proves the tests can fail. Each mutant is one small,
// realistic bug put into src/, mock/ or demo/; the tests most likely to see it run
// (through the README's test command) and must fail. A mutant that every one
// of its tests lets through is a test that cannot fail.
//   node scripts/mutants.mjs           every mutant (about 22 minutes)
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
  ['M12', 'src/transport/request.ts', 'PASSWORD_* mapped by status only', '/^((PASSWORD|OTP|CAPTCHA)_REQUIRED|INVALID_(PASSWORD|OTP))$/', '/^((OTP|CAPTCHA)_REQUIRED|INVALID_OTP)$/', ['e2e/errors.spec.ts', '-g', 'error.code first']],
  ['M13', 'src/transport/request.ts', 'PAYLOAD_TOO_LARGE mapped by status only', " : code == 'PAYLOAD_TOO_LARGE' ? AttachmentError", '', ['e2e/errors.spec.ts', '-g', 'error.code first']],
  ['M14', 'src/transport/request.ts', 'the caller\'s abort becomes a TimeoutError', '    if (user?.aborted) throw user.reason;\n', '', ['e2e/errors.spec.ts', '-g', 'TimeoutError']],
  // Validation.
  ['M15', 'src/limits.ts', 'content up to 256 characters', 'content: [1, 255]', 'content: [1, 256]', ['e2e/unit/validate.spec.ts', 'e2e/validation.spec.ts']],
  ['M16', 'src/limits.ts', 'password from 3 characters', 'password: [4, 100]', 'password: [3, 100]', ['e2e/unit/validate.spec.ts', 'e2e/validation.spec.ts']],
  ['M17', 'src/validate.ts', 'lone surrogates let through', '    n = (encodeURIComponent(v), [...v].length);', '    n = [...v].length;', ['e2e/unit/validate.spec.ts', 'e2e/validation.spec.ts']],
  ['M18', 'src/validate.ts', 'IPv4 172.16/12 narrowed to 172.16/16', 'i >> 4 == (172 << 4 | 1)', 'i == (172 << 8 | 16)', ['e2e/unit/validate.spec.ts']],
  ['M19', 'src/validate.ts', 'IPv4 223/8 refused (stricter than the mock)', 'i > (223 << 8 | 255)', 'i > (222 << 8 | 255)', ['e2e/unit/validate.spec.ts']],
  // Client, reveal, requests.
  ['M20', 'src/client.ts', 'getConfig() leaks the token', 'hasToken: !!(cfg.token || cfg.getToken)', 'hasToken: !!(cfg.token || cfg.getToken), ...{ token: cfg.token }', ['e2e/loading.spec.ts']],
  ['M21', 'src/api/secrets.ts', 'delete() resolves to the data (null)', "!!(await request(cfg, at('/secrets/', 'slug', id, o), o, 'DELETE')) as true", "(await request(cfg, at('/secrets/', 'slug', id, o), o, 'DELETE')).data", ['e2e/secrets.spec.ts']],
  ['M22', 'src/api/requests.ts', 'openRequest() does not check for a sealed key', 'if (!r.sealed_key || !r.secret_url)', 'if ((r.sealed_key ??= \'\') == null || !r.secret_url)', ['e2e/requests.spec.ts', '-g', 'without a sealed key']],
  // analyzeStats and test().
  ['M23', 'src/api/analyze.ts', 'activity: 50 secrets this week counted high', "n(F.week) > 50", "n(F.week) >= 50", ['e2e/analyze.spec.ts']],
  ['M24', 'src/api/analyze.ts', 'retention: 20% active counted high', "active > 20 ? 'high'", "active >= 20 ? 'high'", ['e2e/analyze.spec.ts']],
  ['M25', 'src/api/analyze.ts', 'retention: 5% active counted low', "active < 5 ? 'low'", "active <= 5 ? 'low'", ['e2e/analyze.spec.ts']],
  ['M26', 'src/api/diagnostics.ts', 'test() skips only after a failed configuration check', 'details.slice(0, 2).some', 'details.slice(0, 1).some', ['e2e/diagnostics.spec.ts']],
  ['M27', 'src/api/diagnostics.ts', 'test() counts only the checks that ran', 'total: 6,', "total: details.filter((d) => !/^Skipped/.test(d.message)).length,", ['e2e/diagnostics.spec.ts', '-g', 'unreachable']],
  ['M28', 'src/api/secrets.ts', 'a 0-byte file after another accepted', "typeof f?.arrayBuffer == 'function' && f.size && !text", "typeof f?.arrayBuffer == 'function' && (f.size || f.size === 0) && !text", ['e2e/validation.spec.ts', '-g', '0-byte file is refused wherever']],
  ['M29', 'src/api/secrets.ts', 'list() takes a status of requests', "checkOptions(f, filters('active', 'expired'));", "checkOptions(f, filters('active', 'expired', 'completed'));", ['e2e/validation.spec.ts', '-g', 'status of requests']],
  ['M30', 'src/api/secrets.ts', 'the signal put in the list query', "v != null && k != 'signal'", "v != null && k != 'signals'", ['e2e/secrets.spec.ts', '-g', 'never reaches the query']],
  ['M31', 'src/api/requests.ts', 'requestExpirationHours bounded like views', 'requestExpirationHours: int(LIMITS.hours),', 'requestExpirationHours: int(LIMITS.views),', ['e2e/requests.spec.ts', '-g', 'whole 1..8760']],
  ['M32', 'src/api/requests.ts', 'inbox_url built beside the API, not the request url', "webUrl(r.url ?? '', cfg.apiUrl).origin", "webUrl('', cfg.apiUrl).origin", ['e2e/requests.spec.ts', '-g', 'beside the request']],
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
  ['K09', 'mock/log.ts', 'the token logged unmasked', "(n === 'authorization' || n === 'proxy-authorization' ? maskAuthorization(v) : hide(v))", 'v', ['e2e/mock/controls.spec.ts']],
  ['K10', 'mock/validate.ts', 'a salt of 17 bytes accepted', "(n) => n === 16, '16 bytes'", "(n) => n >= 16, '16 bytes'", ['e2e/mock/rules.spec.ts', '-g', 'salt of 17']],
  ['K11', 'mock/validate.ts', 'a keyA of 9 characters accepted', '/^[A-Za-z0-9]{8}$/.test(v)', '/^[A-Za-z0-9]{8,}$/.test(v)', ['e2e/mock/rules.spec.ts', '-g', '9 characters']],
  ['K12', 'mock/validate.ts', 'otp_receiver without otp_type accepted', "    if (f.given('otp_receiver')) f.fail('otp_type', 'The otp_type field is required when otp_receiver is present.');\n", '', ['e2e/mock/rules.spec.ts', '-g', 'otp_receiver without']],
  ['K13', 'mock/validate.ts', 'attachments_total_size under the sum accepted', 'out.length === list.length && declared !== total', 'out.length === list.length && declared > total', ['e2e/mock/rules.spec.ts', '-g', 'attachments_total_size below']],
  ['K14', 'mock/listing.ts', 'the creator filter case-sensitive', "const creator = query.get('creator')?.trim().toLowerCase() || null;", "const creator = query.get('creator')?.trim() || null;", ['e2e/mock/rules.spec.ts', '-g', 'creator filter']],
  ['K15', 'mock/server.ts', 'routes without a token limited per X-Forwarded-For', '`address:${socketIp}`', '`address:${clientIp}`', ['e2e/mock/ratelimit-address.spec.ts']],
  ['K16', 'mock/routes/recipient.ts', 'a lower-case CF-IPCountry refused', "countryCode(String(ctx.req.headers['cf-ipcountry'] ?? ''))", "(String(ctx.req.headers['cf-ipcountry'] ?? '').trim().match(/^[A-Z]{2}$/)?.[0] ?? null)", ['e2e/mock/rules.spec.ts', '-g', 'lower-case CF-IPCountry']],
  ['K17', 'mock/router.ts', 'Allow header without OPTIONS', "[...new Set(allowed), 'OPTIONS']", '[...new Set(allowed)]', ['e2e/mock/rules.spec.ts', '-g', '405 names']],
  ['K18', 'mock/routes/requests.ts', 'the request e-mail without a default reply_to', 'reply_to: r.emailReply ?? r.creator,', 'reply_to: r.emailReply,', ['e2e/mock/rules.spec.ts', '-g', 'request e-mail']],
  ['K19', 'mock/routes/requests.ts', 'the request e-mail always in English', 'subject: SUBJECT[r.locale],', 'subject: SUBJECT.en,', ['e2e/mock/rules.spec.ts', '-g', 'request e-mail']],
  ['K20', 'mock/pages.ts', 'the pages may be framed', "  \"frame-ancestors 'none'\",\n", '', ['e2e/mock/pages-more.spec.ts', '-g', 'whole CSP']],
  ['K21', 'mock/log.ts', 'a 4-character token shown whole as its hint', 'token.length > 4 ? 4 : token.length >> 1', 'token.length >= 4 ? 4 : token.length >> 1', ['e2e/mock/details.spec.ts', '-g', '4-character token']],
  ['K22', 'mock/store.ts', 'advancing the clock keeps expired ciphertext', 'this.frozen += hours * HOUR;\n    this.sweep();', 'this.frozen += hours * HOUR;', ['e2e/mock/details.spec.ts', '-g', 'clock drops']],
  ['K23', 'mock/routes/stats.ts', 'expired tokens counted as revoked', 'revoked_tokens: entries.filter((t) => t.revoked).length', 'revoked_tokens: entries.filter((t) => t.revoked || expired(t)).length', ['e2e/mock/details.spec.ts', '-g', 'expired token counts']],
  ['K24', 'mock/auth.ts', 'the "bearer" scheme in lower case refused', '/^Bearer\\s+(\\S+)\\s*$/i', '/^Bearer\\s+(\\S+)\\s*$/', ['e2e/mock/details.spec.ts', '-g', 'Bearer scheme']],
  ['K25', 'mock/http.ts', 'X-RateLimit-Limit not exposed to CORS', "'Retry-After, X-RateLimit-Remaining, X-RateLimit-Limit'", "'Retry-After, X-RateLimit-Remaining'", ['e2e/mock/details.spec.ts', '-g', 'X-RateLimit-Limit']],
  // Round 3: the mock's pagination, usage, statistics, shapes, fields, identifiers, CLI, controls and pages.
  ['K26', 'mock/listing.ts', 'last_page 0 on an empty list', 'last_page: Math.max(1, Math.ceil(items.length / q.limit))', 'last_page: Math.ceil(items.length / q.limit)', ['e2e/mock/edges.spec.ts', '-g', 'an empty list is page 1']],
  ['K27', 'mock/listing.ts', 'limit 2.5 or 1e2 accepted', '/^\\d+$/.test(text)', '/^\\d+/.test(text)', ['e2e/mock/edges.spec.ts', '-g', 'must be whole numbers']],
  ['K28', 'mock/usage.ts', 'last use order frozen at first use', 'u.lastOrder = ++this.order;', 'u.lastOrder ||= ++this.order;', ['e2e/mock/edges.spec.ts', '-g', 'used again moves back']],
  ['K29', 'mock/usage.ts', 'last_used_at only set once', 'u.lastUsedAt = at;', 'u.lastUsedAt ??= at;', ['e2e/mock/edges.spec.ts', '-g', 'used again moves back']],
  ['K30', 'mock/routes/stats.ts', 'usage of a user token read for its first company', '.map((t) => ({ t, u: usage.get(t.token, companyId) }))', '.map((t) => ({ t, u: usage.get(t.token, t.companies[0]!) }))', ['e2e/mock/edges.spec.ts', '-g', 'multi-company user shows']],
  ['K31', 'mock/faults.ts', 'a JSON array body typed as text', 'if (start === \'{\' || start === \'[\') return', 'if (start === \'{\') return', ['e2e/mock/edges.spec.ts', '-g', 'JSON array']],
  ['K32', 'mock/state.ts', 'log keeps 5001', 'this.log.length - drop > LOG_LIMIT', 'this.log.length - drop > LOG_LIMIT + 1', ['e2e/mock/edges.spec.ts', '-g', 'latest 5000']],
  ['K33', 'mock/shapes.ts', 'is_expired only from the expiration date', 'is_expired: status === \'expired\',', 'is_expired: s.expiration <= store.now(),', ['e2e/mock/edges.spec.ts', '-g', 'views are used up lists']],
  ['K34', 'mock/shapes.ts', 'request object without completed_at', 'completed_at: r.completedAt === null ? null : iso(r.completedAt),', 'completed_at: null,', ['e2e/mock/edges.spec.ts', '-g', 'carries completed_at']],
  ['K35', 'mock/fields.ts', 'e-mail without a dot in the domain accepted', 'const EMAIL = /^[^\\s@]+@[^\\s@.]+(\\.[^\\s@.]+)+$/;', 'const EMAIL = /^[^\\s@]+@[^\\s@.]+(\\.[^\\s@.]+)*$/;', ['e2e/mock/edges.spec.ts', '-g', 'dot in its domain']],
  ['K36', 'mock/fields.ts', '"" is a given value', 'return v !== undefined && v !== null && v !== \'\';', 'return v !== undefined && v !== null;', ['e2e/mock/edges.spec.ts', '-g', 'count as not given']],
  ['K37', 'mock/ids.ts', 'slug characters biased (no rejection)', 'const CUTOFF = 256 - (256 % ALPHABET.length);', 'const CUTOFF = 256;', ['e2e/mock/edges.spec.ts', '-g', 'identifiers are uniform']],
  ['K38', 'mock/ids.ts', 'one-time codes not padded to 6 digits', 'String(randomInt(0, 1_000_000)).padStart(6, \'0\')', 'String(randomInt(0, 1_000_000))', ['e2e/mock/edges.spec.ts', '-g', 'always six digits']],
  ['K39', 'mock/cli.ts', 'default host all interfaces', 'host: \'127.0.0.1\',', 'host: \'0.0.0.0\',', ['e2e/mock/cli.spec.ts', '-g', 'on 127.0.0.1 only']],
  ['K40', 'mock/cli.ts', 'port 65536 accepted', 'options.port > 65535', 'options.port > 65536', ['e2e/mock/cli.spec.ts', '-g', 'outside 0..65535']],
  ['K41', 'mock/routes/stats.ts', 'requests-stats ignores the range', 'const requests = store.requestsOf(ctx.caller().companyId).filter((r) => r.createdAt >= range.start && r.createdAt < range.end);', 'const requests = store.requestsOf(ctx.caller().companyId);', ['e2e/mock/edges.spec.ts', '-g', 'requests-stats counts only']],
  ['K42', 'mock/routes/stats.ts', 'secrets_with_password counts every protection', 'secrets.filter((s) => s.security === \'password\').length', 'secrets.filter((s) => s.security !== \'none\').length', ['e2e/mock/edges.spec.ts', '-g', 'secrets_with_password counts']],
  ['K43', 'mock/routes/secrets.ts', 'DELETE twice moves updated_at', '      if (!secret.deleted) {\n        const now', '      {\n        const now', ['e2e/mock/edges.spec.ts', '-g', 'DELETE again changes nothing']],
  ['K44', 'mock/routes/requests.ts', 'DELETE twice moves updated_at (requests)', '      if (!r.deleted) {\n', '      {\n', ['e2e/mock/edges.spec.ts', '-g', 'DELETE again changes nothing']],
  ['K45', 'mock/routes/requests.ts', 'request_completed always to the creator', 'type: \'request_completed\', to: r.emailReply ?? r.creator', 'type: \'request_completed\', to: r.creator', ['e2e/mock/edges.spec.ts', '-g', 'e-mail goes to email_reply']],
  ['K46', 'mock/routes/requests.ts', 'request search ignores email_to', 'matchesSearch(q.search, r.message, r.description, r.emailTo, r.token)', 'matchesSearch(q.search, r.message, r.description, r.token)', ['e2e/mock/edges.spec.ts', '-g', 'also looks in email_to']],
  ['K47', 'mock/routes/controls.ts', 'DELETE outbox does not clear', '      ctx.state.store.outbox.length = 0;\n', '', ['e2e/mock/edges.spec.ts', '-g', 'empties the outbox']],
  ['K48', 'mock/routes/recipient.ts', 'numeric otp not zero-padded', 'typeof otp === \'number\' ? String(otp).padStart(6, \'0\') :', 'typeof otp === \'number\' ? String(otp) :', ['e2e/mock/edges.spec.ts', '-g', 'keeps its leading zero']],
  ['K49', 'mock/pages.ts', 'no form-action \'none\'', '  "form-action \'none\'",\n', '', ['e2e/mock/pages-more.spec.ts', '-g', 'whole CSP']],
  ['K50', 'mock/pages.ts', 'no base-uri \'none\'', '  "base-uri \'none\'",\n', '', ['e2e/mock/pages-more.spec.ts', '-g', 'whole CSP']],
  ['K51', 'mock/public/viewer.js', '"1 files"', '` and ${n} file${n === 1 ? \'\' : \'s\'}`', '` and ${n} files`', ['e2e/mock/pages-more.spec.ts', '-g', 'counts the files in words']],
  ['K52', 'mock/public/responder.js', '"1 times"', 'request.maximum_views === 1 ? \'once\' :', 'false ? \'once\' :', ['e2e/mock/pages-more.spec.ts', '-g', 'says .once.']],
  ['K53', 'mock/public/responder.js', 'form shown for a request without a public key', '    if (!request.public_key) return noKey();\n', '', ['e2e/mock/pages-more.spec.ts', '-g', 'without a public key says so']],
  ['K54', 'mock/server.ts', 'the connection closed at once after a 413 (the reset can destroy the answer)', '  if (!bytes) linger(req, res);\n', '', ['e2e/mock/envelope.spec.ts', '-g', 'Connection: close']],
  ['K57', 'mock/http.ts', 'the 413 only once the whole body is in (a client that waits for it never gets it)', '    if (over()) resolve(null);\n', '', ['e2e/mock/envelope.spec.ts', '-g', 'Connection: close']],
  ['K55', 'mock/http.ts', 'bytes that are not UTF-8 read with replacement characters', "new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })", "new TextDecoder('utf-8', { ignoreBOM: true })", ['e2e/mock/envelope.spec.ts', '-g', 'not UTF-8']],
  ['K56', 'mock/server.ts', 'CONNECT left to Node (the socket closed, no answer)', "  server.on('connect',", "  server.on('connect-no',", ['e2e/mock/envelope.spec.ts', '-g', 'CONNECT']],
  ['K58', 'mock/fixtures.ts', '"rateLimit": 2 read as no limit given (120 per minute)', "  if (raw['rateLimit'] != null && !isObject(raw['rateLimit'])) return fail('\"rateLimit\" must be an object: { \"perMinute\": N }');\n", '', ['e2e/mock/fixtures.spec.ts', '-g', 'malformed']],
  ['K59', 'mock/fixtures.ts', 'expires_at without a zone read in the process\'s own zone', 'zone = \'Z\'] = m;\n', 'zone = \'Z\'] = m;\n  if (!m[8]) return Date.parse((text as string).replace(\' \', \'T\'));\n', ['e2e/mock/fixtures.spec.ts', '-g', 'without a zone']],
  ['K60', 'mock/log.ts', 'only the first copy of a repeated header logged (a second credential unseen)', 'flat[n] = values.map(', 'flat[n] = values.slice(0, 1).map(', ['e2e/mock/stats.spec.ts', '-g', 'every copy']],
  ['K61', 'mock/log.ts', 'a token in the query or another header logged in clear', 'maskAuthorization(v) : hide(v))', 'maskAuthorization(v) : v)', ['e2e/mock/stats.spec.ts', '-g', 'every copy']],
  ['K62', 'mock/shapes.ts', 'the requester\'s description shown to anyone with the request link', '    message: r.message,\n    locale: r.locale,', '    message: r.message,\n    description: r.description,\n    locale: r.locale,', ['e2e/mock/requests.spec.ts', '-g', 'responder sees']],
  ['K63', 'mock/routes/recipient.ts', 'a blank captcha token passes', "typeof captcha === 'string' ? captcha.trim() : captcha", 'captcha', ['e2e/mock/recipient.spec.ts', '-g', 'captcha gate']],
  ['K64', 'mock/server.ts', 'a fault replaces a page (another origin puts its own viewer where share links open)', 'control || onPage ? undefined : takeFault', 'control ? undefined : takeFault', ['e2e/mock/controls.spec.ts', '-g', 'never replaces a page']],
  ['K65', 'mock/faults.ts', 'a fault\'s HTML body runs if a browser is sent to it', "      'Content-Security-Policy': \"sandbox; default-src 'none'\",\n", '', ['e2e/mock/controls.spec.ts', '-g', 'HTML 502 instead']],
  ['K66', 'mock/public/page.js', 'a file name shown with its direction override (a .exe posing as a .pdf)', 'link.textContent = `${shown(file.name)}', 'link.textContent = `${file.name}', ['e2e/mock/pages-more.spec.ts', '-g', 'direction overrides']],
  ['K67', 'mock/public/viewer.js', 'the viewer stays on "Loading" when the answer lists no attachments', 'Array.isArray(info.attachments) ? info.attachments.length : 0', 'info.attachments.length', ['e2e/mock/pages-more.spec.ts', '-g', 'lists no attachments']],
  ['K68', 'mock/public/inbox.js', 'the answer\'s message shown as if the page said it', ", 'Written by whoever answered (not checked by anyone): ');", ');', ['e2e/mock/inbox.spec.ts', '-g', 'labelled']],
  ['K69', 'mock/public/responder.js', 'the responder page ignores the key the requester gave (seals to whatever the server put)', "{ publicKey: $('key').value.trim() || undefined }", '{}', ['e2e/demo/requests.spec.ts', '-g', 'made in the console']],
  ['K70', 'mock/log.ts', 'a token percent-encoded in the query logged in clear', '|${bytes})`;', ')`;', ['e2e/mock/stats.spec.ts', '-g', 'percent-encoded']],
  ['K71', 'mock/server.ts', 'a body refused at a root alias answered before the rate limit (and a 400 for an unknown route)', 'if (refused && (control || onPage))', 'if (refused && (control || apiPath === url.pathname))', ['e2e/mock/controls.spec.ts', '-g', 'root alias']],
  ['K72', 'mock/server.ts', 'controls through a doubled slash logged and faulted', '  const url = urlOf(target);', '  const url = new URL(`http://mock.invalid${target}`);', ['e2e/mock/controls.spec.ts', '-g', 'doubled slash']],
  ['K73', 'mock/server.ts', 'a request line in absolute form routed as /', '  const target = requestTarget(req.url);\n  const url = urlOf(target);', '  const target = req.url?.startsWith(\'/\') ? req.url : \'/\';\n  const url = urlOf(target);', ['e2e/mock/controls.spec.ts', '-g', 'absolute form']],
  ['K74', 'mock/http.ts', 'a preflight refuses CF-IPCountry and X-Forwarded-For', ', X-Forwarded-For, CF-IPCountry\'', '\'', ['e2e/mock/controls.spec.ts', 'e2e/reveal.spec.ts', '-g', 'CF-IPCountry']],
  ['K75', 'mock/fixtures.ts', 'expires_at read by Date.parse (2030-02-30 is 2 March)', 'expires == null ? null : isoTime(expires)', 'expires == null ? null : typeof expires === \'string\' ? Date.parse(expires) : NaN', ['e2e/mock/fixtures.spec.ts', '-g', 'malformed fixtures']],
  ['K76', 'mock/fixtures.ts', 'another script\'s INIT_CWD taken for where --fixtures was typed', '/^(mock|start)$/.test(process.env[\'npm_lifecycle_event\'] ?? \'\') ? process.env[\'INIT_CWD\'] : undefined', 'process.env[\'INIT_CWD\']', ['e2e/mock/fixtures.spec.ts', '-g', 'relative to']],
  ['K77', 'mock/store.ts', 'years 0000 to 0099 read as 1900 to 1999', 'd.setUTCFullYear(year, month - 1, day);', 'd.setTime(Date.UTC(year, month - 1, day));', ['e2e/mock/stats.spec.ts', '-g', 'whole UTC days']],
  ['K78', 'mock/log.ts', 'what matched decoded to find its token (a token with a % of its own: a 500)', 't.replace(pattern, () => hint)', 't.replace(pattern, (m) => \'****\' + tokenHint(decodeURIComponent(m)))', ['e2e/mock/stats.spec.ts', '-g', 'of its own']],
  ['K79', 'mock/server.ts', 'a request answered 417 is not logged', 'if (!isControl(apiPathOf(urlOf(target).pathname))) state.record(', 'if (!target) state.record(', ['e2e/mock/controls.spec.ts', '-g', 'absolute form']],
  ['K80', 'mock/fixtures.ts', 'SHAROKEY_MOCK_FIXTURES given to npm start read from the project, not where it was typed', '/^(mock|start)$/', '/^mock$/', ['e2e/mock/fixtures.spec.ts', '-g', 'relative to']],
  ['K81', 'mock/public/page.js', 'a revealed file linked with its own type (an HTML file a tab could show as a page of the mock)', 'URL.createObjectURL(new Blob([file], { type: \'application/octet-stream\' }))', 'URL.createObjectURL(file)', ['e2e/demo/secrets.spec.ts', '-g', 'second browser']],
  ['K82', 'mock/public/viewer.js', 'keyB kept in the address and history once the secret is open', '      history.replaceState(null, \'\', location.pathname + location.search);\n', '', ['e2e/demo/secrets.spec.ts', '-g', 'second browser']],
  ['K83', 'mock/public/page.js', 'a malformed id in the address stops the viewer at "Loading"', '      return decodeURIComponent(last);\n    } catch {\n      return last;\n    }', '      return decodeURIComponent(last);\n    } finally {\n      void 0;\n    }', ['e2e/demo/details.spec.ts', '-g', 'no id or no view']],
  ['K84', 'mock/validate.ts', 'captcha: "" refused, not taken as not given', '  if (!f.given(\'captcha\')) return false;', '  if (v === undefined || v === null) return false;', ['e2e/mock/edges.spec.ts', '-g', 'optional fields given as']],
  ['K85', 'mock/validate.ts', 'attachments: "" refused, not taken as not given', '  if (!f.given(\'attachments\')) {', '  if (list === undefined || list === null) {', ['e2e/mock/edges.spec.ts', '-g', 'optional fields given as']],
  ['K86', 'mock/routes/recipient.ts', 'a blank one-time code is INVALID_OTP, not OTP_REQUIRED', 'typeof otp === \'string\' ? otp.trim() : otp;', 'otp;', ['e2e/mock/recipient.spec.ts', '-g', 'an OTP gate']],
  ['K87', 'mock/routes/recipient.ts', 'the body read before the address check (bad JSON from outside ip_whitelist: 400, not 403)', '      checkPlace(ctx, secret);\n      checkGate(secret, ctx.body(), store.now());', '      const body = ctx.body();\n      checkPlace(ctx, secret);\n      checkGate(secret, body, store.now());', ['e2e/mock/recipient.spec.ts', '-g', 'malformed JSON on open']],
  ['K88', 'mock/http.ts', 'a lone surrogate in a JSON escape stored (the raw text checked, not the parsed value)', '&& lone(value)) throw', '&& lone(text)) throw', ['e2e/mock/recipient.spec.ts', '-g', 'lone surrogate']],
  ['K89', 'src/transport/request.ts', 'an option given as null sent as JSON null', ': v ?? undefined));', ': v));', ['e2e/api-edges.spec.ts', '-g', 'given as null']],
  ['K90', 'mock/public/viewer.js', 'a link whose key was cut shows the library\'s message to the recipient', "if (name === 'CryptoError' || (name === 'ValidationError' && error.details && Object.hasOwn(error.details, 'shareUrl'))) {", "if (name === 'CryptoError') {", ['e2e/mock/pages.spec.ts', '-g', 'key is missing']],
  ['K91', 'mock/public/page.js', 'the focus lost to <body> when the form that had it is hidden', "    $('status').focus();\n", '', ['e2e/mock/pages.spec.ts', '-g', 'key is missing']],
  ['K92', 'mock/public/page.js', 'an opened secret does not get the focus', "    $('content').focus();\n", '', ['e2e/mock/pages.spec.ts', '-g', 'uses no view until the click']],
  ['K93', 'mock/public/viewer.js', 'a wrong password leaves the focus on the button, not the field', "      if (focusFree($('reveal'))) $('password').focus();\n", '', ['e2e/mock/pages.spec.ts', '-g', 'uses no view until the click']],
  ['K94', 'mock/public/viewer.js', 'any ValidationError called a damaged key (a too long password hid the form)', "(name === 'ValidationError' && error.details && Object.hasOwn(error.details, 'shareUrl'))", "name === 'ValidationError'", ['e2e/mock/pages.spec.ts', '-g', 'takes no focus']],
  ['K95', 'mock/public/viewer.js', 'a wrong password takes the focus the person moved during the call', "if (focusFree($('reveal'))) $('password').focus();", "$('password').focus();", ['e2e/mock/pages.spec.ts', '-g', 'takes no focus']],
  ['K96', 'mock/countries.ts', "country codes upper-cased before they are checked ('ß' stored as SS)", "/^[a-z]{2}$/i.test(c) && ", '', ['e2e/mock/rules.spec.ts', '-g', 'are no code']],
  ['K97', 'mock/routes/recipient.ts', "a CF-IPCountry of 'ß' read as SS", "countryCode(String(ctx.req.headers['cf-ipcountry'] ?? ''))", "String(ctx.req.headers['cf-ipcountry'] ?? '').trim().toUpperCase()", ['e2e/mock/rules.spec.ts', '-g', 'is no country']],
  ['K98', 'mock/listing.ts', 'a creator that is not an e-mail address answered with an empty list', "!isEmail(creator)) details['creator']", "!creator.includes('@')) details['creator']", ['e2e/mock/rules.spec.ts', '-g', 'not an e-mail address']],
  ['K99', 'mock/http.ts', 'the lone-surrogate walk by recursion (a deep body overflows the stack: 500)', "const lone = (value: unknown): boolean => {\n  const todo = [value];", "const lone = (value: unknown): boolean => {\n  if (value !== null && typeof value === 'object') return Object.entries(value).some(([k, x]) => lone(k) || lone(x));\n  const todo = [value];", ['e2e/mock/envelope.spec.ts', '-g', 'nested 100,000']],
  ['K100', 'mock/server.ts', "bad bytes after pipelined requests answered before their answers", "for (const res of before) res.once('close', () => --left || answer());\n    if (!left) answer();", 'answer();', ['e2e/mock/envelope.spec.ts', '-g', 'pipelined']],
  ['K101', 'mock/http.ts', 'a body cut short logged and counted as a 413', "req.on('error', () => resolve('aborted'));", "req.on('error', () => resolve(null));", ['e2e/mock/envelope.spec.ts', '-g', 'never arrives whole']],
  ['K102', 'mock/server.ts', 'leading empty segments kept (//api/v1/health is 404)', "  url.pathname = url.pathname.replace(/\\/{2,}/g, '/');\n", '', ['e2e/mock/envelope.spec.ts', '-g', 'leading empty']],
  ['K103', 'mock/server.ts', "a request without Host gets Node's bare 400", 'createServer({ requireHostHeader: false }, ', 'createServer({}, ', ['e2e/mock/envelope.spec.ts', '-g', 'without Host']],
  ['K104', 'mock/server.ts', 'a 100 Continue sent for a body over the limit', "if (!(Number(req.headers['content-length']) > BODY_LIMIT)) res.writeContinue();", 'res.writeContinue();', ['e2e/mock/envelope.spec.ts', '-g', '100-continue']],
  ['K105', 'mock/ip.ts', 'an X-Forwarded-For range read as an address', "text.includes('/') ? null : ", '', ['e2e/mock/rules.spec.ts', '-g', 'written as a range']],
  ['K106', 'mock/router.ts', 'a 405 leaves HEAD out of Allow', "allowed.push(...(route.method === 'GET' ? ['GET', 'HEAD'] : [route.method]));", 'allowed.push(route.method);', ['e2e/mock/rules.spec.ts', '-g', '405 names']],
  ['K107', 'mock/public/inbox.js', 'the private key left in the address after the answer is open', "      history.replaceState(null, '', location.pathname + location.search);\n", '', ['e2e/mock/inbox.spec.ts', '-g', 'opens an answered request']],
  ['K108', 'mock/public/inbox.js', 'a closed request told as one whose answer is gone', "    if (code === 'REQUEST_CLOSED') {", "    if (code === 'REQUEST_CLOSED!') {", ['e2e/mock/inbox.spec.ts', '-g', 'cancelled before anyone answered']],
  // Round 3: the script's date ranges, request statuses and configuration bounds.
  ['M34', 'src/api/stats.ts', 'from alone refused', '(to && from > to ? \'must not be after to\' : \'\')', '(from > to ? \'must not be after to\' : \'\')', ['e2e/api-edges.spec.ts', '-g', 'take one bound alone']],
  ['M35', 'src/api/requests.ts', 'listRequests refuses status completed', 'checkOptions(f, filters(\'active\', \'completed\', \'expired\'));', 'checkOptions(f, filters(\'active\', \'expired\'));', ['e2e/api-edges.spec.ts', '-g', 'lists the answered requests']],
  ['M36', 'src/client.ts', 'apiUrl http:/// accepted', '/^https?:\\/\\/[^/]/.test(v)', '/^https?:\\/\\//.test(v)', ['e2e/api-edges.spec.ts', '-g', 'apiUrl without a host']],
  ['M37', 'src/client.ts', 'timeout unbounded', 'timeout: int([1, 36e5]),', 'timeout: int([1, Infinity]),', ['e2e/api-edges.spec.ts', '-g', 'too long for a timer']],
  ['M38', 'src/transport/request.ts', 'Retry-After read on a 429 only (a 503 asking for time is retried at once)', '    ...(after && { retryAfter:', '    ...(status == 429 && after && { retryAfter:', ['e2e/errors.spec.ts', '-g', 'a 503 with Retry-After']],
  ['M40', 'src/crypto/keys.ts', 'a leading U+FEFF dropped when the content is decoded', "new TextDecoder('utf-8', { ignoreBOM: true })", 'new TextDecoder()', ['e2e/reveal.spec.ts', '-g', 'U\\+FEFF']],
  ['M41', 'src/client.ts', 'a call reads the live settings (a retry after config() goes to the new apiUrl with the old token)', '({ ...cfg }, ...a.map(own))', '(cfg, ...a.map(own))', ['e2e/errors.spec.ts', '-g', 'keeps the settings']],
  ['M43', 'src/api/analyze.ts', 'analyzeStats copies inherited keys into its result', '  for (const k of keys(r)) r[snake(k)]', '  for (const k in r) void keys, r[snake(k)]', ['e2e/hostile.spec.ts', '-g', 'Object.prototype']],
  ['M44', 'src/api/requests.ts', 'createRequest() returns the server\'s echo of the public key', '{ ...r, public_key: publicKey, inbox_url:', '{ ...r, public_key: r.public_key!, inbox_url:', ['e2e/requests.spec.ts', '-g', 'echo']],
  ['M45', 'src/api/requests.ts', 'respond() seals to whatever key the request carries, publicKey or not', 'o.publicKey !== key) throw', "o.publicKey == 'never') throw", ['e2e/requests.spec.ts', '-g', 'out of band']],
  ['M46', 'src/validate.ts', 'a snake_case option (otp_email) dropped silently: the secret made without it', "bare(u) == bare(k)", "bare(u) == bare(k) + '!'", ['e2e/validation.spec.ts']],
  ['M47', 'src/api/reveal.ts', "reveal() sends a form's empty password ('' is refused, or sent)", "password: password || null,", "password,", ['e2e/reveal.spec.ts', '-g', 'empty fields']],
  ['M48', 'src/api/secrets.ts', "an input's FileList refused", " || {}.toString.call(v) == '[object FileList]'", '', ['e2e/secrets.spec.ts', '-g', 'FileList']],
  ['M49', 'src/transport/request.ts', 'a javascript: share or request link let through (script for a page that puts it in an href)', "  if (!/^https?:$/.test(u.protocol)) throw TypeError();\n", '', ['e2e/hostile-server.spec.ts', '-g', 'http\\(s\\)']],
  ['M50', 'src/transport/request.ts', 'redirects followed (a 307 sends the body to another host)', "redirect: 'error'", "redirect: 'follow'", ['e2e/hostile-server.spec.ts', '-g', 'redirect']],
  ['M51', 'src/errors.ts', 'a malformed answer rejects with a raw TypeError', 'e instanceof TypeError || e instanceof RangeError ?', 'false ?', ['e2e/hostile-server.spec.ts', '-g', 'without the data|not a list']],
  ['M52', 'src/api/requests.ts', 'the inbox link keeps the user name and path of the url the server named', "webUrl(r.url ?? '', cfg.apiUrl).origin)", "webUrl(r.url ?? '', cfg.apiUrl))", ['e2e/hostile-server.spec.ts', '-g', 'origin alone']],
  ['M53', 'src/api/secrets.ts', 'list() resolves to items that are no array', '  if (!Array.isArray(p.items)) throw TypeError();\n', '', ['e2e/hostile-server.spec.ts', '-g', 'without the data']],
  ['M54', 'src/client.ts', 'options read through their prototype (a page\'s Object.prototype.password becomes the secret\'s)', 'Object.getPrototypeOf(x ?? 0) == Object.prototype ?', 'false ?', ['e2e/hostile.spec.ts', '-g', 'option and setting names']],
  ['M55', 'src/client.ts', 'config() takes an inherited apiUrl', 'if (Object.hasOwn(o, k))', 'if (k in o)', ['e2e/hostile.spec.ts', '-g', 'option and setting names']],
  ['M56', 'src/client.ts', 'unset settings not own keys (a page\'s Object.prototype.company or .token is sent)', ', token: undefined, getToken: undefined, company: undefined, signal: undefined, anonymous: undefined };', ' };', ['e2e/hostile.spec.ts', '-g', 'option and setting names']],
  ['M57', 'src/validate.ts', 'validation reads inherited values (a page\'s Object.prototype.timeout stops the script loading)', 'Object.hasOwn(values, k) ? values[k] : undefined', 'values[k]', ['e2e/hostile.spec.ts', '-g', 'option and setting names']],
  ['M58', 'src/client.ts', 'a caller\'s abort with a TypeError reason turned into a NetworkError', '(x as WithSignal)?.signal?.reason === cause', '(x as WithSignal)?.signal?.reason === 0', ['e2e/hostile-server.spec.ts', '-g', 'keeps its reason']],
  ['M59', 'src/errors.ts', 'the error brand set through Object.assign (an old polyfill of it copies no symbol)', '(SharokeyError.prototype as unknown as Record<symbol, number>)[BRAND] = 1;', 'Object.assign(SharokeyError.prototype, { [BRAND]: 1 });', ['e2e/hostile.spec.ts', '-g', 'Object.assign polyfill']],
  ['M60', 'src/transport/request.ts', 'a long string other than an attachment\'s data pasted into the body unescaped', 'k == \'data\' && v.length > 65536', '(k == \'data\' || k == \'name\') && v.length > 65536', ['e2e/unit/transport.spec.ts', '-g', 'only an attachment']],
  ['M61', 'src/transport/request.ts', 'each retry leaves a listener on the caller\'s signal', '.finally(() => signal?.removeEventListener(\'abort\', stop))', '.finally(() => 0)', ['e2e/unit/transport.spec.ts', '-g', 'leaves no listener']],
  ['M62', 'src/transport/request.ts', 'an abort waits for getToken()', 'await unlessAborted((async () => cfg.getToken!())(), signal)', 'await cfg.getToken()', ['e2e/unit/transport.spec.ts', '-g', 'while getToken']],
  ['M63', 'src/validate.ts', 'an IP entry the URL parser reads as a host name or with a fragment let through', '!(v6 ? /^[\\da-f:.]+$/i.test(addr) : h == addr && /^(\\d+\\.){3}\\d+$/.test(h))', '!(v6 || (h == addr && /^[\\d.]+$/.test(h)))', ['e2e/unit/validate.spec.ts', 'e2e/validation.spec.ts']],
  ['M64', 'src/api/secrets.ts', 'country letters upper-cased first (\'ıt\' is IT)', '  geolocation: listOf(isCountry,', '  geolocation: listOf((c) => isCountry(c.toUpperCase()),', ['e2e/validation.spec.ts']],
  ['M65', 'src/api/stats.ts', 'a Date past year 9999 sent as +010000-01', '(isText(v) ? s == v : /^\\d{4}-/.test(s))', '(!isText(v) || s == v)', ['e2e/validation.spec.ts']],
  ['M66', 'src/api/secrets.ts', 'respond() with publicKey: \'\' skips the key check', '  publicKey: text([1, LIMITS.text]),', '  publicKey: note,', ['e2e/requests.spec.ts', '-g', 'sealed and sent only when']],
  ['M67', 'src/api/secrets.ts', 'what onProgress throws ends the create (at \'done\', after the secret is stored)', '  try {\n    o?.onProgress?.(p);\n  } catch (e) {\n    setTimeout(() => {\n      throw e;\n    });\n  }', '  o?.onProgress?.(p);', ['e2e/secrets.spec.ts', '-g', 'onProgress that throws']],
  ['M68', 'src/api/stats.ts', '1970-01-01 (0 ms) refused as no date', 'd && d <= d ?', 'd && +d ?', ['e2e/validation.spec.ts', '-g', 'boundaries themselves']],
  ['M69', 'src/api/secrets.ts', 'a File of another frame refused (instanceof Blob)', "typeof f?.arrayBuffer == 'function'", '(f as object) instanceof Blob', ['e2e/secrets.spec.ts', '-g', 'another frame']],
  ['M70', 'src/validate.ts', 'options left out read through a plain {} (a page\'s Object.prototype.password is sent by reveal())', 'export const NONE = Object.create(null) as {};', 'export const NONE = {} as {};', ['e2e/hostile.spec.ts', '-g', 'option and setting names']],
  ['M71', 'src/types.ts', 'attachments typed as before: no FileList | null, no readonly array, a DOM-only name', 'readonly (File | (Blob & { name: string }))[] | FileListLike | null | undefined;', '(File | (Blob & { name: string }))[] | FileList | undefined;', ['e2e/unit/types.spec.ts', '-g', 'strict TypeScript']],
  ['M72', 'src/types.ts', "createRequest()'s public_key typed as possibly missing", '  public_key: string;\n', '', ['e2e/unit/types.spec.ts', '-g', 'strict TypeScript']],
  ['M73', 'src/api/diagnostics.ts', "test()'s write check reads a page's Object.prototype additions as its create options", '{ __proto__: null, description:', '{ description:', ['e2e/hostile.spec.ts', '-g', 'option and setting names']],
  ['M74', 'src/api/secrets.ts', 'an attachment name of any length sent (the server keeps 255 characters)', '!text([1, LIMITS.text])(f.name)', '!text([1, 1e9])(f.name)', ['e2e/validation.spec.ts', '-g', 'invalid inputs']],
  ['M75', 'src/validate.ts', "a list's bad entry not named in the message", '`must list only ${what}, not "${bad}"`', "'must list only ' + what", ['e2e/validation.spec.ts', '-g', 'bad entry']],
  ['M76', 'src/validate.ts', 'an option spelled otherwise in case (Password) dropped silently', "k.replace(/_/g, '').toLowerCase()", "k.replace(/_([a-z])/g, (_, c) => c.toUpperCase())", ['e2e/validation.spec.ts', '-g', 'invalid inputs']],
  ['M77', 'src/api/requests.ts', "respond()'s key check loose (a server's [key] passes)", 'o.publicKey !== key', 'o.publicKey != key', ['e2e/requests.spec.ts', '-g', 'out of band']],
  ['M78', 'src/api/requests.ts', 'openRequest() says REQUEST_PENDING for a request that can never be answered', "code: r.status == 'active' ? 'REQUEST_PENDING' : 'REQUEST_CLOSED'", "code: 'REQUEST_PENDING'", ['e2e/requests.spec.ts', '-g', 'poller stops']],
  ['M79', 'src/api/requests.ts', 'respond() resolves undefined for a success without data', "const { data: { ...answer } } = await request(pub, `/public/requests/${token}/respond`, o, 'POST', body);\n  return answer;", "return (await request(pub, `/public/requests/${token}/respond`, o, 'POST', body)).data;", ['e2e/hostile-server.spec.ts', '-g', 'resolved undefined']],
  ['M80', 'src/types.ts', "a listed secret's updated_at typed as maybe missing", '  updated_at: string;\n', '  updated_at?: string;\n', ['e2e/unit/types.spec.ts', '-g', 'strict TypeScript']],
  ['M81', 'src/types.ts', "create()'s result typed as a listed secret (its status compiles, and is never there)", 'export interface CreatedSecret extends SecretBase {', 'export interface CreatedSecret extends SecretItem {', ['e2e/unit/types.spec.ts', '-g', 'strict TypeScript']],
  ['M82', 'src/transport/request.ts', 'any code that names a password, a code or a captcha taken for a recipient gate', '/^((PASSWORD|OTP|CAPTCHA)_REQUIRED|INVALID_(PASSWORD|OTP))$/', '/PASSWORD|OTP|CAPTCHA/', ['e2e/errors.spec.ts', '-g', 'error.code first']],
  ['M83', 'src/transport/request.ts', "the body read left to Node's fetch to end on abort", 'await unlessAborted(res.text(), ctl.signal)', 'await res.text()', ['e2e/loading.spec.ts', '-g', 'stalls after its headers']],
  ['K109', 'mock/faults.ts', 'hold sends the whole body', 'fault.truncate || fault.hold ?', 'fault.truncate ?', ['e2e/mock/controls.spec.ts', '-g', 'hold sends']],
  ['M84', 'src/api/diagnostics.ts', "test() tells a malformed answer by the script error's words", 'String((shaped(e) as Error)?.message ?? e)', 'String(((shaped(e), e) as Error)?.message ?? e)', ['e2e/diagnostics.spec.ts', '-g', "not the protocol's"]],
  ['K110', 'mock/server.ts', 'a request read the clock at several instants (a ?status=active list held an item already expired)', 'state.store.at(() => runRoute(state, match.route, req, match.params, url.searchParams, body, refused))', 'runRoute(state, match.route, req, match.params, url.searchParams, body, refused)', ['e2e/mock/instant.spec.ts']],
  ['K111', 'mock/store.ts', "a clock advance not seen by the request that made it (its answer's now is the old one)", '    if (this.frozen !== null) this.frozen += hours * HOUR;\n', '', ['e2e/mock/controls.spec.ts', '-g', 'clock advances']],
  ['K112', 'mock/store.ts', "a reset not seen by the request that made it (its answer's now keeps the old advance)", '    if (this.frozen !== null) this.frozen = Date.now();\n', '', ['e2e/mock/controls.spec.ts', '-g', 'reset empties']],
  // Round 3: the demo console.
  ['D01', 'demo/lib/pager.js', 'next enabled on the last page', 'next.disabled = page >= last;', 'next.disabled = page > last;', ['e2e/demo/details.spec.ts', '-g', 'Next is off on the last page']],
  ['D02', 'demo/lib/pager.js', 'pager hidden on a page past the end', 'prev.parentElement.hidden = last <= 1 && page <= 1;', 'prev.parentElement.hidden = last <= 1;', ['e2e/demo/details.spec.ts', '-g', 'Next is off on the last page']],
  ['D03', 'demo/views/secrets.js', '(views used) never shown at the limit', 's.current_views >= s.maximum_views ?', 's.current_views > s.maximum_views ?', ['e2e/demo/details.spec.ts', '-g', 'Next is off on the last page']],
  ['D04', 'demo/views/requests.js', 'request filters keep the page', '    event.preventDefault();\n    page = 1;\n    show();', '    event.preventDefault();\n    show();', ['e2e/demo/details.spec.ts', '-g', 'goes back to page 1']],
  ['D05', 'demo/lib/errors.js', 'no token read as a refused token', '  if (error.name === \'AuthenticationError\' && !Sharokey.getConfig().hasToken) {\n    return [\'No token is set.\', \'Enter one in Settings, or use the demo token.\'];\n  }\n', '', ['e2e/demo/details.spec.ts', '-g', 'no token is set']],
  ['D06', 'demo/lib/dom.js', '"0 secret"', '`${n} ${noun}${n === 1 ? \'\' : \'s\'}`', '`${n} ${noun}${n <= 1 ? \'\' : \'s\'}`', ['e2e/demo/details.spec.ts', '-g', 'goes back to page 1']],
  ['D07', 'demo/lib/dom.js', 'the content trimmed', 'out[input.name] = input.name === \'content\' ? input.value : input.value.trim();', 'out[input.name] = input.value.trim();', ['e2e/demo/details.spec.ts', '-g', 'exactly as typed']],
  ['D08', 'demo/views/create.js', 'files kept after a create', '    form.elements.captcha.checked = false;\n    files = [];\n', '    form.elements.captcha.checked = false;\n', ['e2e/demo/details.spec.ts', '-g', 'exactly as typed']],
  ['D09', 'demo/lib/errors.js', 'a recipient PermissionError read as a scope problem', '  PermissionError: (e, recipient) => recipient\n', '  PermissionError: (e, recipient) => false\n', ['e2e/demo/details.spec.ts', '-g', 'limited to other countries']],
  ['D10', 'demo/views/create.js', 'the next secret silently keeps the last one\'s country limit', "'otpEmail', 'otpPhone', 'ipWhitelist', 'geolocation']", "'otpEmail', 'otpPhone', 'ipWhitelist']", ['e2e/demo/secrets.spec.ts', '-g', 'create']],
  ['D11', 'demo/views/create.js', 'a country-limited secret reported as open to anyone', "limited ? SECURITY.limited : SECURITY[secret.security]", "SECURITY[secret.security]", ['e2e/demo/details.spec.ts', '-g', 'limited to countries, with no password']],
  ['D12', 'demo/lib/settings.js', 'a link naming another API takes the tab\'s token there', 'if (named && store.get(\'token\'))', 'if (false)', ['e2e/demo/details.spec.ts', '-g', 'forgets the saved token']],
  ['D13', 'demo/lib/dom.js', 'server text shown with its direction overrides', '(c instanceof Node ? c : shown(c))', '(c instanceof Node ? c : String(c))', ['e2e/demo/details.spec.ts', '-g', 'whatever its shape']],
  ['D14', 'demo/lib/dom.js', 'one date that is none blanks the list', 'Number.isNaN(+new Date(iso)) ? shown(iso) : ', '', ['e2e/demo/details.spec.ts', '-g', 'whatever its shape']],
  ['D15', 'demo/lib/errors.js', 'details that are no list crash the error box', '[].concat(messages).map(String).join', 'messages.join', ['e2e/demo/details.spec.ts', '-g', 'whatever its shape']],
  ['D16', 'demo/views/requests.js', 'the request\'s key not shown for the responder', "    byId('r-key').value = r.public_key;\n", '', ['e2e/demo/requests.spec.ts', '-g', 'made in the console']],
  ['D17', 'demo/lib/settings.js', 'a link naming another API in a fresh tab says nothing of it', '  else if (named) status.textContent = `No token yet. The address chose the API ${shown(form.elements.apiUrl.value)}: enter a token only if you trust that server.`;\n', '', ['e2e/demo/details.spec.ts', '-g', 'fresh tab']],
  ['D18', 'demo/lib/dom.js', 'a revealed file linked with its own type (an HTML file a tab could show as a page of the console)', 'URL.createObjectURL(new Blob([file], { type: \'application/octet-stream\' }))', 'URL.createObjectURL(file)', ['e2e/demo/open.spec.ts', '-g', 'wrong password uses no view']],
  ['D19', 'demo/app.js', '#constructor taken for a view (no panel shown)', 'if (!Object.hasOwn(VIEWS, name)) name = \'create\';', 'if (!VIEWS[name]) name = \'create\';', ['e2e/demo/details.spec.ts', '-g', 'no id or no view']],
  ['D20', 'scripts/serve.mjs', 'a sibling folder sharing the root\'s prefix served', '(file != base && !file.startsWith(base + sep))', '!file.startsWith(base)', ['e2e/unit/serve.spec.ts']],
  ['D21', 'scripts/serve.mjs', 'a malformed path (/%) stops the server', '      file = normalize(join(base, decodeURIComponent(url.pathname)));\n    } catch {', '      file = normalize(join(base, url.pathname));\n      decodeURIComponent(url.pathname);\n    } finally {', ['e2e/unit/serve.spec.ts']],
  ['D22', 'demo/lib/dom.js', 'a busy button does not get the focus back (it falls to <body>)', '    if (focused && lostFocus()) button.focus();\n', '', ['e2e/demo/open.spec.ts', '-g', 'diagnostics']],
  ['D23', 'demo/lib/pager.js', 'the last page reached: the focus lost with the disabled Next button', '  if (focused?.disabled) (focused === next ? prev : next).focus();\n', '', ['e2e/demo/secrets.spec.ts', '-g', 'secrets table']],
  ['D24', 'demo/views/secrets.js', 'closed details do not give the focus back to their button', "    (opener?.isConnected ? opener : byId('s-summary')).focus();\n", '', ['e2e/demo/secrets.spec.ts', '-g', 'secrets table']],
  ['D25', 'demo/views/create.js', 'the message of a created secret kept for the next one', "['content', 'description', 'message', 'password',", "['content', 'description', 'password',", ['e2e/demo/secrets.spec.ts', '-g', 'create a secret with a password']],
  ['D26', 'demo/app.js', 'a link to another view of the page (#stats) changes nothing', "    if (Object.hasOwn(VIEWS, name) && name !== current) select(name);\n", '', ['e2e/demo/console.spec.ts', '-g', 'keyboard']],
  ['D27', 'demo/lib/errors.js', 'a wrong password not marked on its field (the alert alone says it)', '  if (gate) {\n    mark(gate, what);', '  if (gate) {', ['e2e/demo/open.spec.ts', '-g', 'wrong password uses no view']],
  ['D28', 'demo/lib/settings.js', 'a refused token not marked on its field', "    status.textContent = 'The server answers, but the token was refused. Check it.';\n    refused(true);", "    status.textContent = 'The server answers, but the token was refused. Check it.';", ['e2e/demo/console.spec.ts', '-g', 'settings: the API URL']],
  ['D29', 'demo/lib/settings.js', 'a refused mark kept on the token field after a new save', '  refused(false); // that token is no longer the one in the field\n', '', ['e2e/demo/console.spec.ts', '-g', 'settings: the API URL']],
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
    console.log(rows.at(-1).join('  '));
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
