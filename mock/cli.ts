/**
 * `npm run mock -- [--port N] [--host H] [--fixtures FILE]`
 *
 * Prints the API base URL alone on the first line of stdout (scripts read
 * it), then a few lines for people. Stops cleanly on SIGINT / SIGTERM.
 * Defaults: port $SHAROKEY_MOCK_PORT or 8787, host 127.0.0.1, fixtures
 * $SHAROKEY_MOCK_FIXTURES or the built-in demo.
 */
import { loadFixtures } from './fixtures.ts';
import { startMock } from './server.ts';

interface CliOptions {
  port: number;
  host: string;
  fixtures: string | undefined;
}

const USAGE = 'Usage: npm run mock -- [--port N] [--host H] [--fixtures FILE]';

export function parseArgs(argv: string[], env: NodeJS.ProcessEnv): CliOptions {
  const options: CliOptions = {
    port: Number(env['SHAROKEY_MOCK_PORT'] || 8787),
    host: '127.0.0.1',
    fixtures: env['SHAROKEY_MOCK_FIXTURES'] || undefined,
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i]!.split(/=(.*)/s, 2) as [string, string | undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') throw new Error(`${flag} needs a value`);
      return v;
    };
    if (flag === '--port') options.port = Number(value());
    else if (flag === '--host') options.host = value();
    else if (flag === '--fixtures') options.fixtures = value();
    else if (flag === '--help' || flag === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else throw new Error(`Unknown option ${flag}`);
  }
  if (!Number.isInteger(options.port) || options.port < 0 || options.port > 65535) throw new Error('--port must be 0..65535');
  return options;
}

async function main(): Promise<void> {
  let options: CliOptions;
  try {
    options = parseArgs(process.argv.slice(2), process.env);
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    process.exit(2);
  }
  const fixtures = loadFixtures(options.fixtures);
  for (const warning of fixtures.warnings) console.error(`sharokey-mock: fixtures: ${warning}`);
  const mock = await startMock({ port: options.port, host: options.host, fixtures: options.fixtures });
  console.log(mock.url);
  console.log(`Sharokey mock server (fixtures: ${fixtures.source}), ${fixtures.perMinute} requests/minute per token`);
  for (const t of fixtures.tokens.values()) {
    const state = t.revoked ? ' (revoked)' : '';
    console.log(`  ${t.token.padEnd(22)} ${(t.user || '-').padEnd(20)} ${t.companies.join('+').padEnd(14)} ${[...t.scopes].join(',')}${state}`);
  }
  console.log(`Recipient pages: ${mock.origin}/s/{slug}#{keyB}   Responder pages: ${mock.origin}/r/{token}`);
  console.log(`Test controls:   ${mock.origin}/_mock/{reset,clock,log,outbox,fault}   (docs/mock.md)`);
  const stop = (): void => {
    mock.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`sharokey-mock: ${(error as Error).message}`);
  process.exit(1);
});
