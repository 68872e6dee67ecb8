#!/usr/bin/env node
// `npm run bench`: phpts against php-cli on php-src's own benchmarks (Zend/bench.php and
// Zend/micro_bench.php, unchanged, from ../shared/bench), plus start-up time and peak memory.
//
//   node bench/run.mjs [--runs N] [--json] [--no-php] [--php PATH] [--bench-dir DIR] [--startup-runs N]
//
// Each benchmark script runs --runs times (default 3) with phpts (bin/phpts) and `php -n`, the two
// alternating (the one that goes first changes every run, so neither always gets the warmer machine).
// Times are the scripts' own reports (wall clock, as php-src prints them); the table shows each
// test's median over the runs and the ratio of the median totals (phpts / php: below 1 is faster).
//
// Peak memory is the child's maximum resident set size. When GNU time is at /usr/bin/time the child
// runs under `/usr/bin/time -f %M` (the kernel's getrusage ru_maxrss for the waited child: exact);
// otherwise the runner polls /proc/<pid>/status (VmHWM, the kernel's RSS high-water mark) every few
// milliseconds while the child runs, which can miss growth in the child's last milliseconds. Both
// report kilobytes; the method used is printed. The CPU time of each run (user + system, all threads)
// is shown too when GNU time is there: on a busy machine it is steadier than the wall clock.
//
// Start-up: whole-process wall time of examples/hello.php, the median of --startup-runs (default 11).
// Thread benchmarks: every .php file in bench/threads/ runs once with phpts only; its output is printed
// verbatim under "threads".
// The benchmark scripts print only their timing lines (each test's own output is discarded by an
// output buffer), so the runner checks that both print the same lines with the numbers masked.

import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PHPTS = path.join(root, 'bin', 'phpts');
const GNU_TIME = '/usr/bin/time';
const SCRIPTS = ['bench.php', 'micro_bench.php'];

function parseOptions(argv) {
  const o = { runs: 3, startupRuns: 11, json: false, php: 'php', usePhp: true, benchDir: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) usage(`${a} needs a value`);
      return argv[++i];
    };
    if (a === '--runs') o.runs = positive(value(), a);
    else if (a === '--startup-runs') o.startupRuns = positive(value(), a);
    else if (a === '--json') o.json = true;
    else if (a === '--no-php') o.usePhp = false;
    else if (a === '--php') o.php = value();
    else if (a === '--bench-dir') o.benchDir = path.resolve(value());
    else if (a === '-h' || a === '--help') usage(null);
    else usage(`unknown option ${a}`);
  }
  return o;
}

function positive(s, flag) {
  const n = Number(s);
  if (!Number.isInteger(n) || n < 1) usage(`${flag} needs a positive integer`);
  return n;
}

function usage(error) {
  const text = 'usage: node bench/run.mjs [--runs N] [--startup-runs N] [--json] [--no-php] [--php PATH] [--bench-dir DIR]\n';
  if (error) {
    process.stderr.write(`bench: ${error}\n${text}`);
    process.exit(2);
  }
  process.stdout.write(text);
  process.exit(0);
}

/** ../shared/bench beside the project (a worktree one level deeper finds it one more level up). */
function findBenchDir(explicit) {
  const candidates = explicit ? [explicit] : [path.join(root, '..', 'shared', 'bench'), path.join(root, '..', '..', 'shared', 'bench')];
  for (const dir of candidates) if (SCRIPTS.every((s) => fs.existsSync(path.join(dir, s)))) return dir;
  process.stderr.write(`bench: bench.php and micro_bench.php not found in ${candidates.join(' or ')} (use --bench-dir)\n`);
  process.exit(2);
}

function phpAvailable(php) {
  const r = spawnSync(php, ['-n', '-r', 'echo PHP_VERSION;'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

function commandFor(engine, options) {
  return engine === 'phpts' ? { cmd: PHPTS, args: [] } : { cmd: options.php, args: ['-n'] };
}

// ───────────── running one script ─────────────

const hasGnuTime = fs.existsSync(GNU_TIME);

/**
 * Runs cmd args..., returning its stdout, exit status, wall time, peak RSS (kB) and CPU time (s).
 * GNU time writes its report to a temporary file (-o) so the child's stderr stays its own.
 */
function runMeasured(cmd, args) {
  return new Promise((resolve) => {
    let reportFile = null;
    let argv = [cmd, ...args];
    if (hasGnuTime) {
      reportFile = path.join(os.tmpdir(), `phpts-bench-${process.pid}-${Math.random().toString(36).slice(2)}.time`);
      argv = [GNU_TIME, '-o', reportFile, '-f', '%M %U %S', ...argv];
    }
    const started = process.hrtime.bigint();
    const child = spawn(argv[0], argv.slice(1), { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('latin1').on('data', (d) => (stdout += d));
    child.stderr.setEncoding('latin1').on('data', (d) => (stderr += d));
    let polledPeak = 0;
    const poll = hasGnuTime ? null : setInterval(() => (polledPeak = Math.max(polledPeak, readVmHWM(child.pid))), 5);
    child.on('close', (code) => {
      const wall = Number(process.hrtime.bigint() - started) / 1e9;
      if (poll) clearInterval(poll);
      let peakKb = polledPeak || null;
      let cpu = null;
      if (reportFile) {
        const fields = readReport(reportFile);
        if (fields) [peakKb, cpu] = [fields.peakKb, fields.cpu];
      }
      resolve({ code, stdout, stderr, wall, peakKb, cpu });
    });
  });
}

function readVmHWM(pid) {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'latin1'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

function readReport(file) {
  try {
    const line = fs.readFileSync(file, 'latin1').trim().split('\n').pop();
    fs.rmSync(file, { force: true });
    const [kb, user, sys] = line.split(/\s+/).map(Number);
    return Number.isFinite(kb) ? { peakKb: kb, cpu: user + sys } : null;
  } catch {
    return null;
  }
}

// ───────────── the scripts' reports ─────────────

/** Lines "name   0.123" or "name   0.123    0.100" (micro_bench: time, time minus the empty loop). */
const TIMING_LINE = /^(.*?)\s*(-?\d+\.\d+)(?:\s+(-?\d+\.\d+))?$/;

function parseReport(stdout) {
  const tests = [];
  let total = null;
  for (const line of stdout.split('\n')) {
    if (/^-+$/.test(line)) continue;
    const m = TIMING_LINE.exec(line);
    if (!m) continue;
    const name = m[1].trim();
    if (name === 'Total') total = Number(m[2]);
    else tests.push({ name, time: Number(m[2]) });
  }
  return { tests, total };
}

/** The output with every number masked: what both implementations must print identically. */
function maskTimings(stdout) {
  return stdout.replace(/ *-?\d+\.\d+/g, ' #');
}

function median(xs) {
  const v = xs.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return null;
  const mid = v.length >> 1;
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}

async function benchScript(file, engines, options) {
  const result = { script: path.basename(file), runs: {}, mismatch: null, failures: [] };
  for (const e of engines) result.runs[e] = [];
  for (let run = 0; run < options.runs; run++) {
    const order = run % 2 === 0 ? engines : [...engines].reverse();
    for (const engine of order) {
      const { cmd, args } = commandFor(engine, options);
      const r = await runMeasured(cmd, [...args, file]);
      if (r.code !== 0) result.failures.push(`${engine} exited with ${r.code}: ${r.stderr.trim().split('\n').slice(-3).join(' | ')}`);
      result.runs[engine].push({ ...parseReport(r.stdout), wall: r.wall, peakKb: r.peakKb, cpu: r.cpu, masked: maskTimings(r.stdout) });
    }
  }
  if (engines.length === 2) {
    const [a, b] = engines.map((e) => result.runs[e][0].masked);
    if (a !== b) result.mismatch = firstDifference(a, b);
  }
  return summarise(result, engines);
}

function firstDifference(a, b) {
  const la = a.split('\n'), lb = b.split('\n');
  for (let i = 0; i < Math.max(la.length, lb.length); i++) {
    if (la[i] !== lb[i]) return { line: i + 1, phpts: la[i] ?? '(end of output)', php: lb[i] ?? '(end of output)' };
  }
  return null;
}

function summarise(result, engines) {
  const names = result.runs[engines[0]][0]?.tests.map((t) => t.name) ?? [];
  const tests = names.map((name, i) => {
    const row = { name };
    for (const e of engines) row[e] = median(result.runs[e].map((r) => r.tests[i]?.time));
    return row;
  });
  const total = {}, peakKb = {}, cpu = {}, wall = {};
  for (const e of engines) {
    total[e] = median(result.runs[e].map((r) => r.total));
    peakKb[e] = median(result.runs[e].map((r) => r.peakKb));
    cpu[e] = median(result.runs[e].map((r) => r.cpu));
    wall[e] = median(result.runs[e].map((r) => r.wall));
  }
  const ratio = total.php ? total.phpts / total.php : null;
  const perRun = {};
  for (const e of engines) perRun[e] = result.runs[e].map((r) => r.total);
  return { script: result.script, tests, total, totalsPerRun: perRun, ratio, peakKb, cpu, wall, mismatch: result.mismatch, failures: result.failures };
}

// ───────────── start-up ─────────────

/** Runs a command once to completion: wall milliseconds, and CPU milliseconds (user+sys) when GNU time is there. */
function timeOnce(cmd, args) {
  const report = hasGnuTime ? path.join(os.tmpdir(), `phpts-bench-${process.pid}-startup.time`) : null;
  const argv = report ? [GNU_TIME, '-o', report, '-f', '%M %U %S', cmd, ...args] : [cmd, ...args];
  const t0 = process.hrtime.bigint();
  spawnSync(argv[0], argv.slice(1), { cwd: root, stdio: 'ignore' });
  const wall = Number(process.hrtime.bigint() - t0) / 1e6;
  const fields = report ? readReport(report) : null;
  return { wall, cpu: fields ? fields.cpu * 1000 : null };
}

/** hello world with each engine, and bare `node -e 0` (the floor phpts starts from): medians. */
function startup(engines, options) {
  const hello = path.join(root, 'examples', 'hello.php');
  const rows = [...engines.map((e) => ({ name: e, ...commandFor(e, options), file: hello })), { name: 'node -e 0', cmd: process.execPath, args: ['-e', '0'], file: null }];
  const wall = {}, cpu = {};
  for (const r of rows) (wall[r.name] = []), (cpu[r.name] = []);
  for (let i = 0; i < options.startupRuns; i++) {
    for (const r of i % 2 === 0 ? rows : [...rows].reverse()) {
      const t = timeOnce(r.cmd, r.file ? [...r.args, r.file] : r.args);
      wall[r.name].push(t.wall);
      cpu[r.name].push(t.cpu);
    }
  }
  const out = {};
  for (const r of rows) out[r.name] = { wallMs: median(wall[r.name]), cpuMs: median(cpu[r.name]) };
  return out;
}

// ───────────── thread benchmarks (phpts only) ─────────────

async function threadBenchmarks() {
  const dir = path.join(root, 'bench', 'threads');
  if (!fs.existsSync(dir)) return [];
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.php')).sort();
  const out = [];
  for (const f of files) {
    const r = await runMeasured(PHPTS, [path.join(dir, f)]);
    out.push({ file: f, code: r.code, output: r.stdout, stderr: r.stderr, wall: r.wall, peakKb: r.peakKb });
  }
  return out;
}

// ───────────── printing ─────────────

const fmt = (x, digits = 3) => (x === null || x === undefined ? '-' : x.toFixed(digits));
const ratioText = (a, b) => (a !== null && b ? (a / b).toFixed(2) + 'x' : '-');
const mb = (kb) => (kb ? (kb / 1024).toFixed(1) + ' MB' : '-');

function printTable(report) {
  const { engines } = report;
  const lines = [];
  lines.push(`phpts benchmark — ${report.date}, ${report.machine.cpus} CPUs (nproc ${report.machine.nproc}), Node ${report.machine.node}` +
    (report.machine.php ? `, PHP ${report.machine.php} (php -n)` : ', php not found'));
  lines.push(`runs: ${report.runs}; times: medians of the scripts' own reports, in seconds; ratio = phpts / php`);
  for (const s of report.scripts) {
    lines.push('');
    lines.push(`## ${s.script}`);
    lines.push(`${'test'.padEnd(22)}${engines.map((e) => e.padStart(10)).join('')}${engines.length === 2 ? 'ratio'.padStart(9) : ''}`);
    for (const t of s.tests) {
      lines.push(`${t.name.padEnd(22)}${engines.map((e) => fmt(t[e]).padStart(10)).join('')}${engines.length === 2 ? ratioText(t.phpts, t.php).padStart(9) : ''}`);
    }
    lines.push(`${'Total'.padEnd(22)}${engines.map((e) => fmt(s.total[e]).padStart(10)).join('')}${engines.length === 2 ? ratioText(s.total.phpts, s.total.php).padStart(9) : ''}`);
    for (const e of engines) lines.push(`  ${e} totals per run: ${s.totalsPerRun[e].map((x) => fmt(x)).join(', ')}`);
    if (Object.values(s.cpu).some((x) => x !== null)) {
      lines.push(`  process CPU time (user+sys): ${engines.map((e) => `${e} ${fmt(s.cpu[e], 2)} s`).join(', ')}`);
    }
    lines.push(`  peak memory (max RSS): ${engines.map((e) => `${e} ${mb(s.peakKb[e])}`).join(', ')}`);
    if (s.mismatch) lines.push(`  OUTPUT MISMATCH at line ${s.mismatch.line}: phpts ${JSON.stringify(s.mismatch.phpts)} vs php ${JSON.stringify(s.mismatch.php)}`);
    else if (engines.length === 2) lines.push('  outputs identical except timings');
    for (const f of s.failures) lines.push(`  FAILED: ${f}`);
  }
  lines.push('');
  lines.push(`## start-up (examples/hello.php, whole process, median of ${report.startupRuns})`);
  for (const [name, t] of Object.entries(report.startup)) {
    lines.push(`${name.padEnd(12)} wall ${fmt(t.wallMs, 1).padStart(7)} ms${t.cpuMs !== null ? `   CPU ${fmt(t.cpuMs, 0).padStart(5)} ms` : ''}`);
  }
  lines.push(`peak memory method: ${report.memoryMethod}`);
  lines.push('');
  lines.push('## threads (phpts only, bench/threads/*.php)');
  if (!report.threads.length) lines.push('(no thread benchmarks yet)');
  for (const t of report.threads) {
    lines.push(`### ${t.file}${t.code !== 0 ? ` (exit ${t.code})` : ''}`);
    lines.push(t.output.replace(/\n$/, ''));
    if (t.code !== 0 && t.stderr) lines.push(t.stderr.replace(/\n$/, ''));
  }
  process.stdout.write(lines.join('\n') + '\n');
}

async function main() {
  const options = parseOptions(process.argv.slice(2));
  const benchDir = findBenchDir(options.benchDir);
  if (!fs.existsSync(path.join(root, 'dist', 'cli', 'main.js'))) {
    process.stderr.write('bench: dist/ is missing: run `npm run build` first\n');
    process.exit(2);
  }
  const phpVersion = options.usePhp ? phpAvailable(options.php) : null;
  const engines = phpVersion ? ['phpts', 'php'] : ['phpts'];
  const scripts = [];
  for (const s of SCRIPTS) scripts.push(await benchScript(path.join(benchDir, s), engines, options));
  const report = {
    date: new Date().toISOString().slice(0, 10),
    machine: { nproc: Number(spawnSync('nproc', { encoding: 'utf8' }).stdout.trim()) || null, cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? null, node: process.version, php: phpVersion },
    runs: options.runs,
    engines,
    scripts,
    startupRuns: options.startupRuns,
    startup: startup(engines, options),
    memoryMethod: hasGnuTime ? `${GNU_TIME} -f %M (ru_maxrss of the child)` : '/proc/<pid>/status VmHWM polled every 5 ms',
    threads: await threadBenchmarks(),
  };
  if (options.json) process.stdout.write(JSON.stringify(report, null, 2) + '\n');
  else printTable(report);
  const bad = scripts.some((s) => s.mismatch || s.failures.length);
  process.exitCode = bad ? 1 : 0;
}

await main();
