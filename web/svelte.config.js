import path from 'node:path';
import { fileURLToPath } from 'node:url';
import nodeAdapter from '@sveltejs/adapter-node';

const webRoot = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.dirname(webRoot);

// adapter-node reads package.json from the working directory to keep `dependencies` external.
// The app has no package.json of its own (it runs on the repository's node_modules), so the
// adapter runs from the repository root and writes to an absolute output folder.
function adapterAtRepoRoot() {
  const adapter = nodeAdapter({ out: path.join(webRoot, 'build'), precompress: false });
  return {
    ...adapter,
    async adapt(builder) {
      const cwd = process.cwd();
      process.chdir(repoRoot);
      try {
        await adapter.adapt(builder);
      } finally {
        process.chdir(cwd);
      }
    },
  };
}

/** @type {import('@sveltejs/kit').Config} */
const config = {
  kit: {
    adapter: adapterAtRepoRoot(),
    typescript: {
      // The scripts that build and serve the app sit beside it, outside src/.
      config: (tsconfig) => {
        tsconfig.include.push('../*.ts');
      },
    },
  },
};

export default config;
