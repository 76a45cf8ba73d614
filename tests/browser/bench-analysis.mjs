// Analysis benchmark: how long the support analysis behind the verdicts
// takes in the shipped wasm in headless Chromium, and the longest task it
// leaves on the main thread. A benchmark with a report, not a test: a slow
// figure never fails it; only a broken page does (exit 2 when the widget
// never finishes its analysis, 1 on any other error).
//
//   node tests/browser/bench-analysis.mjs [DIST] [--runs N] [--scenario ID] [--json]
//
// DIST defaults to $ROOT/dist (`trunk build --release`). The standalone page
// is loaded in two ways, each --runs times (default 3), in a fresh page:
//
// - as it ships: the analysis runs in a Web Worker (the page allows one);
// - with `Content-Security-Policy: worker-src 'none'`, as a cross-origin
//   embed or a strict host page would have it: the analysis runs in slices
//   of at most 12 ms on the main thread (src/analysis.rs).
//
// The analysis time is the widget's own figure: the root element's
// `data-analysis-ms` attribute (wall time from the job's start to its last
// draw, src/analysis.rs `Progress::ms`), with `data-analysis` naming the mode.
// The long tasks come from a PerformanceObserver for `longtask` entries
// (Chromium), registered by a script injected at the top of the page's head
// before the widget loads: the report gives the longest and the count over
// 50 ms while the analysis ran, and from the page's start to the end of the
// analysis. That API sees nothing shorter, so the same script also runs a
// chain of 0-ms timers: the longest wait of a tick while the analysis ran
// bounds the longest task from above (plus the timer's own ~4 ms).

import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveMounts } from './serve.mjs';
import { Browser, withTimeout } from './webdriver.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

// Collects long tasks from the very start of the page.
const OBSERVER = `<script>
window.__ccLongTasks = [];
try {
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      window.__ccLongTasks.push({ start: e.startTime, duration: e.duration });
    }
  }).observe({ type: 'longtask', buffered: true });
} catch (e) { window.__ccLongTasksError = String(e); }
// The Long Tasks API reports only tasks over 50 ms. To see shorter ones, a
// chain of 0-ms timers measures how long the main thread kept each tick
// waiting: a gap is at most the longest task run in it plus the timer's
// own delay (about 4 ms once nested).
window.__ccGaps = [];
(function () {
  var last = performance.now();
  function tick() {
    var now = performance.now();
    if (now - last > 6) window.__ccGaps.push({ start: last, duration: now - last });
    last = now;
    setTimeout(tick, 0);
  }
  setTimeout(tick, 0);
})();
</script>`;

// Waits (bounded) for the analysis to finish, then reads the figures.
const WAIT = `
const done = arguments[arguments.length - 1];
const [scenario, limitMs] = arguments;
const started = performance.now();
(function poll() {
  const root = [...document.querySelectorAll('.cc-root')]
    .find((r) => !scenario || r.dataset.scenario === scenario);
  const ms = root && root.getAttribute('data-analysis-ms');
  if (ms !== null && ms !== undefined && ms !== '') {
    const end = performance.now();
    // Let the observer deliver the last entries.
    setTimeout(() => done({
      ok: true,
      scenario: root.dataset.scenario,
      mode: root.getAttribute('data-analysis'),
      analysisMs: Number(ms),
      seenAt: end,
      tasks: window.__ccLongTasks || [],
      gaps: window.__ccGaps || [],
      observerError: window.__ccLongTasksError || null,
    }), 100);
  } else if (performance.now() - started > limitMs) {
    done({ ok: false, root: !!root, mode: root && root.getAttribute('data-analysis') });
  } else {
    setTimeout(poll, 20);
  }
})();
`;

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  if (n === 0) return NaN;
  return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
}

async function main() {
  const args = process.argv.slice(2);
  let dist = join(ROOT, 'dist');
  let runs = 3;
  let scenario = '';
  let json = false;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--runs') runs = Number(args[++i]);
    else if (args[i] === '--scenario') scenario = args[++i];
    else if (args[i] === '--json') json = true;
    else if (args[i].startsWith('-')) throw new Error(`unknown option ${args[i]}`);
    else dist = args[i];
  }
  if (!(runs > 0)) throw new Error('--runs must be a positive number');
  if (!existsSync(join(dist, 'index.html'))) {
    throw new Error(`no ${join(dist, 'index.html')}; run trunk build --release first`);
  }
  const inject = (text) => text.replace(/<head>/i, `<head>${OBSERVER}`);
  const server = await serveMounts(
    [
      { prefix: '/', dir: dist, transform: inject },
      { prefix: '/slices/', dir: dist, transform: inject },
    ],
    { headers: { '/slices/': { 'Content-Security-Policy': "worker-src 'none'" } } },
  );
  const browser = await Browser.launch({}).catch(async (e) => {
    await server.close();
    throw e;
  });
  const limitMs = 300_000;
  const query = scenario ? `?cc-scenario=${encodeURIComponent(scenario)}` : '';
  try {
    return await withTimeout((async () => {
      await browser.setViewportSize(1200, 900);
      const report = {};
      for (const [name, path] of [['worker', ''], ['slices', 'slices/']]) {
        const results = [];
        for (let r = 0; r < runs; r++) {
          await browser.navigate('about:blank');
          await browser.navigate(`${server.url}${path}${query}`);
          const x = await browser.executeAsync(WAIT, [scenario, limitMs], limitMs + 10_000);
          if (!x.ok) {
            console.log(`bench: ${name}: the analysis did not finish within ${limitMs / 1000} s ` +
              `(root ${x.root ? 'found' : 'missing'}, mode ${x.mode})`);
            return 2;
          }
          if (x.observerError) console.log(`bench: no longtask observer: ${x.observerError}`);
          const from = x.seenAt - x.analysisMs;
          const during = x.tasks.filter((t) => t.start + t.duration >= from && t.start <= x.seenAt);
          const stat = (ts) => ({
            max_ms: ts.reduce((m, t) => Math.max(m, t.duration), 0),
            over_50: ts.filter((t) => t.duration > 50).length,
          });
          const gaps = x.gaps.filter((t) => t.start + t.duration >= from && t.start <= x.seenAt);
          const gap = stat(gaps);
          results.push({ mode: x.mode, scenario: x.scenario, analysis_ms: x.analysisMs,
            during: stat(during), page: stat(x.tasks.filter((t) => t.start <= x.seenAt)), gap });
          console.log(`analysis: ${name} run ${r + 1}: ${x.scenario}, mode ${x.mode}, ` +
            `${x.analysisMs} ms; while it ran: longest wait of a 0-ms timer ${gap.max_ms.toFixed(1)} ms, ` +
            `${stat(during).over_50} long task(s) over 50 ms${stat(during).over_50 ? ` (longest ${stat(during).max_ms.toFixed(0)} ms)` : ''}; ` +
            `from page start: ${stat(x.tasks).over_50} over 50 ms${stat(x.tasks).over_50 ? ` (longest ${stat(x.tasks).max_ms.toFixed(0)} ms)` : ''}`);
        }
        report[name] = {
          mode: results[0].mode,
          scenario: results[0].scenario,
          runs: results.length,
          analysis_ms: { median: median(results.map((x) => x.analysis_ms)),
            min: Math.min(...results.map((x) => x.analysis_ms)),
            max: Math.max(...results.map((x) => x.analysis_ms)) },
          timer_gap_during: { max_ms: Math.max(...results.map((x) => x.gap.max_ms)),
            median_of_max_ms: median(results.map((x) => x.gap.max_ms)) },
          longtask_during: { max_ms: Math.max(...results.map((x) => x.during.max_ms)),
            over_50: Math.max(...results.map((x) => x.during.over_50)) },
          longtask_page: { max_ms: Math.max(...results.map((x) => x.page.max_ms)),
            over_50: Math.max(...results.map((x) => x.page.over_50)) },
        };
      }
      if (json) console.log(JSON.stringify({ analysis: report }));
      return 0;
    })(), (2 * runs) * (limitMs + 30_000), 'analysis bench');
  } finally {
    await browser.quit();
    await server.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.log(`bench: error: ${err.message}`);
    process.exit(1);
  },
);
