// Concurrency: one view, many openers; many creates from one page.
import { test, expect, run, mock } from '../helpers.ts';

test('20 simultaneous reveals of a 1-view secret: exactly one succeeds (repeated 5 times)', async ({ sk }) => {
  let wins = 0, losses = 0;
  for (let round = 0; round < 5; round++) {
    const r = (await run(sk, async () => {
      const s = await window.Sharokey.create('one view', 1, 1);
      const all = await Promise.allSettled(Array.from({ length: 20 }, () => window.Sharokey.reveal(s.share_url)));
      return all.map((x) => (x.status == 'fulfilled' ? 'ok' : (x.reason as Error).name));
    })) as string[];
    expect(r.filter((x) => x == 'ok')).toHaveLength(1);
    expect(r.filter((x) => x == 'NotFoundError')).toHaveLength(19);
    wins += 1;
    losses += 19;
  }
  console.log(`concurrency: 5 rounds of 20 simultaneous opens, ${wins} opened, ${losses} refused, 0 double reads`);
});

test('50 concurrent creates from one page: 50 distinct secrets, slugs, keys and ivs', async ({ sk }) => {
  const r = (await run(sk, async () => {
    const made = await Promise.all(Array.from({ length: 50 }, (_, i) => window.Sharokey.create('concurrent ' + i, 1, 1, { attachments: [new File(['a' + i], 'a.txt'), new File(['b' + i], 'b.txt')] })));
    return made.map((s) => [s.slug, s.share_url]);
  })) as [string, string][];
  expect(new Set(r.map((x) => x[0])).size).toBe(50);
  expect(new Set(r.map((x) => x[1].split('#')[1])).size).toBe(50);
  const bodies = (await mock.apiLog()).filter((l) => l.method == 'POST').map((l) => JSON.parse(l.body));
  expect(bodies).toHaveLength(50);
  const ivs = bodies.flatMap((b) => [b.iv, ...b.attachments.map((a: { iv: string }) => a.iv)]);
  expect(new Set(ivs).size).toBe(150);
  expect(new Set(bodies.map((b) => b.salt)).size).toBe(50);
  expect((await mock.api('GET', '/secrets?limit=100')).json.data).toHaveLength(50);
  console.log('concurrency: 50 concurrent creates, 50 stored, 150 ivs (content and attachments) all distinct');
});
