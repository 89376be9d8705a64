// The README's ES module import, by the file's path rather than the package's
// name: dist/sharokey.esm.d.ts gives it the same types (no implicit any).
import Sharokey, { create, ValidationError } from '../../dist/sharokey.esm.js';

export async function byPath(): Promise<string> {
  try {
    return (await create('x', 1, 1)).share_url;
  } catch (e) {
    if (e instanceof ValidationError) return Object.keys(e.details ?? {}).join();
    return Sharokey.version;
  }
}
