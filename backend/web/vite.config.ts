import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// The console is served by the hromada server at /admin/ on every host; built files get
// content hashes (cached for a year), index.html is never cached. In development, `npm run
// dev` proxies the API to a server on :8080.
export default defineConfig({
  base: "/admin/",
  plugins: [react()],
  build: {
    outDir: "dist",
    assetsDir: "assets",
    sourcemap: false,
    chunkSizeWarningLimit: 600,
  },
  server: {
    proxy: {
      "/graphql": "http://127.0.0.1:8080",
      "/admin/session": "http://127.0.0.1:8080",
      "/admin/preview": "http://127.0.0.1:8080",
    },
  },
});
