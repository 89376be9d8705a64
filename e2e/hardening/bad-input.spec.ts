// A corpus of bad input across every public method: each call is rejected
// with a typed error (a ValidationError, status 0), no request reaches the
// server, and nothing is left unhandled (the sk fixture checks that).
import { test, expect, mock } from '../helpers.ts';

// Values built in the page (B.name); anything else is a JS literal.
const B = ['nil', 'undef', 'nan', 'inf', 'ninf', 'neg', 'frac', 'zero', 'big', 'str', 'empty', 'huge', 'lone', 'emoji256', 'obj', 'arr', 'proto', 'fn', 'sym', 'bool', 'date', 'badDate', 'nulls'];
const except = (...keep: string[]) => B.filter((b) => !keep.includes(b)).map((b) => 'B.' + b);

// [template with $ for the bad value, bad values]
const SUITE: [string, string[]][] = [
  ['S.create($, 1, 1)', except('str')],
  ['S.create("x", $, 1)', except('undef')],
  ['S.create("x", 1, $)', except('undef')],
  ['S.create("x", 1, 1, $)', ['B.nan', 'B.inf', 'B.neg', 'B.frac', 'B.zero', 'B.str', 'B.huge', 'B.lone', 'B.fn', 'B.sym', 'B.bool']],
  ['S.create("x", 1, 1, { description: $ })', ['B.nan', 'B.obj', 'B.arr', 'B.huge', 'B.lone', 'B.emoji256', 'B.fn', 'B.bool', 'B.neg']],
  ['S.create("x", 1, 1, { message: $ })', ['B.nan', 'B.obj', 'B.arr', 'B.huge', 'B.lone', 'B.emoji256', 'B.fn', 'B.bool', 'B.neg']],
  ['S.create("x", 1, 1, { password: $ })', ['"abc"', 'B.huge', 'B.lone', 'B.nan', 'B.obj', 'B.bool', 'B.empty', '"😀😀😀"']],
  ['S.create("x", 1, 1, { captcha: $ })', ['"yes"', '1', 'B.obj', 'B.nan']],
  ['S.create("x", 1, 1, { otpEmail: $ })', ['"x"', 'B.empty', 'B.huge', 'B.nan', 'B.obj', '"a@b"', '"a b@c.de"']],
  ['S.create("x", 1, 1, { otpPhone: $ })', ['"123"', 'B.empty', 'B.nan', 'B.obj', '"+1 234"', 'B.huge', '"+33 6 7a 74 74 74"']],
  ['S.create("x", 1, 1, { ipWhitelist: $ })', ['"10.0.0.1"', 'B.empty', 'B.huge', 'B.nan', 'B.obj', '[1]', '["::1"]', '"1.2.3.4/99"', 'B.lone', '[]', '"8.8.8.8,"', '"0x08.8.8.8"']],
  ['S.create("x", 1, 1, { geolocation: $ })', ['"XX"', 'B.empty', '"FRA"', 'B.nan', 'B.obj', '[1]', 'B.huge', '[]', '"FR;DE"']],
  ['S.create("x", 1, 1, { attachments: $ })', ['"x"', 'B.nan', 'B.obj', '[null]', '[{}]', '[new Blob(["x"])]', 'Array.from({ length: 11 }, (_, i) => new File(["a"], i + ".txt"))', '[new File([], "empty.txt")]', '[new File([new Uint8Array(10 * 1024 * 1024 + 1)], "big.bin")]', 'new File(["a"], "a")', '[new File(["a"], "")]']],
  ['S.create("x", 1, 1, { onProgress: $ })', ['"x"', '1', 'B.obj']],
  ['S.create("x", 1, 1, { signal: $ })', ['"x"', '1', 'B.obj']],
  ['S.list($)', ['"x"', '5', 'B.bool', 'B.fn']],
  ['S.list({ status: $ })', ['"x"', 'B.nan', 'B.obj', '"ACTIVE"']],
  ['S.list({ limit: $ })', ['0', '101', 'B.frac', 'B.nan', '"10"', 'B.inf', 'B.neg']],
  ['S.list({ page: $ })', ['0', 'B.neg', 'B.frac', '"2"', 'B.inf', 'B.nan']],
  ['S.list({ creator: $ })', ['"x"', 'B.nan', 'B.obj']],
  ['S.list({ search: $ })', ['B.huge', 'B.lone', 'B.nan', 'B.obj']],
  ['S.getDetails($)', ['B.nil', 'B.undef', 'B.empty', '"../x"', '"a/b"', '"a b"', 'B.huge', 'B.nan', 'B.obj', 'B.arr', 'B.proto', 'B.lone', 'B.sym', 'B.fn', 'B.bool', '"x".repeat(256)', '"?x=1"', '"%2e%2e"']],
  ['S.get($)', ['B.nil', 'B.empty', '"../x"', '".."', 'B.nan', 'B.obj']],
  ['S.delete($)', ['B.nil', 'B.undef', 'B.empty', '"../x"', '"a/b"', 'B.huge', 'B.nan', 'B.obj', 'B.proto', 'B.lone']],
  ['S.getDetails("ABCDEFGH", $)', ['"x"', '5', 'B.bool']],
  ['S.getStats({ from: $ })', ['"x"', '"2025-13-01"', '"2025-02-30"', 'B.badDate', 'B.nan', 'B.obj', '"2025-1-1"', '"01/02/2025"']],
  ['S.getStats({ to: $ })', ['"x"', '"2025-02-29"', 'B.badDate', 'B.nan', 'B.obj']],
  ['S.stats($)', ['"x"', '5', '{ from: "2025-03-02", to: "2025-03-01" }']],
  ['S.getTokenStats({ signal: $ })', ['"x"', 'B.obj']],
  ['S.getTokenStats($)', ['"x"', '5', 'B.bool']],
  ['S.health($)', ['"x"', '5', '{ signal: "x" }', '{ signal: B.obj }']],
  ['S.reveal($)', ['B.nil', 'B.undef', 'B.empty', '"x"', '"https://x.test/s/ABCDEFGH"', '"https://x.test/s/ABCDEFGH#short"', '"https://x.test/#" + "k".repeat(24)', 'B.nan', 'B.obj', 'B.huge', 'B.lone', '"https://x.test/s/ABC#" + "k".repeat(23) + "-"']],
  ['S.reveal("https://x.test/s/ABCDEFGH#" + "k".repeat(24), $)', ['{ password: B.nan }', '{ password: B.obj }', '{ password: B.huge }', '{ otp: B.nan }', '{ otp: B.obj }', '{ captchaToken: B.nan }', '"x"']],
  ['S.sendOtp($)', ['B.nil', 'B.undef', 'B.empty', '"x"', 'B.nan', 'B.obj', '"https://x.test/"']],
  ['S.sendOtp("https://x.test/s/ABCDEFGH", $)', ['"x"', '5', '{ signal: "x" }']],
  ['S.createRequest($)', ['"x"', 'B.nan', 'B.fn', '{ emailTo: "x" }', '{ emailTo: B.nan }', '{ emailReply: "x" }', '{ locale: "de" }', '{ locale: B.nan }', '{ secretExpirationHours: 0 }', '{ secretExpirationHours: 8761 }', '{ secretExpirationHours: 1.5 }', '{ secretExpirationHours: "24" }', '{ requestExpirationHours: 0 }', '{ requestExpirationHours: B.nan }', '{ maximumViews: 0 }', '{ maximumViews: 1001 }', '{ maximumViews: "1" }', '{ message: B.huge }', '{ message: B.lone }', '{ description: B.nan }']],
  ['S.listRequests($)', ['{ status: "open" }', '{ limit: 0 }', '{ page: 0 }', '{ creator: "x" }', '"x"']],
  ['S.getRequest($)', ['B.empty', '"../x"', 'B.nan', 'B.obj', 'B.huge']],
  ['S.deleteRequest($)', ['B.empty', '"../x"', 'B.nan', 'B.obj', 'B.huge']],
  ['S.requestStats($)', ['{ from: "x" }', '{ to: "2025-02-30" }', '"x"']],
  ['S.respond($, "x")', ['"x"', 'B.nil', 'B.empty', 'B.nan']],
  ['S.respond("https://x.test/r/abcdef", $)', ['B.empty', 'B.huge', 'B.nan', 'B.nil', 'B.lone']],
  ['S.respond("https://x.test/r/abcdef", "x", $)', ['{ attachments: "x" }', '{ attachments: [B.nil] }', '"x"']],
  ['S.openRequest("https://x.test/i/tok#" + Array(3).fill("a".repeat(43)).join("."), $)', ['"x"', '5', '{ signal: "x" }', '{ password: B.nan }', '{ password: B.huge }', '{ otp: B.obj }', '{ captchaToken: B.nan }']],
  ['S.openRequest($)', ['"x"', '"https://x.test/i/tok"', '"https://x.test/i/tok#short"', 'B.nil', '"https://x.test/i/tok#" + "a".repeat(42)', '"https://x.test/i/tok#" + "a".repeat(43) + ".b"']],
  ['(async () => S.config($))()', ['{ apiUrl: "x" }', '{ apiUrl: "ftp://x" }', '{ apiUrl: B.nan }', '{ timeout: 0 }', '{ timeout: B.neg }', '{ timeout: "x" }', '{ timeout: B.inf }', '{ retries: B.neg }', '{ retries: 11 }', '{ retries: B.frac }', '{ token: B.empty }', '{ token: B.nan }', '{ token: B.obj }', '{ getToken: "x" }', '{ company: B.empty }', '{ company: B.nan }', '"x"', 'B.nil']],
  ['(async () => S.createClient($))()', ['{ apiUrl: "x" }', '{ timeout: B.nan }', '5']],
  ['(async () => S.analyzeStats($))()', ['B.nil', '"x"', '{ total_views: "many" }', '{ total_secrets: -1 }', 'B.nan']],
];

const CASES = SUITE.flatMap(([template, values]) => values.map((v) => template.replace('$', v)));

test(`bad-input corpus: ${CASES.length} calls across every public method, each a typed error, no request sent`, async ({ sk }) => {
  test.setTimeout(120_000);
  expect(CASES.length).toBeGreaterThanOrEqual(200);
  const results = await sk.evaluate(async (cases) => {
    const S = window.Sharokey;
    const B = {
      nil: null, undef: undefined, nan: NaN, inf: Infinity, ninf: -Infinity, neg: -1, frac: 1.5, zero: 0, big: 1e21, str: '24', empty: '',
      huge: 'x'.repeat(1_000_000), lone: 'a\uD800b', emoji256: '😀'.repeat(256), obj: {}, arr: [], proto: JSON.parse('{"__proto__": {"polluted": true}, "status": "x"}'),
      fn: () => 1, sym: Symbol('s'), bool: true, date: new Date(), badDate: new Date('nope'), nulls: '\0'.repeat(300),
    };
    const out = [];
    for (const code of cases) {
      try {
        const value = await new Function('S', 'B', 'return ' + code)(S, B);
        out.push({ code, resolved: String(value) });
      } catch (e) {
        out.push({ code, typed: S.isSharokeyError(e) && e instanceof S.ValidationError, name: (e as Error)?.name, status: (e as { status?: number })?.status, message: String((e as Error)?.message) });
      }
    }
    return { out, polluted: ({} as Record<string, unknown>).polluted };
  }, CASES);
  const failures = results.out.filter((r) => !('typed' in r) || !r.typed || r.status !== 0);
  console.log(`bad-input corpus: ${CASES.length} cases tried, ${failures.length} failures`);
  expect(failures).toEqual([]);
  expect(results.polluted).toBeUndefined();
  // Messages name what is wrong without echoing the input.
  for (const r of results.out) expect((r as { message: string }).message.length, r.code).toBeLessThan(400);
  expect(await mock.log()).toEqual([]);
});
