#!/usr/bin/env node
// `npm test`: the unit tests (node --test on tests/unit/**/*.test.mjs), then the project's
// own .phpt tests (tests/phpt/**/*.phpt) run by bin/phpts-phpt against bin/phpts.
// The last line printed is the combined "N passed, N failed, N skipped"; the exit code is
// 1 when anything failed. Needs a build (npm run build) for dist/.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const unitDir = path.join(root, 'tests', 'unit');
const phptDir = path.join(root, 'tests', 'phpt');
const runnerModule = path.join(root, 'dist', 'testing', 'phpt.js');
const DIFF_LINES_SHOWN = 20;

/** Files under dir (recursively, sorted) whose name ends with suffix; none when dir is absent. */
function findFiles(dir, suffix) {
  if (!fs.existsSync(dir)) return [];
  const found = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...findFiles(full, suffix));
    else if (entry.name.endsWith(suffix)) found.push(full);
  }
  return found;
}

/** Runs a command with stdout shown as it comes and also returned. */
function run(command, args) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.on('data', (data) => {
      stdout += data;
      process.stdout.write(data);
    });
    child.on('error', (error) => resolve({ code: 1, stdout: stdout + `\ncannot run ${command}: ${error.message}\n` }));
    child.on('close', (code) => resolve({ code: code ?? 1, stdout }));
  });
}

/** Reads "# pass N" style counters from a TAP report. */
function tapCounter(tap, name) {
  const match = new RegExp(`^# ${name} (\\d+)$`, 'm').exec(tap);
  return match ? Number(match[1]) : 0;
}

async function runUnitTests(scratch) {
  const files = findFiles(unitDir, '.test.mjs');
  console.log(`== unit tests (${files.length} files)`);
  if (files.length === 0) return { passed: 0, failed: 0, skipped: 0 };
  // Two reporters: readable output on the console, TAP in a file for the counts.
  const tapFile = path.join(scratch, 'unit.tap');
  const { code } = await run(process.execPath, [
    '--test',
    '--test-reporter=spec', '--test-reporter-destination=stdout',
    '--test-reporter=tap', `--test-reporter-destination=${tapFile}`,
    ...files,
  ]);
  const tap = fs.existsSync(tapFile) ? fs.readFileSync(tapFile, 'utf8') : '';
  const counts = {
    passed: tapCounter(tap, 'pass'),
    failed: tapCounter(tap, 'fail') + tapCounter(tap, 'cancelled'),
    skipped: tapCounter(tap, 'skipped') + tapCounter(tap, 'todo'),
  };
  // A crash before any report (or a failure TAP does not count) still fails the run.
  if (code !== 0 && counts.failed === 0) counts.failed = 1;
  return counts;
}

function showFailureDiffs(jsonFile) {
  if (!fs.existsSync(jsonFile)) return;
  for (const result of JSON.parse(fs.readFileSync(jsonFile, 'utf8'))) {
    if (result.status !== 'fail' || !result.diff) continue;
    const lines = result.diff.split('\n');
    console.log(`-- ${result.file}: ${result.name}`);
    console.log(lines.slice(0, DIFF_LINES_SHOWN).join('\n'));
    if (lines.length > DIFF_LINES_SHOWN) console.log(`... (${lines.length - DIFF_LINES_SHOWN} more diff lines)`);
  }
}

async function runPhptTests(scratch) {
  const files = findFiles(phptDir, '.phpt');
  console.log(`== phpt tests (${files.length} files)`);
  if (files.length === 0) return { passed: 0, failed: 0, skipped: 0 };
  if (!fs.existsSync(runnerModule)) {
    console.log(`${path.relative(root, runnerModule)} is missing: run "npm run build" first`);
    return { passed: 0, failed: files.length, skipped: 0 };
  }
  const jsonFile = path.join(scratch, 'phpt.json');
  const { stdout } = await run(process.execPath, [
    path.join(root, 'bin', 'phpts-phpt'),
    '--php', path.join(root, 'bin', 'phpts'),
    '--no-artifacts', // keep the working tree clean; the diffs are shown below
    '--timeout', '120', // the threads' stress tests run long on a busy 2-core machine
    '--json', jsonFile,
    path.relative(root, phptDir),
  ]);
  showFailureDiffs(jsonFile);
  const summary = /^(\d+) passed, (\d+) failed, (\d+) skipped\s*$/m.exec(stdout.trimEnd().split('\n').pop() ?? '');
  if (!summary) {
    console.log('the phpt runner did not finish with a summary line');
    return { passed: 0, failed: Math.max(1, files.length), skipped: 0 };
  }
  return { passed: Number(summary[1]), failed: Number(summary[2]), skipped: Number(summary[3]) };
}

async function main() {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'phpts-test-'));
  try {
    const unit = await runUnitTests(scratch);
    const phpt = await runPhptTests(scratch);
    console.log(`== unit: ${unit.passed} passed, ${unit.failed} failed, ${unit.skipped} skipped`);
    console.log(`== phpt: ${phpt.passed} passed, ${phpt.failed} failed, ${phpt.skipped} skipped`);
    const passed = unit.passed + phpt.passed;
    const failed = unit.failed + phpt.failed;
    const skipped = unit.skipped + phpt.skipped;
    console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
    return failed > 0 ? 1 : 0;
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

process.exitCode = await main();
