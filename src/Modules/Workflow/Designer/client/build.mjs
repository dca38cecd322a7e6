// Bundles the diagram and X6 into one minified ES module. Run by the Modules project's build (see its .csproj)
// with the output path as the only argument; `npm run build` writes to the same place.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));

await build({
  entryPoints: [here('src/workflow-designer.js')],
  outfile: process.argv[2] ?? here('../../../wwwroot/js/workflow-designer.js'),
  bundle: true,
  format: 'esm',
  minify: true,
  target: ['es2020'],
  legalComments: 'eof',
  logLevel: 'warning',
});
