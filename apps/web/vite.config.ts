import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig, type Plugin, type Rolldown } from 'vite';

/** Writes a .br and a .gz beside every script, style and image file, for the server to send as they are. */
function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'kamap-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    writeBundle(_options, bundle) {
      for (const file of Object.values(bundle)) {
        if (!/\.(js|css|html|svg|json)$/.test(file.fileName)) continue;
        const body = Buffer.from(file.type === 'chunk' ? file.code : file.source);
        if (body.length < 1024) continue;
        const path = join(outDir, file.fileName);
        writeFileSync(`${path}.br`, brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 9 } }));
        writeFileSync(`${path}.gz`, gzipSync(body, { level: 9 }));
      }
    },
  };
}

/**
 * Writes first-pages.json: for each of the pages opened most often (address pattern → its module), the
 * script and style files its code needs beyond the app's entry. The server names them in the app shell
 * it serves at that address to a signed-in user, so the browser fetches the page's code beside the
 * app's instead of after the app has started. The router must route the same addresses to the same
 * modules; a module that is no longer a chunk of its own fails the build.
 */
function firstPages(pages: Record<string, string>): Plugin {
  return {
    name: 'kamap-first-pages',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = new Map<string, Rolldown.OutputChunk>();
      for (const file of Object.values(bundle)) if (file.type === 'chunk') chunks.set(file.fileName, file);
      const closure = (start: string[]) => {
        const seen = new Set<string>();
        const walk = (file: string) => {
          if (seen.has(file)) return;
          seen.add(file);
          for (const next of chunks.get(file)?.imports ?? []) walk(next);
        };
        for (const file of start) walk(file);
        return seen;
      };
      const entry = closure([...chunks.values()].filter((c) => c.isEntry).map((c) => c.fileName));
      const files: Record<string, { scripts: string[]; styles: string[] }> = {};
      for (const [path, module] of Object.entries(pages)) {
        const page = [...chunks.values()].find((c) => c.facadeModuleId?.endsWith(module));
        if (!page) this.error(`first page ${path}: ${module} is not a chunk of its own`);
        const own = [...closure([page.fileName])].filter((file) => !entry.has(file));
        files[path] = {
          scripts: own.map((file) => `/${file}`),
          styles: own.flatMap((file) => [...(chunks.get(file)?.viteMetadata?.importedCss ?? [])].map((f) => `/${f}`)),
        };
      }
      this.emitFile({ type: 'asset', fileName: 'first-pages.json', source: JSON.stringify(files) });
    },
  };
}

// `source` makes @kamap/contracts resolve to its TypeScript source, so the web build never waits for tsc.
export default defineConfig(({ isSsrBuild }) => ({
  plugins: [
    react(),
    precompress(),
    firstPages({ '/': 'src/features/map/map-page.tsx', '/accounts/:id': 'src/features/accounts/account-page.tsx' }),
  ],
  resolve: { conditions: ['source', ...defaultClientConditions] },
  // the server's drawing of the first pages (entry-server.tsx) is one file with its libraries in it, so
  // it draws with exactly the code the browser takes the page over with
  ssr: { noExternal: true, resolve: { conditions: ['source'] } },
  // the libraries' production code on the server too, as in the browser (and as fast)
  define: isSsrBuild ? { 'process.env.NODE_ENV': JSON.stringify('production') } : {},
  server: {
    proxy: { '/api': 'http://localhost:3000' },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // The libraries in two files, but for the charts and the org chart that few pages draw: a page's
          // code then comes in a few requests instead of seventy, which a browser's six connections to the
          // server otherwise queue for most of a second. `vendor` holds what the app's entry imports (React,
          // the router, the frame's components): the browser compiles and runs only that before the first
          // render. `vendor-pages` holds the rest (tables, forms, pickers, zod), compiled beside it.
          groups: [
            { name: 'vendor', test: /node_modules[\\/]/, tags: ['$initial'], priority: 2 },
            {
              name: 'vendor-pages',
              test: /node_modules[\\/](?!echarts|zrender|@xyflow|d3-|html-to-image)/,
              priority: 1,
            },
          ],
        },
      },
    },
  },
}));
