// Under a strict CSP: create a secret with an attachment, reveal it, make an error.
(async () => {
  const q = new URLSearchParams(location.search);
  const S = window.Sharokey.config({ apiUrl: q.get('api'), token: q.get('token') });
  try {
    const s = await S.create('under CSP', 1, 1, { password: 'abcd', attachments: [new File(['file under CSP'], 'a.txt')] });
    const r = await S.reveal(s.share_url, { password: 'abcd' });
    const bad = await S.getDetails('ZZZZZZZZ').catch((e) => e.name);
    window.result = { content: r.content, file: await r.attachments[0].text(), bad, test: (await S.test()).passed };
  } catch (e) {
    window.result = { error: String(e) };
  }
  document.getElementById('out').textContent = 'done';
})();
