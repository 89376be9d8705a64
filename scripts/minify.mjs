// The last pass over dist/sharokey.min.js, shared by build.mjs and
// scripts/sizes.mjs: terser over esbuild's minified file takes off some 180
// bytes gzip -9 more (docs/size.md). Given esbuild's source map, the map it
// returns still points into src/.
import { minify } from 'terser';

export const finish = (code, map) => minify(code, {
  ecma: 2020,
  compress: { passes: 3 },
  mangle: true,
  format: { comments: /^!/ },
  ...(map && { sourceMap: { content: map, url: 'sharokey.min.js.map', includeSources: true } }),
});
