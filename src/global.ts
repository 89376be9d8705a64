// The script-tag entry: assigns `window.Sharokey` and nothing else. Loaded
// twice, it keeps the first instance (pages may already hold references).
import { createClient } from './client.ts';

const g = globalThis as { Sharokey?: { isSharokeyError?: unknown; version?: unknown } };
if (!(g.Sharokey?.isSharokeyError && g.Sharokey.version)) g.Sharokey = createClient();
