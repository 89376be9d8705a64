// The ES module in Node 20 (README): the package's types compile without the DOM library.
import { create, createClient } from 'sharokey-dropin';

export async function inNode(file: File): Promise<string> {
  createClient({ token: 'token' });
  // @ts-expect-error attachments are files (with skipLibCheck, an unknown DOM name would make this any)
  await create('x', 1, 1, { attachments: 42 });
  return (await create('x', 1, 1, { attachments: [file] })).share_url;
}
