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
    rollupOptions: {
      input: { admin: here('./admin.html'), chat: here('./chat.html') },
      // ECharts and its renderer (zrender) in chunks of their own, loaded only when a chart is drawn; each stays under
      // Vite's 500 kB warning (D-dashboard-3). tests/e2e/ui-bundles.test.ts holds the budgets.
      output: {
        codeSplitting: {
          groups: [
            { name: 'echarts', test: /node_modules[\\/]echarts[\\/]/, priority: 1 },
            { name: 'zrender', test: /node_modules[\\/]zrender[\\/]/, priority: 2 },
          ],
        },
      },
    },
  },
});
