// Lighthouse on the release bundle, as a phone reader gets it: the demo
// page (dist/index.html) served compressed and with the README's cache
// headers by serve.mjs, audited with Lighthouse's default mobile settings
// (a mid-range phone, 4× CPU slowdown, simulated slow 4G) in the installed
// Chromium. A benchmark with a report, never a timed test: a low score does
// not fail it; only a run that cannot happen does (exit 1).
//
//   node tests/browser/lighthouse.mjs [DIST] [--runs N] [--page PATH] [--json] [--save DIR]
//
// DIST defaults to $ROOT/dist. Each run is a fresh Lighthouse (and a fresh
// headless Chromium, with webdriver.mjs's offline flags); with N runs
// (default 3) it reports the run with the median performance score, as
// Lighthouse's own docs advise. It prints the four category scores, the
// metrics (FCP, LCP, TBT, CLS, Speed Index, TTI) and the failing audits;
// --json adds one JSON line for scripts/bench; --save keeps each run's
// JSON report in DIR.
//
// Lighthouse is npm's `lighthouse` at LIGHTHOUSE_VERSION (scripts/bench
// installs it into the tools folder; 12.x, as 13 needs Node 22), run as
// its CLI with CHROME_PATH (default /usr/bin/chromium).

import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from './serve.mjs';
import { BASE_ARGS, CHROMIUM } from './webdriver.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const TOOLS_DIR = process.env.TOOLS_DIR || process.env.CLAIMCHECK_TOOLS ||
  join(homedir(), '.cache/claimcheck/tools');
const LIGHTHOUSE = join(TOOLS_DIR, 'node_modules/lighthouse/cli/index.js');
/** What the README tells a newsroom to send for the bundle's stable names. */
export const CACHE_CONTROL = 'public, max-age=300, stale-while-revalidate=86400';
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
const METRICS = [
  ['first-contentful-paint', 'FCP'],
  ['largest-contentful-paint', 'LCP'],
  ['total-blocking-time', 'TBT'],
  ['cumulative-layout-shift', 'CLS'],
  ['speed-index', 'Speed Index'],
  ['interactive', 'TTI'],
];

function runLighthouse(url, chromePath) {
  const flags = [...new Set([...BASE_ARGS, '--headless=new', '--no-sandbox'])];
  const args = [
    LIGHTHOUSE, url,
    '--output=json', '--output-path=stdout', '--quiet',
    `--only-categories=${CATEGORIES.join(',')}`,
    `--chrome-flags=${flags.join(' ')}`,
    '--max-wait-for-load=60000',
  ];
  return new Promise((ok, fail) => {
    const child = spawn(process.execPath, args, {
      env: { ...process.env, CHROME_PATH: chromePath },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out = [], err = [];
    child.stdout.on('data', (d) => out.push(d));
    child.stderr.on('data', (d) => err.push(d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 240_000);
    child.on('error', fail);
    child.on('close', (code) => {
      clearTimeout(timer);
      const text = Buffer.concat(out).toString('utf8');
      try {
        const lhr = JSON.parse(text);
        if (lhr.runtimeError) throw new Error(`${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
        ok(lhr);
      } catch (e) {
        fail(new Error(`lighthouse exited ${code}: ${e.message}\n${Buffer.concat(err).toString('utf8').slice(-2000)}`));
      }
    });
  });
}

function summary(lhr) {
  const score = (c) => (lhr.categories[c]?.score == null ? null : Math.round(lhr.categories[c].score * 100));
  const metric = (id) => lhr.audits[id]?.numericValue ?? null;
  const failing = Object.values(lhr.audits)
    .filter((a) => a.score !== null && a.score < 0.9 && ['binary', 'numeric', 'metricSavings'].includes(a.scoreDisplayMode))
    .map((a) => `${a.id} (${a.displayValue || a.score})`);
  const lcpElement = lhr.audits['largest-contentful-paint-element']?.details?.items?.[0]?.items?.[0]?.node?.snippet ??
    lhr.audits['largest-contentful-paint-element']?.details?.items?.[0]?.node?.snippet ?? null;
  return {
    scores: Object.fromEntries(CATEGORIES.map((c) => [c, score(c)])),
    metrics: Object.fromEntries(METRICS.map(([id]) => [id, metric(id)])),
    lcp_element: lcpElement,
    failing,
    lighthouse: lhr.lighthouseVersion,
    user_agent: lhr.environment?.hostUserAgent,
  };
}

async function main() {
  const args = process.argv.slice(2);
  let dist = join(ROOT, 'dist');
  let runs = 3;
  let page = '/';
  let json = false;
  let save = null;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--runs') runs = Number(args[++i]);
    else if (args[i] === '--page') page = args[++i];
    else if (args[i] === '--json') json = true;
    else if (args[i] === '--save') save = resolve(args[++i]);
    else if (args[i].startsWith('-')) throw new Error(`unknown option ${args[i]}`);
    else dist = resolve(args[i]);
  }
  if (!(runs > 0)) throw new Error('--runs must be a positive number');
  if (!existsSync(join(dist, 'index.html'))) throw new Error(`no ${join(dist, 'index.html')}; run trunk build --release first`);
  if (!existsSync(LIGHTHOUSE)) throw new Error(`no Lighthouse at ${LIGHTHOUSE}; scripts/bench installs it`);
  const chromePath = process.env.CHROME_PATH || CHROMIUM;
  const version = JSON.parse(readFileSync(join(TOOLS_DIR, 'node_modules/lighthouse/package.json'), 'utf8')).version;
  const server = await serve(dist, { cacheControl: CACHE_CONTROL });
  const url = new URL(page.replace(/^\//, ''), server.url).href;
  const results = [];
  try {
    for (let i = 0; i < runs; i++) {
      const lhr = await runLighthouse(url, chromePath);
      if (save) {
        mkdirSync(save, { recursive: true });
        writeFileSync(join(save, `lighthouse-${i + 1}.json`), JSON.stringify(lhr));
      }
      const s = summary(lhr);
      results.push(s);
      console.log(`lighthouse: run ${i + 1}/${runs}: performance ${s.scores.performance}, ` +
        `LCP ${(s.metrics['largest-contentful-paint'] / 1000).toFixed(2)} s`);
    }
  } finally {
    await server.close();
  }
  const sorted = [...results].sort((a, b) => a.scores.performance - b.scores.performance);
  const median = sorted[Math.floor((sorted.length - 1) / 2)];
  const ms = (v) => (v == null ? 'n/a' : v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${Math.round(v)} ms`);
  console.log(`lighthouse ${version}, mobile (default settings), ${url} served compressed, ` +
    `median of ${runs} run(s) by performance score:`);
  console.log(`  scores: ${CATEGORIES.map((c) => `${c} ${median.scores[c]}`).join(', ')}`);
  console.log(`  metrics: ${METRICS.map(([id, name]) => `${name} ${id === 'cumulative-layout-shift'
    ? (median.metrics[id] ?? 0).toFixed(3) : ms(median.metrics[id])}`).join(', ')}`);
  console.log(`  performance over the runs: ${results.map((r) => r.scores.performance).join(', ')}`);
  if (median.lcp_element) console.log(`  LCP element: ${median.lcp_element.slice(0, 160)}`);
  if (median.failing.length) console.log(`  audits below 0.9: ${median.failing.join('; ')}`);
  if (json) {
    console.log(JSON.stringify({ lighthouse: { version, url, runs: results.length, median, all: results.map((r) => r.scores.performance) } }));
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.log(`lighthouse: error: ${err.message}`);
    process.exit(1);
  },
);
