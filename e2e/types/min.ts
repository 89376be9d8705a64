// A bundled page that loads the script for its global (package.json "./min"):
// the global is typed by that import alone.
import 'sharokey-dropin/min';

export const version: string = Sharokey.config({ token: 'token' }).version;
