import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The API server listens on :3000 in development; the web dev server forwards to it so the session
// cookie stays same-origin, exactly as in production where the server also serves `dist/`.
const apiTarget = `http://127.0.0.1:${process.env.PORT ?? '3000'}`;
const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  plugins: [react()],
  server: {
    port: 5173,
    proxy: {
      // '/api/' with the slash: '/api-tokens' is a page of the app, not an API call
      '/api/': apiTarget,
      '/healthz': apiTarget,
      '/metrics': apiTarget,
    },
  },
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    // antd and echarts are large by nature; they are split into their own long-lived chunks below.
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|react-router|react-router-dom|scheduler)[\\/]/ },
            { name: 'antd', test: /node_modules[\\/](antd|@ant-design|@rc-component|rc-[\w-]+)[\\/]/ },
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/ },
          ],
        },
      },
    },
  },
});
