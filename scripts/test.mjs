// The README's test command (npm test): builds dist/, makes sure a Chromium
// is there, then runs every Playwright test (unit, mock, end to end).
// Extra arguments go to `playwright test`.
import { execFileSync, spawnSync } from 'node:child_process';
import { findChromium } from './chromium.mjs';

const run = (cmd, args, opts = {}) => spawnSync(cmd, args, { stdio: 'inherit', ...opts }).status;

if (run(process.execPath, ['build.mjs'])) process.exit(1);

if (!findChromium()) {
  console.log('No Chromium found: trying Playwright\'s download, then Debian\'s chromium package.');
  if (run('npx', ['playwright', 'install', 'chromium'], { timeout: 300_000 }) || !findChromium()) {
    // Root (CI, this project's machines) runs apt-get directly; anyone else through sudo.
    const apt = (...args) => process.getuid?.() === 0 ? execFileSync('apt-get', args, { stdio: 'inherit' }) : execFileSync('sudo', ['apt-get', ...args], { stdio: 'inherit' });
    try {
      process.env.DEBIAN_FRONTEND = 'noninteractive';
      apt('update', '-qq');
      apt('install', '-y', '-qq', 'chromium');
    } catch {
      // reported below
    }
  }
  if (!findChromium()) {
    console.error('No Chromium could be found or installed. Install one (apt-get install chromium) or set SHAROKEY_CHROMIUM.');
    process.exit(1);
  }
}

process.exit(run('npx', ['playwright', 'test', ...process.argv.slice(2)]));
