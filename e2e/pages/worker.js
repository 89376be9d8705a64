// A classic Web Worker: the script by importScripts, a round trip with a file, a typed error; posted back.
importScripts('/dist/sharokey.min.js');
onmessage = async ({ data: { api, token } }) => {
  try {
    const S = self.Sharokey.config({ apiUrl: api, token, retries: 0 });
    const s = await S.create('from a worker', 1, 1, { attachments: [new File(['in a worker'], 'w.txt')] });
    const r = await S.reveal(s.share_url);
    const e = await S.getDetails('ZZZZZZZZ').catch((x) => x);
    postMessage({ content: r.content, file: await r.attachments[0].text(), error: e.name, known: S.isSharokeyError(e) });
  } catch (e) {
    postMessage({ failed: String(e) });
  }
};
