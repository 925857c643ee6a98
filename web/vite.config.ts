import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [sveltekit()],
  // The server code imports the event catalogue, store and projections from the repository root.
  server: { fs: { allow: ['..'] } },
});
