import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// Two pages: the admin app (served under /admin/) and the member chat page (/chat). Assets under /static/.
export default defineConfig({
  root: here('.'),
  base: '/',
  plugins: [react()],
  build: {
    outDir: here('./dist'),
    emptyOutDir: true,
    assetsDir: 'static',
    rollupOptions: { input: { admin: here('./admin.html'), chat: here('./chat.html') } },
  },
});
