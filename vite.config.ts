import { defineConfig } from 'vite';
import type { Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlibConstants, gzip } from 'node:zlib';

const root = fileURLToPath(new URL('./src/client', import.meta.url));

/**
 * The Utrecht React components ship as one module that sets `X.displayName = 'X'` after every component. Such a
 * property write counts as a side effect, so the bundler kept all ~100 components (190 kB) although we use ~40.
 * In the build we drop those lines (they only name components in React DevTools) and mark the modules free of side
 * effects, so only the components our src/client/ui wrappers import end up in the bundle.
 */
function utrechtTreeShaking(): Plugin {
  return {
    name: 'doorlopend:utrecht-tree-shaking',
    apply: 'build',
    transform: {
      filter: { id: /[\\/]@utrecht[\\/][\w-]+-react[\\/]dist[\\/][^\\/]+\.mjs$/ },
      handler(code, id) {
        let dropped = 0;
        const shaken = code.replace(/^[\w$]+\.displayName = '[^'\n]*';$/gm, () => (dropped++, ''));
        if (dropped === 0 && id.includes('component-library-react')) {
          this.warn('geen displayName-regels gevonden: werkt het tree-shaken van de Utrecht-componenten nog? (vite.config.ts)');
        }
        return { code: shaken, map: null, moduleSideEffects: false };
      },
    },
  };
}

/**
 * zod 4 binds its JSON Schema code to every schema type (`toJSONSchema`, `~standard.jsonSchema`), so the client carried
 * ~17 kB (≈5 kB gzip) it never runs: the API reference is made on the server. In the build these three modules of
 * zod's core become stubs that throw when called. A zod upgrade in which zod itself imports a name not listed here
 * fails the build ("… is not exported"); one that moves these modules only brings the bytes back.
 */
const ZOD_JSON_SCHEMA_EXPORTS: Record<string, string[]> = {
  'json-schema-processors.js': (
    'aggregateChecks stringProcessor numberProcessor booleanProcessor bigintProcessor symbolProcessor nullProcessor undefinedProcessor ' +
    'voidProcessor neverProcessor anyProcessor unknownProcessor dateProcessor enumProcessor literalProcessor nanProcessor ' +
    'templateLiteralProcessor fileProcessor successProcessor customProcessor functionProcessor transformProcessor mapProcessor ' +
    'setProcessor arrayProcessor objectProcessor unionProcessor intersectionProcessor tupleProcessor recordProcessor nullableProcessor ' +
    'nonoptionalProcessor defaultProcessor prefaultProcessor catchProcessor pipeProcessor readonlyProcessor promiseProcessor ' +
    'optionalProcessor lazyProcessor allProcessors toJSONSchema'
  ).split(' '),
  'to-json-schema.js': 'initializeContext handleUnrepresentable processSchema process extractDefs finalize createToJSONSchemaMethod createStandardJSONSchemaMethod'.split(' '),
  'json-schema-generator.js': ['JSONSchemaGenerator'],
};

function zodWithoutJsonSchema(): Plugin {
  const fail = '() => { throw new Error("JSON Schema van zod zit niet in de client (vite.config.ts)."); }';
  return {
    name: 'doorlopend:zod-without-json-schema',
    apply: 'build',
    load(id) {
      const file = /[\\/]zod[\\/]v4[\\/]core[\\/]([\w-]+\.js)$/.exec(id)?.[1];
      const names = file ? ZOD_JSON_SCHEMA_EXPORTS[file] : undefined;
      if (!names) return null;
      // The method factories run when a schema is built or its ~standard is read: they return the failing function.
      const stub = (n: string) => (n.startsWith('create') ? `() => ${fail}` : n === 'JSONSchemaGenerator' ? `class { constructor() { (${fail})(); } }` : fail);
      return { code: names.map((n) => `export const ${n} = ${stub(n)};`).join('\n'), moduleSideEffects: false };
    },
  };
}

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

/**
 * Writes `<file>.gz` and `<file>.br` next to every JavaScript, CSS, HTML and SVG file of the build (from 1 kB, and
 * only when smaller), compressed once at the highest level. The server sends them with `preCompressed: true`
 * (@fastify/static) to browsers that accept the encoding, so it never compresses on the fly.
 */
function precompress(): Plugin {
  return {
    name: 'doorlopend:precompress',
    apply: 'build',
    async writeBundle(options, bundle) {
      const outDir = options.dir;
      if (!outDir) return;
      const jobs = Object.values(bundle).map(async (item) => {
        if (!/\.(?:js|css|html|svg)$/.test(item.fileName)) return;
        const content = item.type === 'chunk' ? Buffer.from(item.code) : Buffer.from(item.source);
        if (content.length < 1024) return;
        const file = path.join(outDir, item.fileName);
        const [gz, br] = await Promise.all([
          gzipAsync(content, { level: 9 }),
          brotliAsync(content, {
            params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: content.length },
          }),
        ]);
        await Promise.all([
          gz.length < content.length ? writeFile(`${file}.gz`, gz) : undefined,
          br.length < content.length ? writeFile(`${file}.br`, br) : undefined,
        ]);
      });
      await Promise.all(jobs);
    },
  };
}

export default defineConfig({
  root,
  plugins: [react(), utrechtTreeShaking(), zodWithoutJsonSchema(), precompress()],
  build: {
    outDir: fileURLToPath(new URL('./dist/client', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
