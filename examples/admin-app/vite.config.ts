import react from '@vitejs/plugin-react';
import { defaultClientConditions, defaultServerConditions, defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  resolve: { conditions: ['@seats/source', ...defaultClientConditions] },
  ssr: { resolve: { conditions: ['@seats/source', ...defaultServerConditions] } },
});
