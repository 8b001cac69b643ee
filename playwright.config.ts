import { defineConfig } from '@playwright/test';

/**
 * Browser tests: Debian's Chromium (never a downloaded browser) against real Kindred
 * servers built from this tree, one on SQLite and one on PostgreSQL. scripts/test.mjs
 * sets KINDRED_E2E_DIALECTS to the databases this run has.
 */
const dialects = (process.env.KINDRED_E2E_DIALECTS ?? 'sqlite,postgres').split(',').filter(Boolean);
const ports: Record<string, number> = { sqlite: 3101, postgres: 3102 };

export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  forbidOnly: true,
  retries: 0,
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [['list'], ['json']] : [['list']],
  use: {
    browserName: 'chromium',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
    trace: 'off',
    screenshot: 'only-on-failure',
  },
  projects: dialects.map((dialect) => ({
    name: dialect,
    use: { baseURL: `http://127.0.0.1:${ports[dialect]}` },
  })),
  webServer: dialects.map((dialect) => ({
    command: `node e2e/serve.mjs ${dialect} ${ports[dialect]}`,
    url: `http://127.0.0.1:${ports[dialect]}/readyz`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
    // SIGTERM, so e2e/serve.mjs can drop its database and data folder.
    gracefulShutdown: { signal: 'SIGTERM' as const, timeout: 10_000 },
  })),
});
