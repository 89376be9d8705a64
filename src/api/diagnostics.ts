import { AuthenticationError, PermissionError, shaped } from '../errors.ts';
import { anonymous, NO_TOKEN, request, type Config } from '../transport/request.ts';
import { checkOptions } from '../validate.ts';
import type { CheckResult, CreateOptions, Health, TestReport, WithSignal } from '../types.ts';
import { create, deleteSecret } from './secrets.ts';
import { getStats } from './stats.ts';

/** The server's health (no token needed). */
export const health = async (cfg: Config, o?: WithSignal): Promise<Health> => {
  checkOptions(o);
  return (await request(anonymous(cfg), '/health', o)).data;
};

const listOne = (cfg: Config) => request(cfg, '/secrets?limit=1');

// [name, scope it needs, the check: resolves to what it found]
const CHECKS: [CheckResult['name'], string, (cfg: Config) => Promise<string>][] = [
  ['configuration', '', async (cfg) => {
    if (!cfg.token && !cfg.getToken) throw Error(NO_TOKEN);
    return 'A token is set; API ' + cfg.apiUrl;
  }],
  ['network', '', async (cfg) => `The server answers (${(await health(cfg)).status})`],
  // A token without the read scope is still a valid token.
  ['authentication', '', async (cfg) => (await listOne(cfg).catch((e) => {
    if (!(e instanceof PermissionError)) throw e;
  }), 'The token is accepted')],
  ['read access', 'read', async (cfg) => (await listOne(cfg), 'Secrets can be listed')],
  ['write access', 'write', async (cfg) => {
    await deleteSecret(cfg, (await create(cfg, 'Sharokey test() secret', 1, 1, { __proto__: null, description: 'Sharokey test(): deleted at once' } as CreateOptions)).slug);
    return 'A 1-hour, 1-view test secret was created and deleted';
  }],
  ['statistics', 'stats', async (cfg) => `Statistics can be read (total_secrets: ${(await getStats(cfg)).total_secrets})`],
];

/**
 * Runs the six checks (configuration, network, authentication, read access,
 * write access, statistics); rejects only on bad options or the caller's
 * abort. Each message says what failed and what to do. The write check
 * creates a 1-hour, 1-view secret and deletes it at once (its content is
 * cleared; its metadata stays, expired).
 * @example const { passed, total, details } = await Sharokey.test();
 */
export const test = async (cfg: Config, o?: WithSignal): Promise<TestReport> => {
  cfg = withSignal(cfg, o);
  const details: CheckResult[] = [];
  let passed = 0;
  for (const [name, scope, run] of CHECKS) {
    let message = 'Skipped: fix the checks above first', success = false;
    // Nothing past a failed configuration or network check can work: the later checks run only
    // when both passed (passed > 1, as no later check runs otherwise).
    if (details.length < 2 || passed > 1) {
      try {
        message = await run(cfg);
        success = true;
        passed++;
      } catch (e) {
        cfg.signal?.throwIfAborted();
        // Refused: by the server (a status; getToken()'s failure has none, and says what it is).
        message = e instanceof AuthenticationError && e.status ? 'The token was refused: check it, and that it is not revoked or expired'
          // A multi-company user token refused for config({ company }) is a PermissionError too; a
          // 403 of /health, which takes no token (a proxy's), is said as it came.
          : e instanceof PermissionError && scope ? `The token lacks the "${scope}" scope${cfg.company ? ` or the company "${cfg.company}"` : ''}: use a token that has it`
          // Any other error by its message: a NetworkError says what to check, and so does what a
          // malformed answer broke (as the methods reject it).
          : String((shaped(e) as Error)?.message ?? e);
      }
    }
    details.push({ name, success, message });
  }
  return { passed, total: 6, success: passed == 6, details };
};

/** True when the server answers and accepts the token; rejects only on bad options or the caller's abort. */
export const testConnection = async (cfg: Config, o?: WithSignal): Promise<boolean> =>
  listOne((cfg = withSignal(cfg, o))).then(() => true, (e) => {
    cfg.signal?.throwIfAborted();
    return e instanceof PermissionError;
  });

/** The configuration with the caller's signal, which every request of the checks then takes. */
const withSignal = (cfg: Config, o?: WithSignal): Config => (checkOptions(o), { ...cfg, signal: o?.signal });
