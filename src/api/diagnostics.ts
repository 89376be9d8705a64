import { AuthenticationError, NetworkError, PermissionError, type SharokeyError } from '../errors.ts';
import { request, type Config } from '../transport/request.ts';
import type { CheckResult, Health, TestReport, WithSignal } from '../types.ts';
import { create, deleteSecret } from './secrets.ts';

/** The server's health (no token needed). */
export const health = async (cfg: Config, o: WithSignal = {}): Promise<Health> =>
  (await request(cfg, '/health', { auth: false, signal: o?.signal })).data;

/** What a failed check means and what to do, by the error it met. */
const advice = (e: unknown, scope: string): string => {
  const err = e as SharokeyError;
  return err instanceof AuthenticationError ? `Token refused (${err.message}): check it is right, active and not revoked`
    : err instanceof PermissionError ? `The token lacks the "${scope}" scope: ask an admin for a token with it`
    : err instanceof NetworkError ? `${err.message}`
    : `${err?.message ?? e}`;
};

/**
 * Runs the six checks (configuration, network, authentication, read access,
 * write access, statistics) and never rejects. The write check creates a
 * 1-hour, 1-view secret and deletes it at once.
 * @example const { passed, total, details } = await Sharokey.test();
 */
export const test = async (cfg: Config): Promise<TestReport> => {
  const details: CheckResult[] = [];
  const check = async (name: CheckResult['name'], scope: string, fn: () => Promise<string>) => {
    let success = false, message: string;
    try {
      message = await fn();
      success = true;
    } catch (e) {
      message = advice(e, scope);
    }
    details.push({ name, success, message });
    return success;
  };
  const hasToken = await check('configuration', '', async () => {
    if (!cfg.token && !cfg.getToken) throw new Error('No token: call Sharokey.config({ token }) or give getToken');
    return 'Token set; API ' + cfg.apiUrl;
  });
  const online = await check('network', '', async () => `Server reachable (${(await health(cfg)).status})`);
  const skip = (name: CheckResult['name']) => details.push({ name, success: false, message: online ? 'Skipped: no token' : 'Skipped: the server is unreachable' });
  if (!online || !hasToken) {
    for (const n of ['authentication', 'read access', 'write access', 'statistics'] as const) skip(n);
  } else {
    let listed: unknown;
    try {
      listed = await request(cfg, '/secrets?limit=1');
    } catch (e) {
      listed = e;
    }
    await check('authentication', 'read', async () => {
      if (listed instanceof AuthenticationError || (listed instanceof Error && !(listed instanceof PermissionError))) throw listed;
      return 'Token accepted';
    });
    await check('read access', 'read', async () => {
      if (listed instanceof Error) throw listed;
      return 'Secrets can be listed';
    });
    await check('write access', 'write', async () => {
      const s = await create(cfg, 'Sharokey connection test', 1, 1, { description: 'Sharokey test(): deleted at once' });
      await deleteSecret(cfg, s.slug);
      return 'A test secret was created and deleted';
    });
    await check('statistics', 'stats', async () => `Statistics readable (${(await request(cfg, '/secrets-stats')).data.total_secrets} secrets)`);
  }
  const passed = details.filter((d) => d.success).length;
  return { passed, total: details.length, success: passed == details.length, details };
};

/** True when the server answers and accepts the token; never rejects. */
export const testConnection = async (cfg: Config): Promise<boolean> => {
  try {
    await request(cfg, '/secrets?limit=1');
    return true;
  } catch (e) {
    // A token without the read scope is still a working connection.
    return e instanceof PermissionError;
  }
};
