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
  plugins: [react(), utrechtTreeShaking(), precompress()],
  build: {
    outDir: fileURLToPath(new URL('./dist/client', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
