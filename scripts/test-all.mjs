#!/usr/bin/env node
/**
 * Runs every test tier (unit, integration on PGlite and PostgreSQL, browser)
 * after a build, and ends with one plain line: "N passed, N failed, N skipped".
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit', env: process.env });

console.log('== Build (server en front end)');
const build = run('npm', ['run', 'build', '--silent']);
if (build.status !== 0) {
  console.log('De build is mislukt.');
  console.log('0 passed, 1 failed');
  process.exit(1);
}

console.log('== Tests (unit, integratie op PGlite en PostgreSQL, browser)');
fs.mkdirSync('test-results', { recursive: true });
const out = 'test-results/vitest.json';
fs.rmSync(out, { force: true });
const tests = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`, ...process.argv.slice(2)]);

let passed = 0;
let failed = 0;
let skipped = 0;
if (fs.existsSync(out)) {
  const report = JSON.parse(fs.readFileSync(out, 'utf8'));
  passed = report.numPassedTests ?? 0;
  // Failed tests, plus test files that failed without a failing test (e.g. an error while loading).
  const brokenFiles = (report.testResults ?? []).filter((r) => r.status === 'failed' && !(r.assertionResults ?? []).some((a) => a.status === 'failed'));
  failed = (report.numFailedTests ?? 0) + brokenFiles.length;
  skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  const reasons = new Set();
  for (const file of report.testResults ?? []) {
    for (const a of file.assertionResults ?? []) {
      if (a.status === 'pending' || a.status === 'skipped') {
        const reason = [...(a.ancestorTitles ?? [])].find((t) => t.startsWith('overgeslagen'));
        if (reason) reasons.add(reason);
      }
    }
  }
  for (const r of reasons) console.log(`Let op: ${r}`);
} else {
  failed = 1;
}
if (tests.status !== 0 && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);
