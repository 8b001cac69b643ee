import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../../..');

function runCli(args: string[], input: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    // A database URL nothing answers: `assess` must never open it.
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/cli.ts', ...args], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: 'postgres://nobody@127.0.0.1:9/none', DATA_DIR: '/nonexistent/kindred' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

// Each test starts the CLI with tsx, which compiles it first: slow on a busy machine.
describe('npm run cli -- assess', () => {
  it('prints one assessment per line of standard input, without a database', async () => {
    const { code, stdout, stderr } = await runCli(['assess'], 'I want to die\nMe muero de risa con este video\n');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toEqual({
      level: 'ideation',
      score: expect.any(Number),
      categories: ['suicidal'],
      matches: [{ rule: 'en.ideation.want_to_die', phrase: 'want to die', start: 2, end: 13 }],
      language: 'en',
    });
    expect(lines[1]).toMatchObject({ level: 'none', categories: [], matches: [], language: 'es' });
  }, 90_000);

  it('takes a language, and says kindly when it is missing', async () => {
    const [given, missing] = await Promise.all([runCli(['assess', '--language', 'es'], 'ok\n'), runCli(['assess', '--language'], '')]);
    expect(JSON.parse(given.stdout).language).toBe('es');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/Please give a language/);
  }, 90_000);
});
