// Zero knowledge, read off the wire: the mock's request log holds every
// request the page made, and none holds the plaintext, keyB or the key string.
import { test, expect, run, mock } from './helpers.ts';

const PLAIN = 'ZK-plaintext: correct horse battery staple';
const FILE = 'ZK-attachment: the launch codes are 0000';
const PASSWORD = 'zk-gate-password';

/** The forms a leaked value could take in a log. */
const forms = (s: string) => [s, Buffer.from(s).toString('base64'), Buffer.from(s).toString('hex'), encodeURIComponent(s)];

/** Every base64 string (16 characters or more) of every logged JSON body, decoded. */
const base64Fields = (log: Array<{ body: string }>): Buffer[] => {
  const decoded: Buffer[] = [];
  const walk = (v: unknown): void => {
    if (typeof v == 'string' && v.length >= 16 && /^[A-Za-z0-9+/]+=*$/.test(v)) decoded.push(Buffer.from(v, 'base64'));
    else if (v && typeof v == 'object') Object.values(v).forEach(walk);
  };
  for (const l of log) if (l.body.startsWith('{')) walk(JSON.parse(l.body));
  return decoded;
};

test('across create, list, details, stats, reveal and delete, no request carries the plaintext, keyB or the key string', async ({ sk }) => {
  const console: string[] = [];
  sk.on('console', (m) => console.push(m.text()));
  const r = (await run(sk, async ({ PLAIN, FILE, PASSWORD }) => {
    const S = window.Sharokey;
    const s = await S.create(PLAIN, 1, 3, { password: PASSWORD, attachments: [new File([FILE], 'codes.txt')] });
    await S.list();
    await S.getDetails(s.slug);
    await S.getStats();
    const errors: string[] = [];
    await S.reveal(s.share_url, { password: 'wrong-password' }).catch((e) => errors.push(e.message));
    await S.reveal(s.share_url.slice(0, -1) + (s.share_url.endsWith('A') ? 'B' : 'A'), { password: PASSWORD }).catch((e) => errors.push(e.message, String(e.cause)));
    const opened = await S.reveal(s.share_url, { password: PASSWORD });
    await S.delete(s.slug);
    return { share: s.share_url, content: opened.content, file: await opened.attachments[0]!.text(), errors };
  }, { PLAIN, FILE, PASSWORD })) as { share: string; content: string; file: string; errors: string[] };
  expect([r.content, r.file]).toEqual([PLAIN, FILE]);
  const keyB = r.share.split('#')[1]!;
  expect(keyB).toMatch(/^[A-Za-z0-9]{24}$/);
  const log = await mock.log();
  expect(log.length).toBeGreaterThanOrEqual(8);
  const wire = JSON.stringify(log);
  // keyA is sent (by design); the key string K = keyA + keyB never is.
  const keyA = JSON.parse(log.find((l) => l.method == 'POST' && l.path.endsWith('/secrets'))!.body).key;
  for (const secret of [PLAIN, FILE, keyB, keyA + keyB, keyB.slice(0, 12), keyB.slice(12)]) {
    for (const form of forms(secret)) expect(wire, `a form of ${secret} crossed the wire`).not.toContain(form);
  }
  // Nor inside a longer base64 field (whose base64 of a secret would start off the 3-byte grid).
  const decoded = base64Fields(log);
  expect(decoded.length).toBeGreaterThanOrEqual(5); // content, iv, salt, the file and its iv at least
  for (const bytes of decoded) for (const secret of [PLAIN, FILE, keyB, PASSWORD]) expect(bytes.includes(secret), `${secret} in a base64 field`).toBe(false);
  // Nor in any error message or console line.
  for (const line of [...r.errors, ...console]) for (const secret of [PLAIN, FILE, keyB, PASSWORD]) expect(line).not.toContain(secret);
  expect(r.errors).toHaveLength(3);
});

test('the proof can fail: a page that leaks keyB into a request is caught by the same check', async ({ sk }) => {
  const share = (await run(sk, async () => {
    const s = await window.Sharokey.create('leaky', 1, 1);
    await window.Sharokey.list({ search: s.share_url.split('#')[1] });
    return s.share_url;
  })) as string;
  expect(JSON.stringify(await mock.log())).toContain(share.split('#')[1]);
});

test('the proof can fail: keyB inside a longer base64 field, off the 3-byte grid, is found by decoding', async ({ sk }) => {
  const share = (await run(sk, async () => {
    const s = await window.Sharokey.create('leaky', 1, 1);
    await window.Sharokey.createRequest({ message: btoa('xy' + s.share_url.split('#')[1]) });
    return s.share_url;
  })) as string;
  const keyB = share.split('#')[1]!;
  const log = await mock.log();
  for (const form of forms(keyB)) expect(JSON.stringify(log)).not.toContain(form); // the plain search misses it
  expect(base64Fields(log).some((bytes) => bytes.includes(keyB))).toBe(true);
});
