// End-to-end tests of the widget in three browsers, against the release
// build and the host pages in tests/fixtures/:
//
//   node tests/browser/e2e.mjs [DIST] [--browser chromium|firefox|webkit|all]...
//                              [--page NAME]... [--screenshots DIR]
//                              [--support CLI-SUPPORT.json]
//
// --support names the output of `claimcheck support --scenario eta-2016
// --format json`: the API page then checks that the widget shows the CLI's
// verdicts, support and sentences (scripts/test passes it).
//
// --browser may be repeated or comma-separated; the default is all three,
// one after the other: headless Chromium (chromedriver), headless Firefox
// ESR (geckodriver) and WebKitGTK's MiniBrowser (WebKitWebDriver, on a
// private Xvfb display). Each runs the whole suite in its own session.
//
// DIST defaults to $ROOT/dist (`trunk build --release`, which scripts/smoke
// runs); nothing is built here. Two origins, both on loopback:
//
// - the bundle origin, http://127.0.0.1:A/static/v1/ → DIST, with
//   `Access-Control-Allow-Origin: *` (module scripts and the wasm fetch are
//   CORS requests), as a CDN would serve it; its index.html is the
//   standalone page;
// - the host origin, http://localhost:B/ → tests/fixtures, where `{{DIST}}`
//   in an HTML file becomes the bundle origin's URL (so the script embeds
//   are cross-origin), plus the bundle again under /static/v1/ for the
//   strict-CSP page (script-src 'self' needs the same origin). csp.html is
//   served with the strict Content-Security-Policy.
//
// Both origins also serve tests/browser/console-hook.js under /__harness/:
// every fixture page loads it first, and the bundle origin adds it to
// embed.html and index.html as it serves them, so that the console is
// recorded from the first line in every engine (only Chromium's driver
// keeps a console log of its own).
//
// Pages (--page), in the order they run:
// - standalone: the bundle's index.html at 1280×900 and in a 390×844
//   frame (phone.html): the no-JS fallback replaced, height budgets with
//   the analysis finished, a switch flips the curve and the reader's line
//   while chart, reader's line and first verdict stay in view and the
//   verdicts stay put; cc-view / cc-theme from the URL; the clean host's
//   heights too;
// - article: article.html (hostile CSS) against clean.html (no host CSS):
//   style isolation, presets, switches, the host URL and stylesheets;
// - panels: clean.html: every tab by keyboard (Enter / Space), its
//   aria-expanded and panel, Escape and the close button, axe-core with
//   each panel open; the exports (SVG, PNG, curve and checks CSV)
//   captured in the page (download-hook.js);
// - placements: per-placement controls (data-controls), own state per
//   widget, a bad value named in a notice, data-view;
// - modes: data-static, data-plain, data-theme dark and light;
// - three: several widgets, bad attributes, French, reporter mode (embed
//   codes and the ClaimReview JSON-LD, validated), added and removed ones;
// - csp: the strict CSP: renders, responds, no violation, and the PNG
//   export says why it cannot work there;
// - iframe: embed.html + claimcheck-parent.js: the height messages (pym.js,
//   AMP, claimcheck), the resize, and real pym.js when it is installed;
// - api: the JS API (mount, set, results, on, destroy, option errors that
//   name the field, the other scenario);
// - stall: stall.html, whose first analysis worker goes silent after one
//   chunk: the widget notices, finishes on the main thread with the same
//   verdicts, and says so in the console;
// - fault: fault.html, where an error cuts a slice of the analysis short:
//   the widget still responds, the analysis starts again and finishes
//   with the same verdicts, and the console says so;
// - text: the copy desk's rules on the rendered text of every panel, in
//   English and French, for every bundled scenario;
// and axe-core on each host page.
//
// Every assertion prints `ok: [browser] …` or `FAIL: [browser] …` (or
// `n/a: [browser] … — not applicable: why`, for something this build or
// machine does not have); `note:` lines report measurements. Each browser
// ends with `e2e [browser]: N passed, M failed, K not applicable, in S s`,
// and the last line is `e2e: N passed, M failed, K not applicable` over
// all of them. The exit code is non-zero on any failure. A browser that
// does not start, a page that does not load or a widget that never renders
// fails its assertions; nothing is skipped silently. Every wait is
// bounded, and the drivers, browsers, Xvfb and the servers are always
// stopped.

import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveMounts } from './serve.mjs';
import { AXE_OPTIONS, AXE_VERSION, RUN_AXE } from './axe-core.mjs';
import { BROWSERS, Browser, CONSOLE_HOOK_PATH, withTimeout } from './webdriver.mjs';
import { checkText, frenchStats, validateClaimReview } from './copy-rules.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const FIXTURES = join(ROOT, 'tests/fixtures');
const SCENARIOS_DIR = join(ROOT, 'scenarios');
const TOOLS_DIR =
  process.env.TOOLS_DIR ||
  process.env.CLAIMCHECK_TOOLS ||
  join(homedir(), '.cache/claimcheck/tools');
const PYM_PATH = join(TOOLS_DIR, 'node_modules/pym.js/dist/pym.v1.min.js');
const DIST_PATH = '/static/v1/';
export const STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
const PAGES = ['standalone', 'article', 'panels', 'placements', 'modes', 'three', 'csp', 'iframe', 'api', 'stall', 'fault', 'text'];
const VIEWPORT = [1280, 900];
const PHONE = [390, 844];
const NARROW = [360, 800];
// The height budgets (issue: compact, verdict-first view).
const BUDGET_WIDE = 900;
const BUDGET_PHONE = 1600;
const RENDER_TIMEOUT_MS = 30_000; // two shared cores: the first wasm compile is slow
const ANALYSIS_TIMEOUT_MS = 120_000; // the analysis behind the verdicts, in slices
const STEP_TIMEOUT_MS = 180_000;
const PARENT_SNIPPET_MAX = 1024;
const PANELS = ['evidence', 'tune', 'assumptions', 'record', 'data', 'share'];
// WebKitGTK on Linux now and then faults inside a wasm module that runs
// fine in Chromium and Firefox ("RuntimeError: Out of bounds memory
// access"; WebKit bug 259441, tauri#7154, hashbrown#194). From a
// cross-origin module the page sees only "Script error.", which also
// hides the message of any other exception out of wasm. A WebKit page
// whose errors are all of that kind, and nothing else, runs once more;
// the first attempt's failures are printed, the second attempt, in a new
// browser session, counts.
// A fault that comes back fails. A panic in the release build is a bare
// trap too (scripts/lib.sh, release_env), which a WebKit cross-origin page
// also sees as "Script error."; Chromium and Firefox run the same pages
// and name it ("unreachable"), so a panic of ours still fails the run.
const ENGINE_FAULT = /^(unhandled rejection: )?(Script error\.?|(RuntimeError: )?Out of bounds memory access\b.*)$/;
const MAX_ENGINE_RETRIES = 2; // per browser run

// The bundled scenarios, read from the files the build packs.
const SCENARIOS = Object.fromEntries(readdirSync(SCENARIOS_DIR)
  .filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(readFileSync(join(SCENARIOS_DIR, f), 'utf8')))
  .map((s) => [s.id, s]));
const DEFAULT_ID = Object.values(SCENARIOS).find((s) => s.default)?.id || 'eta-2016';
const ETA = SCENARIOS[DEFAULT_ID];
const OTHER_ID = Object.keys(SCENARIOS).find((id) => id !== DEFAULT_ID) || null;

/** Minutes from window.start to window.end (local times of one offset). */
function windowMinutes(s) {
  const t = (x) => Date.parse(`${x}:00Z`);
  return Math.round((t(s.window.end) - t(s.window.start)) / 60_000);
}
/** How many rules the scenario's checks have (rows of the checks CSV). */
function ruleCount(s) {
  return s.events.reduce((n, e) => n + (e.checks ? e.checks.length : 0), 0);
}

// ---------------------------------------------------------------- results

// Counts per browser ('build' for the checks of the bundle itself, which
// no browser runs). `current` is the browser whose suite is running; every
// assertion's name is prefixed with it.
const tally = new Map();
let current = 'build';
const pageTimes = new Map(); // browser → [[page, ms]]

function counts(name = current) {
  if (!tally.has(name)) tally.set(name, { passed: 0, failed: 0, na: 0, ms: 0, version: '', rerun: 0 });
  return tally.get(name);
}

function clip(s, max = 400) {
  const t = String(s).replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max)}…` : t;
}

/** Records one assertion. */
function check(name, ok, detail = '') {
  const c = held ? held.counts : counts();
  if (ok) c.passed++;
  else c.failed++;
  out(`${ok ? 'ok' : 'FAIL'}: [${current}] ${name}${detail ? ` — ${clip(detail, ok ? 300 : 2400)}` : ''}`);
  return ok;
}

// A page's output held back while it runs (WebKit only; see runBrowser):
// { lines, counts } or null.
let held = null;
function out(line) {
  if (held) held.lines.push(line);
  else console.log(line);
}

/**
 * Records an assertion that cannot run here at all (something this build,
 * machine or engine does not have), with the reason. Counted and printed,
 * never silent; keep these few.
 */
function notApplicable(name, why) {
  (held ? held.counts : counts()).na++;
  out(`n/a: [${current}] ${name} — not applicable: ${why}`);
}

/** A measurement or remark, not an assertion. */
function note(text) {
  out(`  note: [${current}] ${text}`);
}

/**
 * Runs one assertion's work: `fn` returns [ok, detail] (or throws, which
 * fails the assertion with the error), bounded by STEP_TIMEOUT_MS.
 */
async function step(name, fn) {
  try {
    const [ok, detail] = await withTimeout(Promise.resolve().then(fn), STEP_TIMEOUT_MS, name);
    return check(name, ok, detail);
  } catch (err) {
    return check(name, false, err.message);
  }
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// ------------------------------------------------------- in-page helpers

// Prepended to every page script: finds widgets and their parts.
const H = `
function ccHosts() { return Array.from(document.querySelectorAll('[data-claimcheck]')); }
function ccRootOf(host) {
  const sr = host && host.shadowRoot;
  return sr ? sr.querySelector('.cc-root') : null;
}
function ccAllRoots() {
  const out = Array.from(document.querySelectorAll('.cc-root'));
  for (const el of document.querySelectorAll('*')) {
    if (el.shadowRoot) out.push(...el.shadowRoot.querySelectorAll('.cc-root'));
  }
  return out;
}
function ccCurve(root) {
  const p = root && root.querySelector('svg.cc-chart path.cc-curve');
  return p ? (p.getAttribute('d') || '') : null;
}
function ccChart(root) {
  const svg = root && root.querySelector('svg.cc-chart');
  return svg ? Array.from(svg.querySelectorAll('path')).map((p) => p.getAttribute('d') || '').join('|') : null;
}
function ccText(el) { return el ? el.textContent.replace(/\\s+/g, ' ').trim() : null; }
function ccSwitches(root) {
  return root ? Object.fromEntries(Array.from(root.querySelectorAll('button.cc-switch'))
    .map((b) => [b.dataset.hypothesis, b.getAttribute('aria-checked')])) : null;
}
function ccVerdicts(root) {
  return root ? Array.from(root.querySelectorAll('.cc-claim'))
    .map((c) => c.dataset.claim + '=' + ccText(c.querySelector('.cc-verdict-word'))) : null;
}
function ccFinished(root) {
  if (!root) return false;
  const claims = Array.from(root.querySelectorAll('.cc-claim'));
  return claims.length > 0 && !root.querySelector('.cc-progress') &&
    claims.every((c) => !c.classList.contains('cc-verdict-pending'));
}
function ccReader(root) { return ccText(root && root.querySelector('.cc-reader-line')); }
function ccVisible(el) { return !!el && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden'; }
function ccParts(root) {
  if (!root) return null;
  return {
    switches: Array.from(root.querySelectorAll('button.cc-switch')).map((b) => b.dataset.hypothesis),
    presets: root.querySelectorAll('.cc-preset').length,
    chart: !!root.querySelector('svg.cc-chart'),
    timeline: !!root.querySelector('svg.cc-timeline-svg'),
    reader: !!root.querySelector('.cc-reader-line'),
    claims: root.querySelectorAll('.cc-claims .cc-claim').length,
    tabs: Array.from(root.querySelectorAll('.cc-tab')).map((b) => b.dataset.panel),
    open: Array.from(root.querySelectorAll('[data-open-panel]')).map((p) => p.dataset.openPanel),
    header: !!root.querySelector('.cc-header'),
    title: ccText(root.querySelector('.cc-title')),
    notice: ccText(root.querySelector('.cc-notice')),
  };
}
`;

// Waits until the widgets have rendered: every host found by opts.hosts (a
// CSS selector, default [data-claimcheck]; or opts.any: any .cc-root in the
// document or a shadow root) has a .cc-root with a non-empty path.cc-curve
// (hosts whose id is in opts.chartless: a .cc-root), at least opts.min of
// them, and the DOM (shadow trees included) has been quiet for 300 ms (or
// not quiet, reported, if it never settles: the analysis re-renders the
// claims as it goes).
const WAIT_RENDER = `${H}
const opts = arguments[0];
const done = arguments[arguments.length - 1];
const started = performance.now();
let last = performance.now();
const seen = new WeakSet();
// The analysis re-renders the claims (and the live region) as it goes:
// those changes do not count against the quiet period.
const mo = new MutationObserver((recs) => {
  for (const m of recs) {
    const t = m.target.nodeType === 1 ? m.target : m.target.parentElement;
    if (!t || !t.closest('.cc-claims, [aria-live]')) { last = performance.now(); return; }
  }
});
function watch(n) {
  if (n && !seen.has(n)) { seen.add(n); mo.observe(n, { subtree: true, childList: true, attributes: true, characterData: true }); }
}
watch(document.documentElement);
const chartless = opts.chartless || [];
function status() {
  if (opts.any) {
    for (const el of document.querySelectorAll('*')) if (el.shadowRoot) watch(el.shadowRoot);
    return ccAllRoots().map((r, i) => ({ id: 'root' + i, shadow: r.getRootNode() !== document, root: true,
      curve: ccCurve(r) === null ? null : ccCurve(r).length }));
  }
  const hosts = Array.from(document.querySelectorAll(opts.hosts || '[data-claimcheck]'));
  return hosts.map((h) => {
    if (h.shadowRoot) watch(h.shadowRoot);
    const r = ccRootOf(h);
    const d = ccCurve(r);
    return { id: h.id || '', shadow: !!h.shadowRoot, root: !!r, curve: d === null ? null : d.length,
      chartless: chartless.includes(h.id) };
  });
}
(function poll() {
  const s = status();
  const now = performance.now();
  const ready = s.length >= (opts.min || 1) && s.every((w) => w.root && (w.curve > 0 || w.chartless));
  if (ready && now - last >= 300) {
    requestAnimationFrame(() => requestAnimationFrame(() =>
      done({ ok: true, quiet: true, widgets: status(), ms: Math.round(now - started) })));
  } else if (ready && now - started > (opts.quietMs || 4000)) {
    // Rendered; the analysis keeps re-rendering the claims. Good enough.
    mo.disconnect();
    done({ ok: true, quiet: false, widgets: s, ms: Math.round(now - started) });
  } else if (now - started > opts.timeoutMs) {
    mo.disconnect();
    done({ ok: ready, quiet: false, widgets: s, ms: Math.round(now - started),
      body: document.body ? document.body.innerText.slice(0, 300) : '(no body)' });
  } else {
    setTimeout(poll, 50);
  }
})();
`;

function describeWidgets(ws) {
  if (!ws || ws.length === 0) return 'no widget host found';
  return ws.map((w) => `${w.id || '?'}: ${!w.shadow ? 'no shadow root'
    : !w.root ? 'no .cc-root in the shadow root'
      : w.chartless ? 'rendered (no chart expected)'
        : w.curve === null ? 'no svg.cc-chart path.cc-curve' : w.curve === 0 ? 'empty curve d' : `curve d ${w.curve} chars`}`).join('; ');
}

/** Waits for the widgets; returns the WAIT_RENDER answer (never throws for a missing widget). */
async function waitRender(browser, opts = {}) {
  const o = { timeoutMs: RENDER_TIMEOUT_MS, ...opts };
  return browser.executeAsync(WAIT_RENDER, [o], o.timeoutMs + 5000)
    .catch((e) => ({ ok: false, widgets: [], why: e.message }));
}

/**
 * Waits until the widget whose .cc-root `rootExpr` returns shows every
 * claim's verdict (the analysis finished: no .cc-progress, no pending
 * claim). Returns { ok, ms, progress } (progress: the bar's text if not).
 */
async function waitAnalysis(browser, rootExpr, timeoutMs = ANALYSIS_TIMEOUT_MS) {
  const t0 = Date.now();
  const probe = `${H} const r = ${rootExpr}; return ccFinished(r);`;
  const ok = await browser.waitFor(probe, { timeoutMs, intervalMs: 250, what: 'the analysis to finish' })
    .then(() => true, () => false);
  const progress = ok ? '' : await browser.execute(`${H} const r = ${rootExpr};
    return r ? (ccText(r.querySelector('.cc-progress')) || 'no .cc-progress, claims: ' + ccVerdicts(r).join(', ')) : 'no .cc-root';`)
    .catch((e) => e.message);
  return { ok, ms: Date.now() - t0, progress };
}

/**
 * Clicks the `hypothesis` switch of the widget whose .cc-root the page
 * expression `rootExpr` returns, with a real WebDriver click, and waits
 * (5 s) for its chart to change (the d of path.cc-curve, or of the
 * chart's other paths: demand and capacity, when the failure curve is
 * flat before and after) and its aria-checked to flip. `others` (page
 * expressions for other roots) must keep their charts and switches.
 */
async function clickSwitch(browser, rootExpr, hypothesis = 'election', others = []) {
  const sel = `button.cc-switch[data-hypothesis="${hypothesis}"]`;
  const read = `${H}
    const r = ${rootExpr};
    const b = r && r.querySelector('${sel}');
    return { root: !!r, button: !!b, d: ccCurve(r), chart: ccChart(r), checked: b ? b.getAttribute('aria-checked') : null,
      role: b ? b.getAttribute('role') : null,
      others: [${others.join(',')}].map((o) => (ccChart(o) || '') + '#' + JSON.stringify(ccSwitches(o))) };`;
  const before = await browser.execute(read);
  if (!before.root) return [false, 'no .cc-root to click in'];
  if (!before.button) return [false, `no ${sel} in the widget`];
  if (before.role !== 'switch') return [false, `${sel} has role=${before.role}, expected switch`];
  const ref = await browser.execute(`${H} const r = ${rootExpr}; return r.querySelector('${sel}');`);
  await browser.click(ref);
  const deadline = Date.now() + 5000;
  let after;
  for (;;) {
    after = await browser.execute(read);
    if (after.chart !== before.chart && after.checked !== before.checked) break;
    if (Date.now() > deadline) break;
    await sleep(100);
  }
  const problems = [];
  if (after.chart === before.chart) problems.push('no path of svg.cc-chart (path.cc-curve included) changed within 5 s');
  if (after.checked === before.checked) problems.push(`aria-checked stayed ${before.checked}`);
  const moved = after.others.map((d, i) => (d !== before.others[i] ? i : -1)).filter((i) => i >= 0);
  if (moved.length) problems.push(`other widget(s) #${moved.join(', #')} changed their chart or switches too`);
  if (problems.length) return [false, `${sel}: ${problems.join('; ')}`];
  return [true, `${sel}: aria-checked ${before.checked} → ${after.checked}, ` +
    `${after.d !== before.d ? 'path.cc-curve d changed' : 'chart changed (path.cc-curve d the same: flat)'}` +
    (others.length ? `, ${others.length} other widget(s) unchanged` : '')];
}

const KEYS = { Enter: '\uE007', Space: '\uE00D', Escape: '\uE00C' };

/**
 * Focuses an element (a reference, also inside a shadow root) and presses
 * `key` on the keyboard: a WebDriver key action (keyDown, keyUp) on the
 * focused element, or Element Send Keys where the driver has no actions.
 * Returns how, and whether the element had the focus.
 */
async function pressKey(browser, ref, key) {
  const focused = await browser.execute(`const el = arguments[0]; el.focus({ preventScroll: true });
    return el.getRootNode().activeElement === el;`, ref);
  const k = KEYS[key];
  try {
    await browser._session('POST', '/actions', { actions: [{ type: 'key', id: 'kbd',
      actions: [{ type: 'keyDown', value: k }, { type: 'keyUp', value: k }] }] });
    await browser._session('DELETE', '/actions').catch(() => {});
    return { how: 'key action', focused };
  } catch {
    await browser.sendKeys(ref, k);
    return { how: 'send keys', focused };
  }
}

/** Whether two {hypothesis: aria-checked} maps are equal, whatever their order. */
function sameSwitches(a, b) {
  const norm = (o) => JSON.stringify(Object.entries(o || {}).sort());
  return !!a && norm(a) === norm(b);
}

/** The relative luminance of a CSS rgb()/rgba() colour (0 black … 1 white), or null. */
function luminance(css) {
  const m = /rgba?\(\s*([\d.]+)[ ,]+([\d.]+)[ ,]+([\d.]+)/.exec(css || '');
  if (!m) return null;
  const lin = (c) => {
    const s = Number(c) / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(m[1]) + 0.7152 * lin(m[2]) + 0.0722 * lin(m[3]);
}

// The computed styles compared between the hostile and the clean host.
const TEXT = ['font-family', 'font-size', 'font-style', 'font-weight', 'color', 'line-height',
  'letter-spacing', 'word-spacing', 'text-transform', 'text-align', 'text-shadow', 'text-indent', 'cursor'];
const BOX = ['display', 'visibility', 'box-sizing', 'padding-top', 'padding-left', 'margin-top',
  'border-top-width', 'border-top-style', 'background-color', 'width', 'height'];
// Probed with no panel open; then with the tune panel open (its slider),
// then with the evidence panel open (a check).
const STYLE_PROBES = {
  '.cc-root': [...TEXT, ...BOX],
  '.cc-title': [...TEXT, 'display', 'margin-top', 'width', 'height'],
  'button.cc-switch': [...TEXT, ...BOX, 'appearance', 'min-height'],
  'button.cc-preset': [...TEXT, ...BOX, 'appearance'],
  'svg.cc-chart': ['display', 'visibility', 'width', 'height'],
  'path.cc-curve': ['display', 'visibility', 'fill', 'stroke', 'stroke-width'],
  'svg.cc-timeline-svg': ['display', 'visibility', 'width', 'height'],
  '.cc-reader-line': [...TEXT, ...BOX],
  'li.cc-claim': [...TEXT, 'display', 'list-style-type'],
  '.cc-verdict-word': [...TEXT, 'display'],
  'button.cc-tab': [...TEXT, ...BOX, 'appearance'],
};
const STYLE_PROBES_TUNE = {
  'input[type=range][data-param="timeout_s"]': ['display', 'visibility', 'appearance', 'width', 'height'],
  'input.cc-number[data-param="timeout_s"]': [...TEXT, ...BOX],
};
const STYLE_PROBES_EVIDENCE = {
  'li.cc-check': [...TEXT, 'display', 'list-style-type'],
  '.cc-panel': [...BOX],
};

const READ_STYLES = `${H}
const probes = arguments[0];
const root = ccRootOf(document.querySelector('[data-claimcheck]'));
if (!root) return null;
const out = {};
for (const [sel, props] of Object.entries(probes)) {
  const el = sel === '.cc-root' ? root : root.querySelector(sel);
  if (!el) { out[sel] = null; continue; }
  const cs = getComputedStyle(el);
  const v = {};
  for (const p of props) v[p] = cs.getPropertyValue(p);
  const r = el.getBoundingClientRect();
  v['(box width)'] = String(Math.round(r.width * 2) / 2);
  v['(box height)'] = String(Math.round(r.height * 2) / 2);
  out[sel] = v;
}
return out;
`;

// What the page's stylesheets are: to show the widget adds none to the host.
const HOST_SHEETS = `
return {
  sheets: Array.from(document.styleSheets).map((s) => s.href || ('<' + (s.ownerNode ? s.ownerNode.nodeName.toLowerCase() : '?') + '>')),
  adopted: (document.adoptedStyleSheets || []).length,
  styles: document.querySelectorAll('style').length,
};`;

// ----------------------------------------------------------------- axe

/** axe-core on the current page (and in `frames`, element refs of iframes to inject into first). */
async function runAxe(browser, axeSource, frames = []) {
  const notes = [];
  for (const f of frames) {
    try {
      await browser.switchToFrame(f);
      // The frame is cross-origin: axe answers the top page's axe only if told to.
      const v = await browser.execute(`${axeSource}\n;axe.configure({ allowedOrigins: ['<unsafe_all_origins>'] });
        return typeof axe === 'object' && axe.version;`);
      if (v !== AXE_VERSION) notes.push(`axe not injected into the iframe (${v})`);
    } catch (err) {
      notes.push(`could not inject axe into the iframe: ${err.message}`);
    } finally {
      await browser.switchToFrame(null);
    }
  }
  const injected = await browser.execute(`${axeSource}\n;${frames.length ? "axe.configure({ allowedOrigins: ['<unsafe_all_origins>'] });" : ''}
    return typeof axe === 'object' && axe.version;`);
  if (injected !== AXE_VERSION) return [false, `axe-core ${AXE_VERSION} not injected (got ${JSON.stringify(injected)})`];
  const r = await browser.executeAsync(RUN_AXE, [AXE_OPTIONS], 90_000);
  if (!r || r.error) return [false, r ? r.error : 'axe returned nothing'];
  const all = [...r.passes, ...r.inapplicable, ...r.incomplete.map((x) => x.id), ...r.violations.map((x) => x.id)];
  if (!all.includes('target-size')) return [false, 'the target-size rule did not run'];
  if (frames.length && r.incomplete.some((x) => x.id === 'frame-tested')) {
    return [false, `axe could not test inside the iframe (frame-tested incomplete)${notes.length ? `: ${notes.join('; ')}` : ''}`];
  }
  const counts = `${r.passes.length} rules passed, ${r.incomplete.length} need review` +
    (r.incomplete.length ? ` (${r.incomplete.map((x) => `${x.id}×${x.n}`).join(', ')})` : '') +
    (notes.length ? `; ${notes.join('; ')}` : '');
  if (r.violations.length) {
    const lines = r.violations.map((v) => `${v.id} (${v.impact}, ${v.nodes.length} node(s)): ${v.help}; at ` +
      v.nodes.slice(0, 4).map((n) => `${n.target.join(', ')} ${clip(n.html, 120)}` +
        (n.summary ? ` [${clip(n.summary.split('\n').slice(1, 3).join(' '), 160)}]` : '')).join(' | '));
    return [false, `${r.violations.length} rule(s) violated: ${lines.join(' || ')}; ${counts}`];
  }
  return [true, counts];
}

// --------------------------------------------------------------- pages

class Run {
  constructor(browser, hostServer, distServer, distBase, axeSource, opts, requests) {
    Object.assign(this, { browser, hostServer, distServer, distBase, axeSource, opts, requests });
  }

  url(page) {
    return /^https?:/.test(page) ? page : `${this.hostServer.origin}/${page}`;
  }

  /** Drains the browser log (so the next read is this page's). */
  async drainLog() {
    await this.browser.consoleLog();
  }

  /** Loads a page; a failed navigation is an assertion failure (and returns false). */
  async load(page, label = page) {
    await this.drainLog();
    this.requests.length = 0;
    return step(`${label}: page loads`, async () => {
      // Through about:blank, so that every page starts in a fresh content
      // process. Firefox ESR under geckodriver runs the analysis of a
      // script embed loaded straight after another page of the same site
      // some 60 times slower (every task of the page takes 200–400 ms;
      // not with the standalone page, and not after about:blank).
      await this.browser.navigate('about:blank').catch(() => {});
      await this.browser.navigate(this.url(page));
      const info = await this.browser.execute('return { title: document.title, ready: document.readyState, href: location.href }');
      return [info.ready === 'complete' || info.ready === 'interactive', `${info.href} "${info.title}"`];
    });
  }

  /**
   * Asserts that the page logged no errors: the console (the page's own
   * record, console-hook.js, in every engine, and Chromium's driver log),
   * the fixture's recorder (csp-watch.js; `watch: false` for the bundle's
   * own pages, which do not load it), and the servers' log (no request
   * since the page load answered 4xx or 5xx). `frame`: an iframe element
   * reference whose page's console is read too.
   */
  async noErrors(label, { frame = null, watch = true } = {}) {
    await step(`${label}: no script errors, failed loads or console errors`, async () => {
      const page = await this.browser.execute('return { errors: window.__errors || null, hook: window.__ccConsole ? window.__ccConsole.since : null }');
      const log = await this.browser.consoleLog();
      let frameLog = [];
      let frameHook = null;
      if (frame) {
        try {
          await this.browser.switchToFrame(frame);
          frameHook = await this.browser.execute('return window.__ccConsole ? window.__ccConsole.since : null');
          frameLog = await this.browser.consoleLog();
        } finally {
          await this.browser.switchToFrame(null);
        }
      }
      const severe = (l) => [...new Set(l.filter((e) => e.level === 'SEVERE').map((e) => `${e.source}: ${e.message}`))];
      const failed = this.requests.filter((r) => r.status >= 400).map((r) => `${r.server} ${r.method} ${r.path} ${r.status}`);
      const problems = [];
      if (watch && page.errors === null) problems.push('csp-watch.js did not run (window.__errors missing)');
      else if (page.errors && page.errors.length) problems.push(`page errors: ${page.errors.join(' | ')}`);
      if (page.hook !== 'start') problems.push(`console-hook.js was not loaded by the page (${page.hook === 'late' ? 'injected after the load' : 'missing'})`);
      if (severe(log).length) problems.push(`console: ${severe(log).join(' | ')}`);
      if (frame && frameHook !== 'start') problems.push(`console-hook.js was not loaded by the iframe's page (${frameHook === 'late' ? 'injected after the load' : 'missing'})`);
      if (severe(frameLog).length) problems.push(`console in the iframe: ${severe(frameLog).join(' | ')}`);
      if (failed.length) problems.push(`failed requests: ${failed.join(', ')}`);
      // WebKitGTK's own wasm fault (see ENGINE_FAULT): only errors of that
      // kind, nothing else wrong. runBrowser may run the page once more.
      const errs = [...(page.errors || []), ...[...log, ...frameLog].filter((e) => e.level === 'SEVERE').map((e) => e.message)];
      if (current === 'webkit' && errs.length && errs.every((m) => ENGINE_FAULT.test(m)) && !failed.length &&
        (page.hook === 'start') && (!frame || frameHook === 'start')) {
        this.engineFault = [...new Set(errs)].join(' | ');
      }
      // Shown, not counted: the benign ResizeObserver loop notices (see console-hook.js).
      const ro = [...log, ...frameLog].filter((e) => e.level === 'WARNING' && /^ResizeObserver loop/.test(e.message));
      const notes = ro.length ? `; ${ro.length} ResizeObserver loop notice(s) (a warning, not an error) in ${
        [...new Set(ro.map((e) => (log.includes(e) ? 'the page' : 'the iframe')))].join(' and ')}` : '';
      return [problems.length === 0, (problems.join('; ') ||
        `${log.length + frameLog.length} console entries${frame ? ' (page and iframe)' : ''}, none severe; ${this.requests.length} requests, none failed`) + notes];
    });
  }

  /** axe-core on the page; fails also when the page's widgets did not render (the audit would be vacuous). */
  async axe(label, frames = [], rendered = true) {
    if (this.opts.screenshots) {
      await this.browser.screenshot(join(this.opts.screenshots, `${label.replace(/[^a-z0-9]+/gi, '_')}.png`)).catch(() => {});
    }
    await step(`${label}: axe-core ${AXE_VERSION} reports no violations (wcag2a/2aa/21aa/22aa + target-size)`, async () => {
      const [ok, detail] = await runAxe(this.browser, this.axeSource, frames);
      return rendered ? [ok, detail] : [false, `no rendered widget to audit (host page alone: ${ok ? 'no violations' : detail})`];
    });
  }

  /** An assertion that means nothing without a rendered widget fails then. */
  gated(rendered, name, fn) {
    return step(name, async () => {
      const [ok, detail] = await fn();
      return rendered ? [ok, detail] : [false, `no rendered widget, so this proves nothing (${detail})`];
    });
  }

  /** Which bundle files were fetched from which server since the page load. */
  fetched(ext) {
    return this.requests.filter((r) => r.path.startsWith(DIST_PATH) && r.path.endsWith(ext));
  }

  /** Renders and waits for the analysis; asserts both. Returns whether the verdicts are in. */
  async rendered(label, rootExpr, waitOpts) {
    const seen = await waitRender(this.browser, waitOpts);
    check(`${label}: the widget renders`, seen.ok,
      seen.ok ? `in ${seen.ms} ms` : `${describeWidgets(seen.widgets)}${seen.why ? `; ${seen.why}` : ''}${seen.body ? `; page text: ${JSON.stringify(seen.body)}` : ''}`);
    if (!seen.ok) return false;
    const a = await waitAnalysis(this.browser, rootExpr);
    check(`${label}: the analysis finishes and every claim shows its verdict (no "Checking the claims…" left)`, a.ok,
      a.ok ? `${a.ms} ms after the first render` : `not after ${a.ms} ms: ${a.progress}`);
    return a.ok;
  }

  /** The .cc-root's height and the page's layout width, measured. */
  async height(rootExpr) {
    return this.browser.execute(`${H} const r = ${rootExpr};
      if (!r) return null;
      const b = r.getBoundingClientRect();
      return { h: Math.round(b.height), w: Math.round(b.width), vw: innerWidth, vh: innerHeight,
        layout: document.documentElement.clientWidth };`);
  }

  /**
   * Switches `hypothesis` in the widget at `rootExpr` and asserts that the
   * result is in view: the curve and the reader's line change; the chart,
   * the reader's line and the first verdict line lie inside the viewport,
   * and the page did not scroll; the verdicts stay as they were.
   * `jsClick`: element.click() (which never scrolls) instead of a real
   * WebDriver click (which scrolls only if the switch is out of view).
   */
  async toggleInView(label, rootExpr, hypothesis, { jsClick = false } = {}) {
    const sel = `button.cc-switch[data-hypothesis="${hypothesis}"]`;
    const read = `${H} const r = ${rootExpr};
      const box = (el) => { if (!el) return null; const b = el.getBoundingClientRect();
        return { top: Math.round(b.top), bottom: Math.round(b.bottom) }; };
      return { d: ccCurve(r), reader: ccReader(r), verdicts: ccVerdicts(r), switches: ccSwitches(r),
        finished: ccFinished(r), scrollY: Math.round(scrollY), vh: innerHeight, vw: innerWidth,
        chart: box(r && r.querySelector('svg.cc-chart')), line: box(r && r.querySelector('.cc-reader-line')),
        verdict: box(r && r.querySelector('.cc-claims .cc-claim .cc-verdict')) };`;
    const before = await this.browser.execute(read);
    const ref = await this.browser.execute(`${H} const r = ${rootExpr}; return r && r.querySelector('${sel}');`);
    if (!ref) {
      check(`${label}: switching "${hypothesis}" updates the view`, false, `no ${sel}`);
      return;
    }
    if (jsClick) await this.browser.execute('arguments[0].click();', ref);
    else await this.browser.click(ref);
    const deadline = Date.now() + 5000;
    let after;
    for (;;) {
      after = await this.browser.execute(read);
      if (after.d !== before.d && after.reader !== before.reader) break;
      if (Date.now() > deadline) break;
      await sleep(100);
    }
    const how = jsClick ? 'element.click()' : 'a real click';
    check(`${label}: switching "${hypothesis}" off (${how}) redraws the curve (path.cc-curve d changes)`,
      after.d !== null && after.d !== before.d,
      `${JSON.stringify(before.switches)} → ${JSON.stringify(after.switches)}; d ${after.d === before.d ? 'unchanged' : 'changed'}`);
    check(`${label}: switching "${hypothesis}" changes the reader's line (.cc-reader-line)`,
      after.reader !== null && after.reader !== before.reader,
      `${JSON.stringify(before.reader)} → ${JSON.stringify(after.reader)}`);
    // A few pixels of slack: the chart's top margin (its first 22 px) is blank.
    const SLACK = 8;
    const inView = (b) => b && b.top >= -SLACK && b.bottom <= after.vh + SLACK;
    const where = (n, b0, b) => `${n} ${b ? `${b.top}–${b.bottom}` : 'missing'}${b0 && b && b0.top !== b.top ? ` (was ${b0.top}–${b0.bottom})` : ''}`;
    const scrolled = after.scrollY !== before.scrollY;
    check(`${label}: the chart, the reader's line and the first verdict are in the viewport (${after.vw}×${after.vh}) without scrolling`,
      !scrolled && inView(after.chart) && inView(after.line) && inView(after.verdict),
      `${where('chart', before.chart, after.chart)}, ${where('reader line', before.line, after.line)}, ` +
      `${where('first verdict line', before.verdict, after.verdict)} px (viewport 0–${after.vh}, ${SLACK} px slack); ` +
      `scrollY ${before.scrollY} → ${after.scrollY}${scrolled ? ' (the page scrolled)' : ''}`);
    check(`${label}: the verdicts do not change when a switch flips (they are the record's, not the reader's)`,
      before.finished && JSON.stringify(after.verdicts) === JSON.stringify(before.verdicts),
      `${before.finished ? '' : 'the analysis had not finished; '}before: ${(before.verdicts || []).join(', ')}; after: ${(after.verdicts || []).join(', ')}`);
  }

  // ------------------------------------------------------- standalone

  async standalone() {
    // The standalone page, at the bundle origin's root (Trunk's index.html links /widget.js etc.).
    const index = `${this.distServer.origin}/index.html`;
    const root = 'ccAllRoots()[0]';
    await this.browser.setViewportSize(...VIEWPORT);
    await this.load(index, 'standalone');
    const ok = await this.rendered('standalone', root, { any: true, min: 1 });
    await step('standalone: the widget replaced the no-JavaScript fallback (.cc-root in #claimcheck, no .cc-fallback left)', async () => {
      const r = await this.browser.execute(`return { root: !!document.querySelector('#claimcheck .cc-root'),
        fallback: document.querySelectorAll('.cc-fallback, .cc-fallback-events').length };`);
      return [r.root && r.fallback === 0, `.cc-root in #claimcheck: ${r.root}; fallback elements left: ${r.fallback}`];
    });
    const wide = await this.height(root);
    if (wide) note(`height: standalone at ${wide.vw}×${wide.vh}: .cc-root ${wide.h} px tall, ${wide.w} px wide`);
    this.heights.push(['standalone', wide]);
    await this.gated(ok, `standalone: at ${VIEWPORT[0]} px wide the widget is at most ${BUDGET_WIDE} px tall (analysis finished)`, async () =>
      [wide && wide.h <= BUDGET_WIDE, wide ? `${wide.h} px (${wide.w} px wide, viewport ${wide.vw}×${wide.vh})` : 'no .cc-root']);
    await this.browser.execute('window.scrollTo(0, 0);');
    if (ok) await this.toggleInView(`standalone ${VIEWPORT.join('×')}`, root, 'election');
    await this.noErrors('standalone', { watch: false });
    await step('standalone: a page that shows only the default story fetches no other story (stories/)', async () => {
      const got = this.requests.filter((r) => r.path.includes('/stories/'));
      return [got.length === 0, got.map((r) => `${r.server} ${r.path}`).join(', ') || 'none fetched'];
    });

    // State from the URL: a panel to open and a theme.
    for (const [query, panel, theme] of [['?cc-view=evidence&cc-theme=dark', 'evidence', 'dark'],
      ['?cc-view=tune&cc-theme=light', 'tune', 'light']]) {
      await this.load(`${index}${query}`, `standalone${query}`);
      const seen = await waitRender(this.browser, { any: true, min: 1 });
      await this.gated(seen.ok, `standalone${query}: the "${panel}" panel is open on load (tab aria-expanded=true, [data-open-panel=${panel}])`, async () => {
        const r = await this.browser.execute(`${H} const r = ${root}; const p = ccParts(r);
          const tab = r && r.querySelector('.cc-tab[data-panel="${panel}"]');
          return { open: p && p.open, expanded: tab ? tab.getAttribute('aria-expanded') : null,
            visible: ccVisible(r && r.querySelector('[data-open-panel="${panel}"]')) };`);
        return [r.expanded === 'true' && r.visible && r.open.length === 1,
          `tab aria-expanded=${r.expanded}; open panels: ${JSON.stringify(r.open)}; visible: ${r.visible}`];
      });
      await this.gated(seen.ok, `standalone${query}: cc-theme=${theme} gives .cc-root.cc-theme-${theme} with a ${theme} background`, async () =>
        this.themeOf(root, theme));
    }
    await this.noErrors('standalone (cc-view, cc-theme)', { watch: false });

    // A phone: the standalone page and the clean host in a 390×844 frame.
    // French runs longer than English: its page is measured too.
    for (const [label, src, rootIn] of [['standalone', index, root],
      ['standalone (French)', `${index}?cc-lang=fr`, root],
      ['clean.html', this.url('clean.html'), `ccRootOf(document.querySelector('[data-claimcheck]'))`]]) {
      const phone = `phone.html?src=${encodeURIComponent(src)}`;
      await this.load(phone, `${label} in a ${PHONE.join('×')} frame`);
      const frame = await this.browser.findElement('#phone');
      if (!frame) {
        check(`${label} in a ${PHONE.join('×')} frame: the frame is there`, false, 'no #phone');
        continue;
      }
      try {
        await this.browser.switchToFrame(frame);
        // A phone's scrollbars overlay the page: take the classic scrollbar's width back where the engine can.
        await this.browser.execute(`document.documentElement.style.setProperty('scrollbar-width', 'none');`).catch(() => {});
        const okPhone = await this.rendered(`${label} at ${PHONE[0]} px`, rootIn,
          label.startsWith('standalone') ? { any: true, min: 1 } : { min: 1 });
        const h = await this.height(rootIn);
        if (h) note(`height: ${label} at ${h.vw}×${h.vh} (layout width ${h.layout} px): .cc-root ${h.h} px tall, ${h.w} px wide`);
        this.heights.push([`${label} ${PHONE[0]}`, h]);
        await this.gated(okPhone, `${label}: at ${PHONE[0]} px wide the widget is at most ${BUDGET_PHONE} px tall (analysis finished)`, async () =>
          [h && h.vw === PHONE[0] && h.h <= BUDGET_PHONE, h ? `${h.h} px (${h.w} px wide; viewport ${h.vw}×${h.vh}, layout width ${h.layout})` : 'no .cc-root']);
        if (label === 'standalone' && okPhone) {
          await this.browser.execute(`${H} const r = ${rootIn}; const c = r && r.querySelector('svg.cc-chart');
            if (c) c.scrollIntoView({ block: 'start' });`);
          await sleep(200);
          await this.toggleInView(`standalone ${PHONE.join('×')}, chart scrolled to the top`, rootIn, 'election', { jsClick: true });
        }
      } catch (err) {
        check(`${label} in a ${PHONE.join('×')} frame`, false, err.message);
      } finally {
        await this.browser.switchToFrame(null).catch(() => {});
      }
    }

    // The clean host at 1280: its 720 px article column. The budgets are
    // for the page at 1280 and 390 px; a 720 px column lays the widget out
    // in one column, as on a phone but wider, so its height is reported,
    // not held to the 1280 px budget.
    await this.load('clean.html', 'clean.html (height)');
    await this.rendered('clean.html', `ccRootOf(document.querySelector('[data-claimcheck]'))`, { min: 1 });
    const ch = await this.height(`ccRootOf(document.querySelector('[data-claimcheck]'))`);
    if (ch) note(`height: clean.html at ${ch.vw}×${ch.vh}: .cc-root ${ch.h} px tall in its ${ch.w} px slot`);
    this.heights.push(['clean.html', ch]);
  }

  /** Whether the root has .cc-theme-<theme> and a background and text of that theme. */
  async themeOf(rootExpr, theme) {
    const r = await this.browser.execute(`${H} const r = ${rootExpr}; if (!r) return null;
      const cs = getComputedStyle(r); return { cls: r.getAttribute('class'), bg: cs.backgroundColor, fg: cs.color };`);
    if (!r) return [false, 'no .cc-root'];
    const bg = luminance(r.bg);
    const fg = luminance(r.fg);
    const hasClass = r.cls.split(/\s+/).includes(`cc-theme-${theme}`);
    const right = theme === 'dark' ? bg !== null && bg < 0.1 && fg > 0.5 : bg !== null && bg > 0.8 && fg < 0.2;
    return [hasClass && right, `class="${r.cls}"; background ${r.bg} (luminance ${bg === null ? '?' : bg.toFixed(2)}), text ${r.fg} (${fg === null ? '?' : fg.toFixed(2)})`];
  }

  // ------------------------------------------------ article and clean

  /** Opens (or closes) panel `id` of the first widget with a real click; waits for it. */
  async clickTab(rootExpr, id, open = true) {
    const ref = await this.browser.execute(`${H} const r = ${rootExpr}; return r && r.querySelector('.cc-tab[data-panel="${id}"]');`);
    if (!ref) return false;
    await this.browser.click(ref);
    return this.browser.waitFor(`${H} const r = ${rootExpr};
      return ${open ? '' : '!'}ccVisible(r.querySelector('[data-open-panel="${id}"]'));`,
    { timeoutMs: 5000, what: `the ${id} panel` }).then(() => true, () => false);
  }

  async article() {
    const styles = {};
    const first = `ccRootOf(document.querySelector('[data-claimcheck]'))`;
    for (const page of ['clean.html', 'article.html']) {
      await this.load(page);
      const seen = await waitRender(this.browser, { min: 1 });
      check(`${page}: the widget renders (open shadow root, .cc-root, non-empty path.cc-curve)`, seen.ok,
        seen.ok ? `in ${seen.ms} ms${seen.quiet ? '' : ' (DOM never settled)'}` :
          `${describeWidgets(seen.widgets)}${seen.why ? `; ${seen.why}` : ''}${seen.body ? `; page text: ${JSON.stringify(seen.body)}` : ''}`);
      await step(`${page}: cross-origin script embed: loader and wasm fetched from ${this.distServer.origin}${DIST_PATH}`, async () => {
        const js = this.fetched('claimcheck.js').filter((r) => r.server === 'dist');
        const wasm = this.fetched('.wasm');
        const ok = js.some((r) => r.status === 200) && wasm.length > 0 &&
          wasm.every((r) => r.server === 'dist' && r.status === 200);
        return [ok, `claimcheck.js: ${js.map((r) => `${r.server} ${r.status}`).join(', ') || 'not fetched'}; ` +
          `wasm: ${wasm.map((r) => `${r.server} ${r.path} ${r.status}`).join(', ') || 'not fetched'}`];
      });
      // Styles with no panel open, then with the tune and the evidence panels open.
      const s = (await this.browser.execute(READ_STYLES, STYLE_PROBES).catch(() => null)) || {};
      for (const [panel, probes] of [['tune', STYLE_PROBES_TUNE], ['evidence', STYLE_PROBES_EVIDENCE]]) {
        const opened = seen.ok && await this.clickTab(first, panel).catch(() => false);
        Object.assign(s, opened ? await this.browser.execute(READ_STYLES, probes).catch(() => ({}))
          : Object.fromEntries(Object.keys(probes).map((k) => [k, null])));
      }
      if (seen.ok) await this.clickTab(first, 'evidence', false).catch(() => false);
      styles[page] = seen.ok ? s : null;
      if (page === 'article.html') {
        await step(`${page}: a preset responds (button.cc-preset[data-preset="nothing"] turns every switch off, "everything" back on)`, async () => {
          const out = [];
          for (const [preset, want] of [['nothing', 'false'], ['everything', 'true']]) {
            const ref = await this.browser.execute(`${H} const r = ${first}; return r && r.querySelector('button.cc-preset[data-preset="${preset}"]');`);
            if (!ref) return [false, `no button.cc-preset[data-preset="${preset}"] in the widget`];
            await this.browser.click(ref);
            const states = await this.browser.waitFor(`${H} const s = Object.values(ccSwitches(${first}));
              return s.length === 3 && s.every((x) => x === '${want}') ? s : false;`, { timeoutMs: 5000, what: `every switch ${want}` })
              .catch(async () => ({ not: await this.browser.execute(`${H} return JSON.stringify(ccSwitches(${first}));`) }));
            if (!Array.isArray(states)) return [false, `after "${preset}": ${states.not}`];
            out.push(`${preset}: all aria-checked=${want}`);
          }
          return [true, out.join('; ')];
        });
      }
      const before = await this.browser.execute('return location.href').catch(() => '');
      await step(`${page}: the widget responds to a click on a switch`, () => clickSwitch(this.browser, first));
      await this.gated(seen.ok, `${page}: the widget leaves the host page's URL alone`, async () => {
        await sleep(600); // the standalone page debounces its URL writes (250 ms)
        const after = await this.browser.execute('return location.href');
        return [after === before, after === before ? after : `${before} became ${after}`];
      });
      await this.gated(seen.ok, `${page}: no widget styles leak into the host document`, async () => {
        const h = await this.browser.execute(HOST_SHEETS);
        const ok = h.sheets.length === 1 && h.adopted === 0 && h.styles === 0;
        return [ok, `document.styleSheets: ${h.sheets.join(', ')}; adoptedStyleSheets: ${h.adopted}; <style>: ${h.styles}` +
          (ok ? '' : ' (expected only the fixture\'s own stylesheet)')];
      });
      if (page === 'article.html') {
        await step(`${page}: the host's own CSS still applies to the article`, async () => {
          const ff = await this.browser.execute('return getComputedStyle(document.querySelector("article p")).fontFamily');
          return [/Comic Sans/.test(ff), `article p font-family: ${ff}`];
        });
      }
      await this.noErrors(page);
      await this.axe(page, [], seen.ok);
    }

    // Host CSS does not change the widget: computed styles equal the clean host's.
    const a = styles['article.html'];
    const c = styles['clean.html'];
    const all = { ...STYLE_PROBES, ...STYLE_PROBES_TUNE, ...STYLE_PROBES_EVIDENCE };
    for (const sel of Object.keys(all)) {
      const name = `host CSS does not change the widget: ${sel} computed styles on article.html equal clean.html`;
      if (!a || !c) {
        check(name, false, `no widget to read on ${!c ? 'clean.html' : 'article.html'}`);
        continue;
      }
      if (!a[sel] || !c[sel]) {
        check(name, false, `${sel} missing inside the shadow root on ${[!c[sel] && 'clean.html', !a[sel] && 'article.html'].filter(Boolean).join(' and ')}`);
        continue;
      }
      const diffs = Object.keys(c[sel]).filter((p) => a[sel][p] !== c[sel][p])
        .map((p) => `${p}: article=${JSON.stringify(a[sel][p])} clean=${JSON.stringify(c[sel][p])}`);
      check(name, diffs.length === 0, diffs.length ? diffs.join('; ') : `${Object.keys(c[sel]).length} properties equal`);
    }
  }

  // ------------------------------------------------------------ panels

  async panels() {
    const page = 'clean.html';
    const root = `ccRootOf(document.querySelector('[data-claimcheck]'))`;
    await this.load(page, `${page} (panels)`);
    const seen = await waitRender(this.browser, { min: 1 });
    check(`${page}: the widget renders`, seen.ok, seen.ok ? `in ${seen.ms} ms` : describeWidgets(seen.widgets));
    const tabs = seen.ok ? await this.browser.execute(`${H} return ccParts(${root}).tabs;`) : [];
    check(`${page}: one disclosure button (.cc-tab) per panel: ${PANELS.join(', ')}`,
      JSON.stringify(tabs) === JSON.stringify(PANELS), JSON.stringify(tabs));
    const state = `${H} const r = ${root};
      return { tabs: Object.fromEntries(Array.from(r.querySelectorAll('.cc-tab')).map((b) => [b.dataset.panel, b.getAttribute('aria-expanded')])),
        open: Array.from(r.querySelectorAll('[data-open-panel]')).filter(ccVisible).map((p) => p.dataset.openPanel),
        text: Object.fromEntries(Array.from(r.querySelectorAll('[data-open-panel]')).map((p) => [p.dataset.openPanel, (p.innerText || '').length])),
        controls: Object.fromEntries(Array.from(r.querySelectorAll('.cc-tab')).map((b) => [b.dataset.panel, b.getAttribute('aria-controls')])),
        focus: (r.getRootNode().activeElement || {}).className || '' };`;
    const expectOnly = (s, id) => {
      const wrong = Object.entries(s.tabs).filter(([k, v]) => v !== (k === id ? 'true' : 'false')).map(([k, v]) => `${k}=${v}`);
      return { ok: wrong.length === 0 && JSON.stringify(s.open) === JSON.stringify(id ? [id] : []) && (!id || s.text[id] > 20),
        detail: `aria-expanded ${Object.entries(s.tabs).map(([k, v]) => `${k}=${v}`).join(' ')}; panels shown: ${JSON.stringify(s.open)}` +
          `${id ? `; ${id} panel text ${s.text[id] || 0} chars` : ''}${wrong.length ? `; wrong: ${wrong.join(', ')}` : ''}` };
    };
    for (const [i, id] of tabs.entries()) {
      const key = i % 2 === 0 ? 'Enter' : 'Space';
      const other = key === 'Enter' ? 'Space' : 'Enter';
      const ref = await this.browser.execute(`${H} return ${root}.querySelector('.cc-tab[data-panel="${id}"]');`);
      await step(`${page}: the "${id}" tab opens by keyboard (focus + ${key}): aria-expanded=true, [data-open-panel=${id}] shown, every other tab aria-expanded=false`, async () => {
        const how = await pressKey(this.browser, ref, key);
        const s = await this.browser.waitFor(`const s = (() => {${state}})(); return s.open.includes('${id}') ? s : false;`,
          { timeoutMs: 5000, what: `the ${id} panel` }).catch(() => this.browser.execute(state));
        const r = expectOnly(s, id);
        return [how.focused && r.ok, `${how.how}${how.focused ? '' : ' (the tab did not take the focus)'}; ${r.detail}`];
      });
      await this.axe(`${page} with the "${id}" panel open`, [], seen.ok);
      await step(`${page}: the "${id}" tab closes by keyboard (${other}): aria-expanded=false, no panel shown`, async () => {
        const how = await pressKey(this.browser, ref, other);
        const s = await this.browser.waitFor(`const s = (() => {${state}})(); return s.open.length === 0 ? s : false;`,
          { timeoutMs: 5000, what: 'no panel' }).catch(() => this.browser.execute(state));
        const r = expectOnly(s, null);
        return [r.ok, `${how.how}; ${r.detail}`];
      });
    }
    if (tabs.length) {
      const id = tabs[0];
      const ref = await this.browser.execute(`${H} return ${root}.querySelector('.cc-tab[data-panel="${id}"]');`);
      await pressKey(this.browser, ref, 'Enter');
      await this.browser.waitFor(`const s = (() => {${state}})(); return s.open.includes('${id}');`, { timeoutMs: 5000 }).catch(() => {});
      // Escape from inside the panel (its close button has the focus).
      const close = await this.browser.execute(`${H} const p = ${root}.querySelector('[data-open-panel="${id}"]'); return p && p.querySelector('.cc-close');`);
      await pressKey(this.browser, close || ref, 'Escape');
      const esc = await this.browser.waitFor(`const s = (() => {${state}})(); return s.open.length === 0 ? s : false;`,
        { timeoutMs: 1500, what: 'no panel' }).catch(() => null);
      if (esc) check(`${page}: Escape closes the open panel`, expectOnly(esc, null).ok, expectOnly(esc, null).detail);
      else note(`${page}: Escape does not close the open panel (not implemented; the close button is checked instead)`);
      await step(`${page}: the panel's close button (.cc-close) closes it: aria-expanded=false, no panel shown`, async () => {
        let s = await this.browser.execute(state);
        if (!s.open.length) {
          await pressKey(this.browser, ref, 'Enter');
          s = await this.browser.waitFor(`const s = (() => {${state}})(); return s.open.length ? s : false;`, { timeoutMs: 5000 }).catch(() => s);
        }
        const btn = await this.browser.execute(`${H} const p = ${root}.querySelector('[data-open-panel]'); return p && p.querySelector('.cc-close');`);
        if (!btn) return [false, `no .cc-close in the open panel (${JSON.stringify(s.open)})`];
        await this.browser.click(btn);
        s = await this.browser.waitFor(`const s = (() => {${state}})(); return s.open.length === 0 ? s : false;`,
          { timeoutMs: 5000, what: 'no panel' }).catch(() => this.browser.execute(state));
        const r = expectOnly(s, null);
        return [r.ok, r.detail];
      });
    }
    await this.exports(page, root, seen.ok);
    await this.noErrors(`${page} (panels, exports)`);
  }

  /** The exports of the Share panel, captured by download-hook.js. */
  async exports(page, root, rendered) {
    const opened = rendered && await this.clickTab(root, 'share');
    check(`${page}: the share panel opens`, !!opened, opened ? '' : 'no visible [data-open-panel=share] after a click on its tab');
    const hooked = await this.browser.execute('return Array.isArray(window.__ccDownloads)');
    if (!hooked) {
      check(`${page}: download-hook.js is loaded`, false, 'window.__ccDownloads missing');
      return;
    }
    const d = await this.browser.execute(`${H} return ccCurve(${root});`);
    const exportOne = async (cls) => {
      await this.browser.execute('window.__ccDownloads.length = 0;');
      const ref = await this.browser.execute(`${H} return ${root}.querySelector('.cc-share .${cls}');`);
      if (!ref) return { missing: true };
      await this.browser.click(ref);
      return this.browser.waitFor(`const d = window.__ccDownloads; return d.length && d.every((x) => x.read) ? d : false;`,
        { timeoutMs: 10_000, what: 'a download' }).then((x) => ({ list: x }), async () => ({
        list: await this.browser.execute('return window.__ccDownloads'),
        status: await this.browser.execute(`${H} return Array.from(${root}.querySelectorAll('.cc-share .cc-copy-status')).map(ccText).join(' | ');`),
      }));
    };
    const minutes = windowMinutes(ETA);
    await step(`${page}: "SVG" (.cc-export-svg) downloads an image/svg+xml file with <svg and the drawn curve's path`, async () => {
      const r = await exportOne('cc-export-svg');
      if (r.missing) return [false, 'no .cc-export-svg button'];
      const f = r.list && r.list[0];
      if (!f) return [false, `no download captured within 10 s${r.status ? `; status: ${JSON.stringify(r.status)}` : ''}`];
      const t = f.text || '';
      const ok = f.type === 'image/svg+xml' && /\.svg$/.test(f.name) && t.includes('<svg') && !!d && t.includes(`d="${d}"`);
      return [ok, `${f.name}, ${f.type}, ${f.size} bytes; <svg: ${t.includes('<svg')}; the curve's d (${d ? d.length : 0} chars): ${!!d && t.includes(`d="${d}"`)}`];
    });
    await step(`${page}: "PNG" (.cc-export-png) downloads an image/png file`, async () => {
      const r = await exportOne('cc-export-png');
      if (r.missing) return [false, 'no .cc-export-png button'];
      const f = r.list && r.list[0];
      if (!f) return [false, `no download captured within 10 s${r.status ? `; status: ${JSON.stringify(r.status)}` : ''}`];
      const png = JSON.stringify((f.head || []).slice(0, 4)) === '[137,80,78,71]';
      return [f.type === 'image/png' && png && f.size > 1000, `${f.name}, ${f.type}, ${f.size} bytes, PNG signature: ${png}`];
    });
    await step(`${page}: "curve CSV" (.cc-export-curve) downloads text/csv, a header with failure_fraction and one row per minute (${minutes})`, async () => {
      const r = await exportOne('cc-export-curve');
      if (r.missing) return [false, 'no .cc-export-curve button'];
      const f = r.list && r.list[0];
      if (!f) return [false, `no download captured within 10 s${r.status ? `; status: ${JSON.stringify(r.status)}` : ''}`];
      const lines = (f.text || '').split('\n').filter((l) => l.length);
      const header = (lines[0] || '').split(',');
      const rows = lines.slice(1);
      const widths = new Set(rows.map((l) => l.split(',').length));
      const ok = /^text\/csv/.test(f.type) && header.includes('failure_fraction') && rows.length === minutes &&
        widths.size === 1 && widths.has(header.length);
      return [ok, `${f.name}, ${f.type}; header: ${lines[0]}; ${rows.length} rows (window: ${minutes} minutes); ` +
        `columns per row: ${[...widths].join('/')} (header ${header.length}); first: ${rows[0]}; last: ${rows[rows.length - 1]}`];
    });
    const rules = ruleCount(ETA);
    await step(`${page}: "checks CSV" (.cc-export-checks) downloads text/csv with a header and one row per rule (${rules})`, async () => {
      const r = await exportOne('cc-export-checks');
      if (r.missing) return [false, 'no .cc-export-checks button'];
      const f = r.list && r.list[0];
      if (!f) return [false, `no download captured within 10 s${r.status ? `; status: ${JSON.stringify(r.status)}` : ''}`];
      const lines = (f.text || '').split('\n').filter((l) => l.length);
      return [/^text\/csv/.test(f.type) && lines.length - 1 === rules,
        `${f.name}, ${f.type}; header: ${lines[0]}; ${lines.length - 1} rows for ${rules} rules; first: ${lines[1]}`];
    });
  }

  // -------------------------------------------------------- placements

  async placements() {
    const page = 'placements.html';
    await this.load(page);
    const ids = ['p-deadline', 'p-election', 'p-claims', 'p-bad', 'p-view'];
    const seen = await waitRender(this.browser, { hosts: ids.map((i) => `#${i}`).join(', '), min: ids.length, chartless: ['p-claims'] });
    for (const id of ids) {
      const w = (seen.widgets || []).find((x) => x.id === id);
      check(`${page}: #${id} renders`, !!(w && w.root && (w.curve > 0 || w.chartless)), w ? describeWidgets([w]) : `#${id} not found`);
    }
    const root = (id) => `ccRootOf(document.getElementById('${id}'))`;
    const parts = await this.browser.execute(`${H} return Object.fromEntries(${JSON.stringify(ids)}.map((id) => [id, ccParts(ccRootOf(document.getElementById(id)))]));`)
      .catch(() => ({}));
    const show = (p) => (p ? `switches ${JSON.stringify(p.switches)}, presets ${p.presets}, chart ${p.chart}, reader line ${p.reader}, ` +
      `claims ${p.claims}, tabs ${JSON.stringify(p.tabs)}, notice ${JSON.stringify(p.notice)}` : 'no widget');
    for (const h of ['deadline', 'election']) {
      const p = parts[`p-${h}`];
      check(`${page}: data-controls="${h},chart" shows only the "${h}" switch and the chart (no presets, claims or tabs)`,
        !!(p && JSON.stringify(p.switches) === JSON.stringify([h]) && p.chart && p.presets === 0 && p.claims === 0 && p.tabs.length === 0 && !p.notice),
        show(p));
    }
    const pc = parts['p-claims'];
    check(`${page}: data-controls="claims" shows only the claims (${ETA.claims.length}; no switches, presets, chart or tabs)`,
      !!(pc && pc.switches.length === 0 && pc.presets === 0 && !pc.chart && !pc.reader && pc.claims === ETA.claims.length && pc.tabs.length === 0),
      show(pc));
    const pb = parts['p-bad'];
    check(`${page}: data-controls="teleport" gets a notice (.cc-notice) naming it`,
      !!(pb && pb.notice && pb.notice.includes('teleport') && pb.notice.includes('data-controls')), show(pb));
    check(`${page}: the widget with data-controls="teleport" still shows everything (the default)`,
      !!(pb && pb.switches.length === ETA.hypotheses.length && pb.chart && pb.claims === ETA.claims.length && pb.tabs.length === PANELS.length),
      show(pb));
    const pv = parts['p-view'];
    check(`${page}: data-view="evidence" opens the evidence panel on load (and its tab is aria-expanded=true)`,
      !!(pv && JSON.stringify(pv.open) === '["evidence"]') &&
        await this.browser.execute(`${H} const t = ${root('p-view')}.querySelector('.cc-tab[data-panel="evidence"]'); return !!t && t.getAttribute('aria-expanded') === 'true';`).catch(() => false),
      show(pv) + `; open: ${JSON.stringify(pv && pv.open)}`);

    // Each placement keeps its own state.
    const verdicts = `${H} return ccVerdicts(${root('p-claims')}).join(', ');`;
    const a = await waitAnalysis(this.browser, root('p-claims'));
    check(`${page}: the claims-only placement gets its verdicts`, a.ok, a.ok ? `${a.ms} ms` : a.progress);
    const v0 = await this.browser.execute(verdicts);
    await step(`${page}: a click on #p-deadline's switch changes its chart, and #p-election, #p-bad and #p-view keep theirs`, () =>
      clickSwitch(this.browser, root('p-deadline'), 'deadline', ['p-election', 'p-bad', 'p-view'].map(root)));
    await step(`${page}: a click on #p-election's switch changes its chart, and #p-deadline keeps its own (switched off) state`, () =>
      clickSwitch(this.browser, root('p-election'), 'election', ['p-deadline', 'p-bad'].map(root)));
    await step(`${page}: the widget with the bad data-controls responds to a click, alone`, () =>
      clickSwitch(this.browser, root('p-bad'), 'underprovisioning', ['p-deadline', 'p-election', 'p-view'].map(root)));
    await step(`${page}: the claims-only placement's verdicts stay put`, async () => {
      const v1 = await this.browser.execute(verdicts);
      return [a.ok && v1 === v0, `before: ${v0}; after: ${v1}`];
    });
    await this.noErrors(page);
    await this.axe(page, [], !!seen.ok);
  }

  // ------------------------------------------------------------- modes

  async modes() {
    const page = 'modes.html';
    await this.load(page);
    const ids = ['m-static', 'm-plain', 'm-dark', 'm-light'];
    const seen = await waitRender(this.browser, { hosts: ids.map((i) => `#${i}`).join(', '), min: ids.length });
    for (const id of ids) {
      const w = (seen.widgets || []).find((x) => x.id === id);
      check(`${page}: #${id} renders`, !!(w && w.root && w.curve > 0), w ? describeWidgets([w]) : `#${id} not found`);
    }
    const root = (id) => `ccRootOf(document.getElementById('${id}'))`;
    const parts = await this.browser.execute(`${H} return Object.fromEntries(${JSON.stringify(ids)}.map((id) => [id, ccParts(ccRootOf(document.getElementById(id)))]));`)
      .catch(() => ({}));
    const ps = parts['m-static'];
    check(`${page}: data-static: no switches, presets or tabs; the chart and the claims are there`,
      !!(ps && ps.switches.length === 0 && ps.presets === 0 && ps.tabs.length === 0 && ps.chart && ps.claims === ETA.claims.length),
      ps ? `switches ${ps.switches.length}, presets ${ps.presets}, tabs ${ps.tabs.length}, chart ${ps.chart}, claims ${ps.claims}` : 'no widget');
    const focusable = await this.browser.execute(`${H} const r = ${root('m-static')};
      return r ? Array.from(r.querySelectorAll('button, input, select, textarea, [tabindex]:not([tabindex="-1"])'))
        .filter((e) => !e.closest('details:not([open]) > :not(summary)')).map((e) => e.tagName.toLowerCase() + '.' + (e.getAttribute('class') || '')) : null;`)
      .catch(() => null);
    note(`${page}: focusable elements left in the static widget: ${focusable ? focusable.length : '?'}${focusable && focusable.length ? ` (${[...new Set(focusable)].slice(0, 8).join(', ')})` : ''}`);
    const pp = parts['m-plain'];
    check(`${page}: data-plain: no header and no title; the chart is there`,
      !!(pp && !pp.header && pp.title === null && pp.chart), pp ? `header ${pp.header}, title ${JSON.stringify(pp.title)}, chart ${pp.chart}` : 'no widget');
    for (const theme of ['dark', 'light']) {
      await this.gated(!!seen.ok, `${page}: data-theme="${theme}" gives .cc-root.cc-theme-${theme} with a ${theme} background`, () =>
        this.themeOf(root(`m-${theme}`), theme));
    }
    await this.noErrors(page);
    await this.axe(page, [], !!seen.ok);
  }

  // ------------------------------------------------------------- three

  async three() {
    const page = 'three.html';
    await this.load(page);
    const ids = ['w-default', 'w-fr', 'w-bad'];
    const seen = await waitRender(this.browser, { hosts: '#w-default, #w-fr, #w-bad', min: 3 });
    for (const id of ids) {
      const w = (seen.widgets || []).find((x) => x.id === id);
      check(`${page}: #${id} renders`, !!(w && w.root && w.curve > 0), w ? describeWidgets([w]) : `#${id} not found`);
    }
    const info = await this.browser.execute(`${H}
      const out = {};
      for (const id of ['w-default', 'w-fr', 'w-bad']) {
        const r = ccRootOf(document.getElementById(id));
        if (!r) { out[id] = null; continue; }
        const n = r.querySelector('.cc-notice');
        out[id] = {
          notice: n ? ccText(n) : null,
          noticeClass: n ? n.getAttribute('class') : null,
          noticeVisible: ccVisible(n),
          switches: ccSwitches(r),
          curve: ccCurve(r),
          lang: r.getAttribute('lang') || (r.closest('[lang]') || {}).lang || '',
          title: ccText(r.querySelector('.cc-title')),
        };
      }
      return out;`).catch(() => ({}));
    const bad = info['w-bad'];
    for (const entry of ['data-timeout_s=99999', 'data-hypotheses=aliens']) {
      check(`${page}: #w-bad shows a visible .cc-notice naming ${entry}`,
        !!(bad && bad.notice && bad.notice.includes(entry) && bad.noticeVisible),
        bad ? (bad.notice === null ? 'no .cc-notice in its shadow root' : `${bad.noticeVisible ? '' : '(not visible) '}notice text: ${JSON.stringify(bad.notice)}`) : 'no widget');
    }
    check(`${page}: #w-bad's notice is an error card (.cc-error-card)`,
      !!(bad && bad.noticeClass && bad.noticeClass.split(/\s+/).includes('cc-error-card')),
      bad ? `class="${bad.noticeClass}"` : 'no widget');
    const def = info['w-default'];
    check(`${page}: #w-bad falls back to the defaults for the ignored entries (same switches and the same curve as #w-default)`,
      !!(bad && def && JSON.stringify(bad.switches) === JSON.stringify(def.switches) && bad.curve === def.curve),
      bad && def ? `switches ${JSON.stringify(bad.switches)} vs default ${JSON.stringify(def.switches)}; curve ${bad.curve === def.curve ? 'the same' : 'differs'}` : 'missing widget');
    for (const id of ['w-default', 'w-fr']) {
      const w = info[id];
      check(`${page}: #${id} (a neighbour) shows no notice`, !!(w && w.notice === null),
        w ? (w.notice === null ? 'none' : `has .cc-notice: ${JSON.stringify(w.notice)}`) : 'no widget');
    }
    const fr = info['w-fr'];
    check(`${page}: #w-fr reads data-hypotheses="deadline,underprovisioning"`,
      !!(fr && fr.switches.election === 'false' && fr.switches.deadline === 'true' && fr.switches.underprovisioning === 'true'),
      fr ? JSON.stringify(fr.switches) : 'no widget');
    check(`${page}: #w-fr reads data-lang="fr" (.cc-root lang=fr-CA, French title)`,
      !!(fr && def && fr.lang === 'fr-CA' && fr.title === ETA.title.fr),
      fr && def ? `lang="${fr.lang}", title ${JSON.stringify(fr.title)} (expected ${JSON.stringify(ETA.title.fr)})` : 'missing widget');

    const root = (id) => `ccRootOf(document.getElementById('${id}'))`;
    await this.reporter(page, root('w-fr'), 'fr');
    for (const id of ids) {
      const others = ids.filter((x) => x !== id).map(root);
      await step(`${page}: #${id} responds to a click and its neighbours do not change`, () =>
        clickSwitch(this.browser, root(id), 'election', others));
    }

    // Added later (MutationObserver) and removed (destroy).
    const dyn = await this.browser.waitFor('return window.__dynamic && window.__dynamic.added && window.__dynamic',
      { timeoutMs: 40_000, what: 'three.js to remove #doomed and add #added' }).catch(() => null);
    check(`${page}: #doomed mounted before three.js removed it`, !!(dyn && dyn.doomedMounted),
      dyn ? JSON.stringify(dyn) : 'three.js never ran its step (40 s)');
    const added = await waitRender(this.browser, { hosts: '#added', min: 1 });
    check(`${page}: #added (inserted after load) is mounted by the loader's MutationObserver`, added.ok, describeWidgets(added.widgets));
    const addedSw = await this.browser.execute(`${H} return JSON.stringify(ccSwitches(${root('added')}));`).catch((e) => e.message);
    check(`${page}: #added reads data-hypotheses="election"`,
      addedSw === JSON.stringify({ election: 'true', deadline: 'false', underprovisioning: 'false' }), addedSw);
    await step(`${page}: #added responds to a click`, () => clickSwitch(this.browser, root('added'), 'deadline', ids.map(root)));
    await this.gated(!!(dyn && dyn.doomedMounted), `${page}: removing #doomed destroys its widget (its shadow root empties)`, async () => {
      const r = await this.browser.waitFor(`
        const el = window.__removed;
        if (!el) return { missing: true };
        const sr = el.shadowRoot;
        const gone = !sr || (!sr.querySelector('.cc-root') && sr.childElementCount === 0);
        return gone ? { connected: el.isConnected, children: sr ? sr.childElementCount : 0 } : false;`,
      { timeoutMs: 5000, what: 'the removed widget to be destroyed' }).catch(async () =>
        this.browser.execute(`const el = window.__removed; const sr = el && el.shadowRoot;
          return { stillThere: true, connected: el && el.isConnected, root: !!(sr && sr.querySelector('.cc-root')), children: sr ? sr.childElementCount : null };`));
      if (r.missing) return [false, 'three.js never removed #doomed'];
      if (r.stillThere) return [false, `5 s after removal the detached element's shadow root still has ${r.children} element(s)${r.root ? ' including .cc-root' : ''}`];
      return [!r.connected, `detached, shadow root empty${r.connected ? ' (but still connected?)' : ''}`];
    });
    await step(`${page}: the loader's live widget count (claimcheck.count) is 4`, async () => {
      const api = await this.browser.execute(`const c = window.claimcheck; if (!c) return null;
        return { count: c.count, keys: Object.keys(c), hosts: document.querySelectorAll('[data-claimcheck]').length };`);
      if (!api) return [false, 'no window.claimcheck'];
      return [api.count === 4, `claimcheck.count = ${api.count}, ${api.hosts} [data-claimcheck] in the page (keys: ${api.keys.join(', ')})`];
    });
    await this.noErrors(page);
    await this.axe(page, [], !!seen.ok);
  }

  /**
   * Reporter mode (data-reporter): the share panel shows both embed codes
   * with the current state, and once the analysis finished the
   * ClaimReview JSON-LD, which must parse and have the structure Google's
   * fact-check markup asks for.
   */
  async reporter(page, rootExpr, lang) {
    // The claims above grow as their verdicts come in: click once the page has settled.
    const a = await waitAnalysis(this.browser, rootExpr);
    const opened = await this.clickTab(rootExpr, 'share');
    const p = opened ? await this.browser.execute(`${H} const r = ${rootExpr};
      const panel = r.querySelector('[data-open-panel="share"]');
      const ta = (sel) => { const e = panel.querySelector(sel); return e ? e.value : null; };
      const copyAfter = (sel) => { const e = panel.querySelector(sel); const l = e && e.closest('label');
        const n = l && l.nextElementSibling; return !!n && n.tagName === 'BUTTON'; };
      return { script: ta('textarea.cc-embed-script'), iframe: ta('textarea.cc-embed-iframe'),
        copies: [copyAfter('textarea.cc-embed-script'), copyAfter('textarea.cc-embed-iframe')] };`) : null;
    await step(`${page}: reporter mode: the share panel shows the script and iframe embed codes with the current state, each with a copy button`, async () => {
      if (!p) return [false, 'the share panel did not open'];
      const problems = [];
      const s = p.script || '';
      const f = p.iframe || '';
      if (!/claimcheck\.js/.test(s) || !/data-claimcheck/.test(s)) problems.push(`script code lacks claimcheck.js or data-claimcheck: ${JSON.stringify(s)}`);
      if (!/deadline,underprovisioning|deadline%2Cunderprovisioning/.test(s)) problems.push(`script code lacks the hypotheses: ${JSON.stringify(s)}`);
      if (!/timeout_s="?45/.test(s)) problems.push(`script code lacks data-timeout_s="45": ${JSON.stringify(s)}`);
      if (!new RegExp(`data-lang="${lang}"`).test(s)) problems.push(`script code lacks data-lang="${lang}"`);
      if (!/<iframe/.test(f) || !/embed(-[a-z]{2})?\.html\?/.test(f) || !/title=/.test(f)) problems.push(`iframe code lacks <iframe, embed.html? (or embed-${lang}.html?) or title=: ${JSON.stringify(f)}`);
      if (!/cc-hypotheses=deadline(,|%2C)underprovisioning/.test(f)) problems.push(`iframe code lacks cc-hypotheses: ${JSON.stringify(f)}`);
      if (!/cc-timeout_s=45/.test(f)) problems.push(`iframe code lacks cc-timeout_s=45: ${JSON.stringify(f)}`);
      if (!p.copies.every(Boolean)) problems.push(`copy buttons after the codes: ${JSON.stringify(p.copies)}`);
      return [problems.length === 0, problems.join('; ') || `script: ${JSON.stringify(s)}; iframe: ${JSON.stringify(f)}`];
    });
    if (lang === 'fr') {
      // The iframe's title is its accessible name on the host page: French typography too.
      const title = p && /title="([^"]*)"/.exec(p.iframe || '');
      check(`${page}: reporter mode: the French iframe code's title follows French typography (U+00A0 before ":", no “ ” ")`,
        !!title && !/(^|[^\u00a0\u202f]):/.test(title[1]) && !/[“”]|&quot;/.test(title[1]),
        title ? JSON.stringify(title[1]).replace(/\u00a0/g, '⍽') : `no title="…" in ${JSON.stringify(p && p.iframe)}`);
    }
    await step(`${page}: reporter mode: once the analysis finished, the ClaimReview JSON-LD (textarea.cc-claimreview) is one valid ClaimReview per claim`, async () => {
      if (!a.ok) return [false, `the analysis did not finish: ${a.progress}`];
      const text = await this.browser.waitFor(`${H} const e = ${rootExpr}.querySelector('[data-open-panel="share"] textarea.cc-claimreview');
        return e && e.value ? e.value : false;`, { timeoutMs: 5000, what: 'textarea.cc-claimreview' }).catch(() => null);
      if (!text) return [false, 'no textarea.cc-claimreview with a value 5 s after the analysis finished'];
      const verdicts = await this.browser.execute(`${H} return Array.from(${rootExpr}.querySelectorAll('.cc-claim')).map((c) => Array.from(c.classList).find((k) => k.startsWith('cc-verdict-')));`);
      const problems = validateClaimReview(text, { claims: ETA.claims, lang, verdicts });
      return [problems.length === 0, problems.length ? `${problems.join('; ')}; JSON-LD: ${clip(text, 600)}` : `${ETA.claims.length} ClaimReview objects; first rating: ${clip(JSON.parse(text)[0].reviewRating.alternateName, 120)}`];
    });
    await this.clickTab(rootExpr, 'share', false).catch(() => {});
  }

  // --------------------------------------------------------------- csp

  async csp() {
    const page = 'csp.html';
    await step(`${page}: served with the strict CSP header`, async () => {
      const res = await fetch(this.url(page));
      const h = res.headers.get('content-security-policy');
      return [h === STRICT_CSP, `Content-Security-Policy: ${h}`];
    });
    await this.load(page);
    const seen = await waitRender(this.browser, { min: 1 });
    check(`${page}: the widget renders under the strict CSP`, seen.ok,
      seen.ok ? `in ${seen.ms} ms` : `${describeWidgets(seen.widgets)}${seen.body ? `; page text: ${JSON.stringify(seen.body)}` : ''}`);
    check(`${page}: loader and wasm came from the page's own origin`,
      this.fetched('.wasm').some((r) => r.server === 'host' && r.status === 200),
      this.fetched('.wasm').map((r) => `${r.server} ${r.path} ${r.status}`).join(', ') || 'no wasm fetched');
    const root = `ccRootOf(document.querySelector('[data-claimcheck]'))`;
    await step(`${page}: the widget responds to a click`, () => clickSwitch(this.browser, root, 'election'));
    const a = await waitAnalysis(this.browser, root);
    check(`${page}: the analysis finishes under the strict CSP`, a.ok, a.ok ? `${a.ms} ms` : a.progress);
    await step(`${page}: the widget responds to a parameter slider (ArrowRight on the first input[type=range][data-param] of the tune panel)`, async () => {
      if (!(await this.clickTab(root, 'tune'))) return [false, 'the tune panel did not open'];
      const SLIDER = `${H} const r = ${root};
        const i = r && Array.from(r.querySelectorAll('[data-open-panel] input[type=range][data-param]'))
          .find((x) => x.getClientRects().length && !x.disabled);`;
      const ref = await this.browser.execute(`${SLIDER} return i || null;`);
      if (!ref) return [false, 'no visible, enabled input[type=range][data-param] in the tune panel'];
      const read = `${SLIDER} return { p: i.dataset.param, v: i.value, chart: ccChart(r), d: ccCurve(r) };`;
      const before = await this.browser.execute(read);
      await this.browser.sendKeys(ref, '\uE014');
      const deadline = Date.now() + 5000;
      let after;
      do {
        await sleep(100);
        after = await this.browser.execute(read);
      } while ((after.v === before.v || after.chart === before.chart) && Date.now() < deadline);
      return [after.v !== before.v && after.chart !== before.chart,
        `${before.p}: ${before.v} → ${after.v}; chart ${after.chart === before.chart ? 'unchanged' : 'changed'}` +
        `${after.d !== before.d ? ' (path.cc-curve d too)' : ''}`];
    });
    await sleep(300);
    await this.gated(seen.ok, `${page}: no securitypolicyviolation event fired (window.__violations is empty)`, async () => {
      const v = await this.browser.execute('return window.__violations || null');
      if (v === null) return [false, 'csp-watch.js did not run (window.__violations missing)'];
      return [v.length === 0, v.length ? v.map((x) => `${x.effectiveDirective} blocked ${x.blockedURI || '(inline)'} at ${x.sourceFile}:${x.line} ${x.sample || ''}`).join(' | ') : 'none'];
    });
    await this.noErrors(page);
    // The PNG export needs a blob: image, which this policy forbids: the reader must be told.
    await this.gated(seen.ok, `${page}: the PNG export shows a message in .cc-share .cc-copy-status instead of failing silently`, async () => {
      if (!(await this.clickTab(root, 'share'))) return [false, 'the share panel did not open'];
      await this.browser.execute('if (window.__ccDownloads) window.__ccDownloads.length = 0;');
      const ref = await this.browser.execute(`${H} return ${root}.querySelector('.cc-share .cc-export-png');`);
      if (!ref) return [false, 'no .cc-export-png'];
      await this.browser.click(ref);
      const msg = await this.browser.waitFor(`${H} const t = Array.from(${root}.querySelectorAll('.cc-share .cc-copy-status')).map(ccText).filter(Boolean).join(' | ');
        return t || false;`, { timeoutMs: 8000, what: 'a status message' }).catch(() => '');
      const got = await this.browser.execute('return (window.__ccDownloads || []).map((d) => d.name + " " + d.type)');
      return [msg.length > 10, `status: ${JSON.stringify(msg)}; downloads: ${JSON.stringify(got)}`];
    });
    const v = await this.browser.execute('return (window.__violations || []).map((x) => x.effectiveDirective + " " + (x.blockedURI || "(inline)"))').catch(() => []);
    note(`${page}: violations reported for the PNG attempt (expected: img-src blob): ${JSON.stringify(v)}`);
    await this.drainLog(); // the policy's console error for the blob: image is expected
    // Control: the policy and the listener are live (an inline style must be refused and reported).
    await step(`${page}: control — an inline style attribute is refused and reported`, async () => {
      await this.browser.execute('window.__violations.length = 0;');
      await this.browser.execute(`const p = document.createElement('p'); p.id = 'cc-csp-probe';
        document.body.appendChild(p); p.setAttribute('style', 'color: red');`);
      const got = await this.browser.waitFor('return (window.__violations || []).length > 0 && window.__violations',
        { timeoutMs: 3000, what: 'the control violation' }).catch(() => []);
      await this.browser.execute('const p = document.getElementById("cc-csp-probe"); if (p) p.remove();');
      await this.drainLog(); // the control's console error is expected
      return [got.length > 0, got.length ? `reported: ${got.map((x) => x.effectiveDirective).join(', ')}` : 'no violation reported: the CSP or the listener is not active'];
    });
    await this.clickTab(root, 'share', false).catch(() => {});
    await this.axe(page, [], seen.ok);
  }

  // ------------------------------------------------------------ iframe

  async iframe() {
    const page = 'iframe.html';
    await step('claimcheck-parent.js is at most 1 KB', async () => {
      const res = await fetch(`${this.distBase}claimcheck-parent.js`);
      const body = Buffer.from(await res.arrayBuffer());
      return [res.status === 200 && body.length <= PARENT_SNIPPET_MAX, `HTTP ${res.status}, ${body.length} bytes`];
    });
    await this.load(page);
    const READ = `
      const f = document.getElementById('cc-frame');
      const m = window.__messages || [];
      const pym = m.filter((x) => typeof x.data === 'string' && x.data.startsWith('pymxPYMx'));
      const amp = m.filter((x) => x.data && x.data.sentinel === 'amp' && x.data.type === 'embed-size');
      const dw = m.filter((x) => x.data && typeof x.data === 'object' && 'claimcheck-height' in x.data);
      return {
        count: m.length, pym: pym.map((x) => x.data), amp: amp.map((x) => x.data), dw: dw.map((x) => x.data),
        foreign: m.filter((x) => !x.fromFrame).length,
        attr: f ? f.getAttribute('height') : null,
        rendered: f ? Math.round(f.getBoundingClientRect().height) : null,
        heights: window.__heights || [],
      };`;
    const got = await this.browser.waitFor(`const r = (() => {${READ}})();
      return r.pym.length && r.amp.length && r.dw.length && Number(r.attr) > 600 ? r : false;`,
    { timeoutMs: RENDER_TIMEOUT_MS, what: 'the three height messages and the resize' })
      .catch(() => this.browser.execute(READ).catch(() => null));
    if (!got) {
      check(`${page}: the iframe page posts its height`, false, 'could not read window.__messages');
    } else {
      const last = (a) => a[a.length - 1];
      const pymOk = got.pym.length > 0 && /^pymxPYMxcc1xPYMxheightxPYMx\d+(\.\d+)?$/.test(last(got.pym)) &&
        Number(last(got.pym).split('xPYMx').pop()) > 600;
      check(`${page}: pym.js message "pymxPYMxcc1xPYMxheightxPYMx<height>" arrives (childId=cc1)`, pymOk,
        got.pym.length ? `last: ${JSON.stringify(last(got.pym))} (${got.pym.length} in all)` : `none of ${got.count} message(s)`);
      const ampOk = got.amp.length > 0 && typeof last(got.amp).height === 'number' && last(got.amp).height > 600;
      check(`${page}: AMP {sentinel: 'amp', type: 'embed-size', height} arrives`, ampOk,
        got.amp.length ? `last: ${JSON.stringify(last(got.amp))}` : `none of ${got.count} message(s)`);
      const dwOk = got.dw.length > 0 && typeof last(got.dw)['claimcheck-height'] === 'number' &&
        last(got.dw)['claimcheck-height'] > 600 && last(got.dw).id === 'cc1';
      check(`${page}: {"claimcheck-height": height, "id": "cc1"} arrives`, dwOk,
        got.dw.length ? `last: ${JSON.stringify(last(got.dw))}` : `none of ${got.count} message(s)`);
      check(`${page}: every message came from the iframe`, got.count > 0 && got.foreign === 0,
        `${got.count} message(s), ${got.foreign} from elsewhere`);
      const h = got.dw.length ? last(got.dw)['claimcheck-height'] : NaN;
      const attr = Number(got.attr);
      check(`${page}: claimcheck-parent.js resizes the iframe from 150 to its content height (> 600)`,
        attr > 600 && Math.abs(attr - Math.ceil(h)) <= 2 && Math.abs(got.rendered - attr) <= 8,
        `height attribute ${JSON.stringify(got.heights)} → ${got.attr}, rendered ${got.rendered} px, last claimcheck-height ${h}`);
    }

    // Inside the frame: the widget renders, reads its URL state and responds.
    const frame = await this.browser.findElement('#cc-frame');
    let frameRendered = false;
    if (!frame) {
      check(`${page}: embed.html renders inside the iframe`, false, 'no #cc-frame');
    } else {
      try {
        await this.browser.switchToFrame(frame);
        const seen = await waitRender(this.browser, { any: true, min: 1 }).catch((e) => ({ ok: false, widgets: [], why: e.message }));
        frameRendered = !!seen.ok;
        check(`${page}: embed.html renders inside the iframe`, seen.ok,
          seen.ok ? `in ${seen.ms} ms (${seen.widgets[0].shadow ? 'in a shadow root' : 'in the document'})`
            : `${seen.widgets.length ? describeWidgets(seen.widgets) : 'no .cc-root'}${seen.body ? `; page text: ${JSON.stringify(seen.body)}` : ''}`);
        const sw = await this.browser.execute(`${H} const r = ccAllRoots()[0];
          return r ? Array.from(r.querySelectorAll('button.cc-switch')).map((b) => b.dataset.hypothesis + '=' + b.getAttribute('aria-checked')).sort().join(', ') : null;`);
        check(`${page}: embed.html reads cc-hypotheses=deadline,underprovisioning from its URL`,
          sw === 'deadline=true, election=false, underprovisioning=true', String(sw));
        const embedHref = await this.browser.execute('return location.href');
        await step(`${page}: the widget in the iframe responds to a click`, () =>
          clickSwitch(this.browser, 'ccAllRoots()[0]', 'election'));
        const lt = await this.browser.execute('return document.title');
        check(`${page}: embed.html has a document title`, !!(lt && lt.trim()), JSON.stringify(lt));
        void embedHref;
      } catch (err) {
        check(`${page}: inside the iframe`, false, err.message);
      } finally {
        await this.browser.switchToFrame(null).catch(() => {});
      }
    }

    // A size change (a narrower viewport reflows the content): a new height
    // arrives and the iframe follows. 360 px where the engine allows it;
    // headless Firefox and WebKitGTK's MiniBrowser stop at about 450 px
    // (their minimum window width), which reflows the 720 px slot all the same.
    await step(`${page}: after a size change (viewport 1200 px → 360 px wide, or the engine's narrowest) a new height is posted and the iframe follows`, async () => {
      const before = await this.browser.execute(READ);
      const n = before.dw.length;
      const prev = Number(before.attr);
      const [vw] = await this.browser.setViewportSize(NARROW[0], NARROW[1]);
      try {
        if (vw > 600) return [false, `the viewport only narrowed to ${vw} px: no reflow to test`];
        const r = await this.browser.waitFor(`const r = (() => {${READ}})();
          const last = r.dw[r.dw.length - 1];
          return r.dw.length > ${n} && last && Math.abs(Number(r.attr) - Math.ceil(last['claimcheck-height'])) <= 2 && Number(r.attr) !== ${prev} ? r : false;`,
        { timeoutMs: 10_000, what: 'a new height' }).catch(() => null);
        if (!r) {
          const now = await this.browser.execute(READ);
          return [false, `viewport ${vw} px wide; height attribute ${prev} → ${now.attr}; claimcheck-height messages ${n} → ${now.dw.length}` +
            (now.dw.length ? ` (last ${now.dw[now.dw.length - 1]['claimcheck-height']})` : '')];
        }
        return [true, `viewport ${vw} px wide: height ${prev} → ${r.attr} (${r.dw.length - n} new message(s))`];
      } finally {
        await this.browser.setViewportSize(...VIEWPORT);
      }
    });
    const f1 = await this.browser.findElement('#cc-frame').catch(() => null);
    await this.noErrors(page, { frame: f1 });
    const f2 = await this.browser.findElement('#cc-frame').catch(() => null);
    await this.axe(page, f2 ? [f2] : [], frameRendered);
    await this.pym();
  }

  /** embed.html behind a real pym.js parent (when pym.js is installed in the tools folder). */
  async pym() {
    const page = 'pym.html';
    if (!existsSync(PYM_PATH)) {
      notApplicable(`${page}: a real pym.js parent sizes the iframe from the widget's messages`,
        `pym.js is not installed (${PYM_PATH}; npm install pym.js@1.3.2 in the tools folder)`);
      return;
    }
    await this.load(page);
    await step(`${page}: a real pym.js parent (pym.Parent) sizes the iframe it made from the widget's height messages (> 600 px)`, async () => {
      const r = await this.browser.waitFor(`const f = document.querySelector('#pym-slot iframe');
        if (window.__pymError) return { error: window.__pymError };
        return f && parseFloat(f.getAttribute('height')) > 600 ? { height: f.getAttribute('height'), src: f.src,
          rendered: Math.round(f.getBoundingClientRect().height) } : false;`,
      { timeoutMs: RENDER_TIMEOUT_MS, what: 'pym.js to size the iframe' }).catch(() => this.browser.execute(`
        const f = document.querySelector('#pym-slot iframe');
        return { stuck: true, error: window.__pymError || null, height: f ? f.getAttribute('height') : 'no iframe', src: f ? f.src : null };`));
      if (r.error) return [false, r.error];
      return [!r.stuck && /childId=pym-slot/.test(r.src), `iframe height ${r.height}${r.rendered ? ` (rendered ${r.rendered} px)` : ''}; src ${r.src}`];
    });
    const f = await this.browser.findElement('#pym-slot iframe').catch(() => null);
    await this.noErrors(page, { frame: f });
    const f2 = await this.browser.findElement('#pym-slot iframe').catch(() => null);
    await this.axe(page, f2 ? [f2] : [], !!f2);
  }


  /**
   * With --support: mounts a widget with the JS API in #api-target (it
   * shares the page's analysis of the default story) and checks that its
   * verdicts, support and sentences are the CLI's once it has finished.
   */
  async sameAsCli(page, when) {
    if (!this.opts.support) return;
    const out = await this.browser.executeAsync(`${H}
      const done = arguments[arguments.length - 1];
      (async () => {
        const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
        const t0 = Date.now();
        while (!window.claimcheck && Date.now() - t0 < 20000) await sleep(50);
        if (!window.claimcheck) return done({ error: 'no window.claimcheck' });
        let h;
        try { h = window.claimcheck.mount(document.getElementById('api-target')); } catch (e) { return done({ error: String(e) }); }
        for (;;) {
          const r = h.results();
          if (r.analysis && r.analysis.finished) {
            return done({ claims: r.claims.map((c) => ({ id: c.id, verdict: c.verdict, support: c.support, why: c.why })) });
          }
          if (Date.now() - t0 > 60000) return done({ error: 'not finished: ' + JSON.stringify(r.analysis) });
          await sleep(100);
        }
      })();`, [], 70_000).catch((e) => ({ error: e.message }));
    const cli = JSON.parse(readFileSync(this.opts.support, 'utf8'));
    const diffs = out.claims ? cli.claims.filter((c) => {
      const w = out.claims.find((x) => x.id === c.id);
      return !(w && w.verdict === c.verdict && Math.abs(w.support - c.support) < 0.005 && w.why === c.why);
    }) : cli.claims;
    check(`${page}: ${when}, the verdicts, support and sentences are the CLI's (claimcheck support)`,
      !!out.claims && diffs.length === 0,
      out.claims ? out.claims.map((c) => `${c.id}=${c.verdict} ${(c.support * 100).toFixed(2)}%`).join(', ') +
        (diffs.length ? `; differs from the CLI on ${diffs.map((c) => `${c.id} (CLI ${c.verdict} ${(c.support * 100).toFixed(2)}%)`).join(', ')}` : '')
        : out.error);
  }

  // --------------------------------------------------------------- fault

  /**
   * An error that cuts a slice of the analysis short (fault.html: the
   * clock throws once): the widget stays usable, the analysis starts
   * again and finishes with the same verdicts, and the console says so.
   */
  async fault() {
    const page = 'fault.html';
    await this.load(page);
    const seen = await waitRender(this.browser, { min: 1 });
    check(`${page}: the widget renders`, seen.ok, seen.ok ? `in ${seen.ms} ms` : describeWidgets(seen.widgets));
    const root = `ccRootOf(document.querySelector('[data-claimcheck]'))`;
    // Armed once the analysis is under way: the 150th clock reading from now.
    await this.browser.execute('window.__ccFault.in = 150;');
    const thrown = await this.browser.waitFor('return window.__ccFault.thrown > 0', { timeoutMs: 30_000, what: 'the injected fault' })
      .then(() => true, () => false);
    check(`${page}: the injected error was thrown (performance.now(), in the middle of the analysis)`, thrown,
      thrown ? 'thrown once' : 'never thrown: the widget does not read the clock any more?');
    await step(`${page}: after the error, the widget still responds to a click on a switch`, () => clickSwitch(this.browser, root, 'election'));
    const a = await waitAnalysis(this.browser, root);
    check(`${page}: after the error, the analysis still finishes (every claim has its verdict)`,
      seen.ok && a.ok, seen.ok ? (a.ok ? `${a.ms} ms after the click` : `not after ${a.ms} ms: ${a.progress}`) : 'no rendered widget');
    const log = await this.browser.consoleLog();
    const warned = [...new Set(log.filter((e) => e.level === 'WARNING')
      .map((e) => (/claimcheck: a slice of the analysis stopped with an error[^"]*/.exec(e.message) || [])[0]).filter(Boolean))];
    check(`${page}: the console says the analysis started again, once (a warning)`, warned.length === 1,
      warned.length ? `${warned.length}: ${warned.join(' | ')}` : `${log.length} entries: ${log.map((e) => `${e.level} ${e.message}`).join(' | ').slice(0, 400)}`);
    // The injected error is the only one: no panic, no second error.
    const severe = [...new Set(log.filter((e) => e.level === 'SEVERE').map((e) => e.message))];
    const other = severe.filter((m) => !/injected fault|^Script error\.?$/.test(m));
    check(`${page}: no error but the injected one (no panic after it)`, other.length === 0 && !severe.some((m) => /panicked/.test(m)),
      severe.join(' | ') || 'none');
    await this.sameAsCli(page, 'after the error');
  }

  // --------------------------------------------------------------- stall

  /**
   * A worker that dies without a word (stall.html): the widget's watchdog
   * must notice, finish the analysis on the main thread with the chunks
   * that did arrive, give the same verdicts, and say so in the console.
   */
  async stall() {
    const page = 'stall.html';
    await this.load(page);
    const seen = await waitRender(this.browser, { min: 1 });
    check(`${page}: the widget renders`, seen.ok, seen.ok ? `in ${seen.ms} ms` : describeWidgets(seen.widgets));
    const root = `ccRootOf(document.querySelector('[data-claimcheck]'))`;
    await this.gated(seen.ok, `${page}: the analysis workers started (the stalling copy of claimcheck-worker.js was fetched)`, async () => {
      const got = this.requests.filter((r) => r.path === '/__stall/claimcheck-worker.js');
      return [got.some((r) => r.status === 200), got.map((r) => `${r.server} ${r.path} ${r.status}`).join(', ') || 'not fetched'];
    });
    const a = await waitAnalysis(this.browser, root);
    check(`${page}: a worker goes silent after its first chunk, and the analysis still finishes (every claim has its verdict)`,
      seen.ok && a.ok, seen.ok ? (a.ok ? `${a.ms} ms after the first render` : `not after ${a.ms} ms: ${a.progress}`) : 'no rendered widget');
    await this.gated(seen.ok, `${page}: it finished on the main thread (.cc-root[data-analysis=slices])`, async () => {
      const mode = await this.browser.execute(`${H} const r = ${root}; return r && r.getAttribute('data-analysis');`);
      return [mode === 'slices', `data-analysis=${JSON.stringify(mode)}`];
    });
    const log = await this.browser.consoleLog();
    // Chromium has it twice, from its driver's log and from the page's hook:
    // count distinct messages.
    const warned = [...new Set(log.filter((e) => e.level === 'WARNING')
      .map((e) => (/claimcheck: the analysis workers stopped sending draws[^"]*/.exec(e.message) || [])[0]).filter(Boolean))];
    check(`${page}: the console says why, once (a warning: "claimcheck: the analysis workers stopped sending draws…")`,
      warned.length === 1, warned.length ? `${warned.length}: ${warned.join(' | ')}` :
        `${log.length} entries: ${log.map((e) => `${e.level} ${e.message}`).join(' | ').slice(0, 400)}`);
    const severe = log.filter((e) => e.level === 'SEVERE');
    check(`${page}: no console error on the way`, severe.length === 0, severe.map((e) => e.message).join(' | ') || `${log.length} entries, none severe`);
    // The same verdicts as a worker that never failed: the CLI's.
    await this.sameAsCli(page, 'after the takeover');
    await this.noErrors(page);
  }

  // --------------------------------------------------------------- api

  async api() {
    const page = 'api.html';
    await this.load(page);
    const loaderUrl = `${this.distBase}claimcheck.js`;
    const other = OTHER_ID ? { id: OTHER_ID, title: SCENARIOS[OTHER_ID].title.en, hypotheses: SCENARIOS[OTHER_ID].hypotheses.map((h) => h.id) } : null;
    const out = await this.browser.executeAsync(API_SCRIPT, [loaderUrl, other, ANALYSIS_TIMEOUT_MS], ANALYSIS_TIMEOUT_MS + 90_000)
      .catch((e) => ({ fatal: e.message }));
    if (out.fatal) check(`${page}: the API script ran`, false, out.fatal);
    check(`${page}: window.claimcheck has mount() and a version`,
      !!(out.keys && out.mountType === 'function' && typeof out.version === 'string' && out.version),
      out.keys ? `keys: ${out.keys.join(', ')}; mount: ${out.mountType}; version: ${JSON.stringify(out.version)}` : 'no window.claimcheck');
    check(`${page}: window.claimcheck.ready resolves`, out.ready === 'resolved', String(out.ready));
    check(`${page}: the module exports mount()`, out.moduleMount === 'function', String(out.moduleMount) +
      (out.sameMount === false ? ' (not the same function as window.claimcheck.mount)' : ''));
    check(`${page}: mount(el, {hypotheses: "deadline,underprovisioning"}) returns a handle with set, results, on, destroy`,
      !!(out.handle && Object.values(out.handle).every((t) => t === 'function')),
      out.mountError ? `threw ${JSON.stringify(out.mountError)}` : JSON.stringify(out.handle));
    check(`${page}: the mounted widget renders`, out.rendered === true, String(out.rendered));
    check(`${page}: after mount(el, {hypotheses: "deadline,underprovisioning"}) the rendered switches match (election off, the others on)`,
      sameSwitches(out.mountSwitches, { election: 'false', deadline: 'true', underprovisioning: 'true' }),
      JSON.stringify(out.mountSwitches));
    check(`${page}: results().hypotheses is ["deadline", "underprovisioning"]`,
      !!(out.r1 && JSON.stringify([...out.r1.hypotheses].sort()) === '["deadline","underprovisioning"]'), JSON.stringify(out.r1 && out.r1.hypotheses));
    const r1 = out.r1;
    check(`${page}: results() has checks [{id, kind, pass, why, why_fr}] (length > 0)`,
      !!(r1 && r1.checks > 0 && ['id:string', 'kind:string', 'pass:boolean', 'why:string', 'why_fr:string'].every((f) => r1.checkShape.split(',').includes(f))),
      r1 ? `${r1.checks} checks, first: ${r1.checkShape}` : JSON.stringify(out.r1Error));
    check(`${page}: results() has scenario "${DEFAULT_ID}", reader and reader_fr lines, reproduced/observations counts and analysis {done, total, finished}`,
      !!(r1 && r1.scenario === DEFAULT_ID && r1.reader && r1.readerFr && typeof r1.reproduced === 'number' && typeof r1.observations === 'number' &&
        r1.analysis === 'done:number,finished:boolean,total:number'),
      r1 ? `scenario ${r1.scenario}; reader ${JSON.stringify(r1.reader)}; reader_fr ${JSON.stringify(r1.readerFr)}; ${r1.reproduced}/${r1.observations}; analysis ${r1.analysis}` : 'no results');
    check(`${page}: results().claims[].verdict is null while the analysis has no result yet, or a verdict`,
      !!(r1 && r1.claims === ETA.claims.length && r1.verdicts.every((v) => v === null || typeof v === 'string')),
      r1 ? `${r1.claims} claims, verdicts at first read: ${JSON.stringify(r1.verdicts)} (analysis ${JSON.stringify(r1.progress)})` : 'no results');
    const fin = out.finished;
    check(`${page}: results().analysis.finished becomes true and every claim has {id, verdict, support, shares, why, why_fr, hangs_on}`,
      !!(fin && fin.finished && fin.claims.every((c) => typeof c.verdict === 'string' && typeof c.support === 'number' &&
        c.shares === 'object' && typeof c.why === 'string' && typeof c.why_fr === 'string' && (c.hangs_on === null || typeof c.hangs_on === 'string'))),
      fin ? `after ${fin.ms} ms: ${fin.claims.map((c) => `${c.id}=${c.verdict} (${c.support === undefined ? '?' : Math.round(c.support * 100)}%, hangs on ${c.hangs_on})`).join(', ')}; analysis ${JSON.stringify(fin.progress)}` : JSON.stringify(out.finishedError));
    // The CLI's figures (`claimcheck support --format json`, written by
    // scripts/test): the widget must show the same verdicts, support and
    // sentences. Native and wasm may differ in a libm last bit, so the
    // support is held to 0.5 point, the verdict and the sentence exactly.
    if (this.opts.support) {
      const cli = JSON.parse(readFileSync(this.opts.support, 'utf8'));
      for (const c of cli.claims) {
        const w = fin && fin.claims.find((x) => x.id === c.id);
        check(`${page}: ${c.id}: the widget's verdict, support and sentence are the CLI's (claimcheck support)`,
          !!(w && w.verdict === c.verdict && Math.abs(w.support - c.support) < 0.005 && w.why === c.why && w.why_fr === c.why_fr),
          w ? `widget ${w.verdict} ${(w.support * 100).toFixed(2)}% "${w.why}"; CLI ${c.verdict} ${(c.support * 100).toFixed(2)}% "${c.why}"` : `no claim ${c.id} in the widget's results`);
      }
    }
    check(`${page}: on("change") fires as the analysis makes progress (without any set())`,
      out.changesDuringAnalysis > 0, `${out.changesDuringAnalysis} change event(s) while the analysis ran`);
    check(`${page}: results().series is a plain object of Float64Arrays (failure_fraction: one value per minute)`,
      !!(r1 && r1.series === 'object' && r1.ffType === 'Float64Array' && r1.ffLength === windowMinutes(ETA)),
      r1 ? `${r1.series}; keys: ${r1.seriesKeys.join(', ')}; failure_fraction: ${r1.ffType} × ${r1.ffLength} (window ${windowMinutes(ETA)} minutes)` : 'no results');
    check(`${page}: set({hypotheses: "none"}) changes results()`,
      !!(out.changed && out.r2 && JSON.stringify(out.r2.hypotheses) === '[]'),
      out.setError ? `threw ${JSON.stringify(out.setError)}` : out.r2 ? `changed: ${out.changed}; hypotheses ${JSON.stringify(out.r2.hypotheses)}` : 'no results');
    check(`${page}: after set({hypotheses: "none"}) every rendered switch is aria-checked=false and the drawn curve changed`,
      !!(out.noneSwitches && Object.values(out.noneSwitches).length === 3 && Object.values(out.noneSwitches).every((v) => v === 'false') && out.curveChanged),
      `switches ${JSON.stringify(out.noneSwitches)}; path.cc-curve ${out.curveChanged ? 'changed' : 'unchanged'}`);
    check(`${page}: set({hypotheses: ["election", "underprovisioning"]}) (array form) applies, in results() and in the switches`,
      !!(out.r3 && JSON.stringify([...out.r3.hypotheses].sort()) === '["election","underprovisioning"]' &&
        sameSwitches(out.arraySwitches, { election: 'true', deadline: 'false', underprovisioning: 'true' })),
      out.setArrayError ? `threw ${JSON.stringify(out.setArrayError)}` : out.r3 ? `${JSON.stringify(out.r3.hypotheses)}; switches ${JSON.stringify(out.arraySwitches)}` : 'no results');
    if (!other) {
      notApplicable(`${page}: set({scenario: …}) renders another story`, 'only one scenario in scenarios/');
    } else if (out.otherBundled === false) {
      notApplicable(`${page}: set({scenario: "${other.id}"}) renders the other story`, `scenarios/${other.id}.json is not in this build: ${out.otherError}`);
    } else {
      check(`${page}: set({scenario: "${other.id}"}) re-renders the other story: its title, its switches, results().scenario`,
        !!(out.otherTitle === other.title && JSON.stringify(out.otherSwitches) === JSON.stringify(other.hypotheses) && out.otherScenario === other.id),
        `title ${JSON.stringify(out.otherTitle)} (expected ${JSON.stringify(other.title)}); switches ${JSON.stringify(out.otherSwitches)}; results().scenario ${out.otherScenario}` +
        (out.otherSetError ? `; threw ${JSON.stringify(out.otherSetError)}` : ''));
      check(`${page}: set() on a widget still fetching its story throws an Error saying so`,
        !!(out.earlySet && out.earlySet.threw && out.earlySet.isError && /still loading its story/.test(out.earlySet.message)),
        JSON.stringify(out.earlySet));
      // Only the default story is in the wasm; the other one is a file of
      // the bundle, fetched once, when a widget first shows it.
      const got = this.requests.filter((r) => r.path === `${DIST_PATH}stories/${other.id}.bin`);
      check(`${page}: the other story was fetched on demand from the bundle (stories/${other.id}.bin, once)`,
        got.length === 1 && got[0].status === 200, got.map((r) => `${r.server} ${r.method} ${r.path} ${r.status}`).join(', ') || 'never fetched');
    }
    check(`${page}: mount(el, {controls: "chart"}) shows the chart only (no switches, claims or tabs)`,
      !!(out.chartOnly && out.chartOnly.chart && out.chartOnly.switches.length === 0 && out.chartOnly.claims === 0 && out.chartOnly.tabs.length === 0),
      out.chartOnlyError ? `threw ${JSON.stringify(out.chartOnlyError)}` : JSON.stringify(out.chartOnly));
    for (const [label, field, extra] of BAD_OPTIONS) {
      const e = out.bad && out.bad[label];
      check(`${page}: mount(el, ${label}) throws an Error naming the field \`${field}\`${extra ? ` and ${extra.join(', ')}` : ''}`,
        !!(e && e.threw && e.isError && (e.message.includes(`\`${field}\``) || e.message.includes(`\`params.${field}\``)) &&
          (extra || []).every((x) => e.message.includes(x))),
        JSON.stringify(e));
    }
    check(`${page}: handle.set({hypotheses: "aliens"}) throws an Error naming hypotheses`,
      !!(out.badSet && out.badSet.threw && out.badSet.isError && /hypotheses/.test(out.badSet.message)),
      JSON.stringify(out.badSet));
    check(`${page}: rejected mounts leave no widget behind`, out.badLeftWidget === false, `left a .cc-root: ${out.badLeftWidget}`);

    await step(`${page}: on("change", fn) fires when the reader clicks a switch`, async () => {
      const before = await this.browser.execute('return window.__apiFired');
      if (typeof before !== 'number') return [false, 'no handler registered'];
      const r = await clickSwitch(this.browser, `ccRootOf(document.getElementById('api-target'))`, 'election');
      const fired = await this.browser.waitFor(`return window.__apiFired > ${before} && window.__apiFired`,
        { timeoutMs: 3000, what: 'the change handler' }).catch(() => 0);
      const arg = await this.browser.execute('return window.__apiLastArg');
      return [!!fired && r[0], `fired ${fired ? fired - before : 0} time(s) (argument: ${arg}); ${r[1]}`];
    });
    await this.noErrors(page);
    await this.axe(page, [], out.rendered === true);
    await step(`${page}: destroy() empties the element`, async () => {
      const r = await this.browser.execute(`const h = window.__apiHandle; if (!h) return { none: true };
        try { h.destroy(); } catch (e) { return { threw: String(e && e.message || e) }; } return { ok: true };`);
      if (r.none) return [false, 'no handle'];
      if (r.threw) return [false, `destroy() threw: ${r.threw}`];
      const s = await this.browser.waitFor(`const el = document.getElementById('api-target'); const sr = el.shadowRoot;
        const n = el.childElementCount + (sr ? sr.childElementCount : 0);
        return n === 0 ? { n } : false;`, { timeoutMs: 3000, what: 'an empty element' })
        .catch(() => this.browser.execute(`const el = document.getElementById('api-target'); const sr = el.shadowRoot;
          return { n: el.childElementCount + (sr ? sr.childElementCount : 0), root: !!(sr && sr.querySelector('.cc-root')) };`));
      return [s.n === 0, s.n === 0 ? 'no elements left (light DOM or shadow root)' : `${s.n} element(s) left${s.root ? ', including .cc-root' : ''}`];
    });
    await step(`${page}: no errors after destroy()`, async () => {
      await sleep(300);
      const e = await this.browser.execute('return window.__errors || []');
      const log = (await this.browser.consoleLog()).filter((x) => x.level === 'SEVERE').map((x) => x.message);
      return [e.length === 0 && log.length === 0, [...e, ...log].join(' | ') || 'none'];
    });
  }

  // -------------------------------------------------------------- text

  /**
   * The copy desk's test: in English and French, for every bundled
   * scenario, the widget's rendered text with every panel open in turn
   * and every details element open (innerText-like text of the text nodes
   * shown, plus aria-label, aria-valuetext, title and alt), checked against
   * the rules in copy-rules.mjs. Prints every offending snippet.
   */
  async text() {
    const page = 'api.html';
    await this.load(page, `${page} (rendered text)`);
    const combos = [];
    for (const id of Object.keys(SCENARIOS).sort((a, b) => (a === DEFAULT_ID ? -1 : b === DEFAULT_ID ? 1 : a.localeCompare(b)))) {
      for (const lang of ['en', 'fr']) combos.push({ scenario: id, lang });
    }
    // A control, read the same way from inside the first French widget: it
    // breaks every French rule once, so the rules must catch it.
    const control = `Contrôle : 5,0 % à 14,0 h, 17000 internautes, « x » et "y" ${ETA.claims[0].id}`;
    const out = await this.browser.executeAsync(TEXT_SCRIPT, [combos, PANELS, ANALYSIS_TIMEOUT_MS, control], ANALYSIS_TIMEOUT_MS + 120_000)
      .catch((e) => ({ fatal: e.message }));
    if (out.fatal) {
      check(`${page}: the rendered-text script ran`, false, out.fatal);
      return;
    }
    await step(`rendered text: control — a French line that breaks every rule, read from inside a French widget, is caught by every French rule`, async () => {
      const w = out.widgets.find((x) => x.control);
      if (!w) return [false, 'no control was read'];
      const found = new Set(checkText({ lang: 'fr', panels: [w.control] }, SCENARIOS[w.scenario]).map((f) => f.rule));
      const rules = ['space-before-colon', 'space-before-percent', 'space-inside-guillemets', 'english-quotes-in-french',
        'trailing-zero', 'decimal-hour', 'french-thousands', 'internal-id'];
      const missed = rules.filter((r) => !found.has(r));
      return [missed.length === 0, missed.length ? `missed: ${missed.join(', ')} in ${JSON.stringify(w.control.segs.map((x) => x.text).join(' | '))}`
        : `all ${rules.length} rules fired on ${JSON.stringify(control)}`];
    });
    for (const w of out.widgets) {
      const label = `rendered text, ${w.scenario}, ${w.lang}`;
      if (w.notBundled) {
        notApplicable(`${label}: the copy desk's rules`, `scenario ${w.scenario} is not in this build (${w.notBundled})`);
        continue;
      }
      if (w.error) {
        check(`${label}: the widget mounts, finishes its analysis and opens every panel`, false, w.error);
        continue;
      }
      check(`${label}: the widget mounts, finishes its analysis and opens every panel`,
        w.finished && w.panels.length === PANELS.length + 1,
        `${w.finished ? 'analysis finished' : 'analysis NOT finished'}; views read: ${w.panels.map((p) => `${p.view} (${p.chars} chars)`).join(', ')}`);
      check(`${label}: the widget is in ${w.lang === 'fr' ? 'French (lang=fr-CA)' : 'English (lang=en-CA)'}`,
        w.rootLang === (w.lang === 'fr' ? 'fr-CA' : 'en-CA'), `lang="${w.rootLang}"`);
      const findings = checkText(w, SCENARIOS[w.scenario]);
      if (w.lang === 'fr') {
        const st = frenchStats(w);
        note(`${label}: the French rules read ${st.colons} colons, ${st.percents} per cent signs, ${st.guillemets} guillemets and ${st.bigNumbers} numbers of 10 000 or more (counted over every view)`);
      }
      const byRule = new Map();
      for (const f of findings) {
        if (!byRule.has(f.rule)) byRule.set(f.rule, []);
        byRule.get(f.rule).push(f);
      }
      const rules = w.lang === 'fr'
        ? ['space-before-colon', 'space-before-percent', 'space-inside-guillemets', 'english-quotes-in-french', 'trailing-zero', 'decimal-hour', 'french-thousands', 'internal-id']
        : ['trailing-zero', 'decimal-hour', 'internal-id'];
      for (const rule of rules) {
        const list = byRule.get(rule) || [];
        const lines = list.map((f) => `${f.view}${f.where ? ` ${f.where}` : ''}: «${f.snippet}»${f.count > 1 ? ` (×${f.count})` : ''}`);
        check(`${label}: no ${RULE_NAMES[rule]}`, list.length === 0,
          list.length ? `${list.length} finding(s):\n      ${lines.join('\n      ')}` : `${w.panels.reduce((n, p) => n + p.chars, 0)} chars read`);
      }
    }
  }
}

const RULE_NAMES = {
  'space-before-colon': 'plain space (U+0020) before ":" in French (must be U+00A0)',
  'space-before-percent': 'plain space (U+0020) before "%" in French (must be U+00A0 or U+202F)',
  'space-inside-guillemets': 'plain space (U+0020) after « or before » in French',
  'english-quotes-in-french': '" “ ” in French text outside an English original (lang=en)',
  'trailing-zero': 'trailing ,0 / .0 (5,0 %, 1.0 times)',
  'decimal-hour': 'decimal hour (14,0 h, 21,5 h, 14.0 h)',
  'french-thousands': 'French thousands written 17000, 17 000 with a plain space, or 17,000 (≥ 10 000)',
  'internal-id': 'internal id (event, claim, hypothesis, parameter or component) in reader-visible text',
};

// Mounts one widget per {scenario, lang} (reporter mode, so the share panel
// has all it can show), waits for each analysis, then reads each widget's
// text with no panel open and with every panel open in turn, every
// <details> open. Text nodes are read in document order; a new block (or an
// SVG <text>) starts a new line, as innerText would. Each text node knows
// its language (the nearest [lang]); English originals inside French are
// kept apart.
const TEXT_SCRIPT = `${H}
const combos = arguments[0];
const panels = arguments[1];
const analysisMs = arguments[2];
const controlText = arguments[3];
const done = arguments[arguments.length - 1];
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
async function until(f, ms) {
  const t0 = performance.now();
  for (;;) { let v; try { v = f(); } catch (e) { v = null; } if (v) return v; if (performance.now() - t0 > ms) return null; await sleep(100); }
}
function blockOf(node, root) {
  let e = node.parentElement;
  while (e && e !== root) {
    if (e instanceof SVGElement && (e.tagName === 'text' || e.tagName === 'title')) return e;
    const d = getComputedStyle(e).display;
    if (!d.startsWith('inline') && d !== 'contents') return e;
    e = e.parentElement;
  }
  return root;
}
function read(root) {
  const segs = []; // { lang, text }
  let lastBlock = null;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const p = n.parentElement;
    if (!p || p.closest('textarea, script, style')) continue;
    const inSvgTitle = p.closest('svg title');
    if (!inSvgTitle && p.getClientRects().length === 0) continue;
    const t = n.data.replace(/[ \\t\\n\\r]+/g, ' ');
    if (!t.trim()) { if (t && segs.length) segs[segs.length - 1].text += ' '; continue; }
    const block = blockOf(n, root);
    const lang = (p.closest('[lang]') || root).getAttribute('lang') || '';
    const sep = block !== lastBlock;
    lastBlock = block;
    const last = segs[segs.length - 1];
    if (!sep && last && last.lang === lang) last.text += t;
    else segs.push({ lang, text: t, nl: sep });
  }
  const attrs = [];
  for (const el of root.querySelectorAll('[aria-label], [aria-valuetext], [title], [alt], [placeholder]')) {
    for (const a of ['aria-label', 'aria-valuetext', 'title', 'alt', 'placeholder']) {
      const v = el.getAttribute(a);
      if (v) attrs.push({ lang: (el.closest('[lang]') || root).getAttribute('lang') || '', name: a,
        where: el.tagName.toLowerCase() + (el.getAttribute('class') ? '.' + el.getAttribute('class').split(/\\s+/)[0] : ''), value: v });
    }
  }
  return { segs, attrs };
}
(async () => {
  const cc = await until(() => window.claimcheck, 20000);
  if (!cc) { done({ fatal: 'window.claimcheck never appeared' }); return; }
  await cc.ready;
  const widgets = [];
  for (const c of combos) {
    const el = document.createElement('div');
    el.className = 'embed';
    document.querySelector('main').appendChild(el);
    const w = { scenario: c.scenario, lang: c.lang, el };
    try { w.handle = cc.mount(el, { scenario: c.scenario, lang: c.lang, reporter: true }); }
    catch (e) { w.notBundled = String(e && e.message || e); el.remove(); }
    widgets.push(w);
  }
  const live = widgets.filter((w) => w.handle);
  await until(() => live.every((w) => { try { return w.handle.results().analysis.finished; } catch (e) { return false; } }), analysisMs);
  await sleep(300);
  const result = [];
  for (const w of widgets) {
    const r = { scenario: w.scenario, lang: w.lang, panels: [] };
    result.push(r);
    if (w.notBundled) { r.notBundled = w.notBundled; continue; }
    try {
      const root = w.el.shadowRoot.querySelector('.cc-root');
      r.rootLang = root.getAttribute('lang');
      r.finished = w.handle.results().analysis.finished;
      const openAll = () => { for (const d of root.querySelectorAll('details')) d.open = true; };
      openAll(); await frame();
      const first = read(root);
      r.panels.push({ view: '(no panel)', chars: first.segs.reduce((n, s) => n + s.text.length, 0), ...first });
      if (w.lang === 'fr' && !result.some((x) => x.control)) {
        const p = document.createElement('p');
        p.className = 'cc-test-control';
        p.textContent = controlText;
        root.appendChild(p);
        await frame();
        const t = read(p);
        r.control = { view: 'control', ...t };
        p.remove();
        await frame();
      }
      for (const id of panels) {
        const tab = root.querySelector('.cc-tab[data-panel="' + id + '"]');
        if (!tab) continue;
        if (tab.getAttribute('aria-expanded') !== 'true') tab.click();
        await until(() => root.querySelector('[data-open-panel="' + id + '"]'), 3000);
        await frame();
        openAll(); await frame();
        const t = read(root);
        r.panels.push({ view: id + ' panel', chars: t.segs.reduce((n, s) => n + s.text.length, 0), ...t });
      }
      const open = root.querySelector('.cc-tab[aria-expanded="true"]');
      if (open) open.click();
    } catch (e) { r.error = String(e && e.stack || e); }
    try { w.handle.destroy(); } catch (e) {}
    w.el.remove();
  }
  done({ widgets: result });
})().catch((e) => done({ fatal: 'text script error: ' + (e && e.stack || e) }));
`;

// Bad options for mount(): [label, field the message must name, other words it must contain].
const BAD_OPTIONS = [
  ['{hypotheses: "aliens"}', 'hypotheses', ['election', 'deadline', 'underprovisioning']],
  ['{params: {timeout_s: 99999}}', 'timeout_s'],
  ['{params: {warp_factor: 9}}', 'warp_factor'],
  ['{controls: "bogus"}', 'controls', ['bogus']],
  ['{view: "kitchen"}', 'view'],
  ['{scenario: "nowhere"}', 'scenario'],
  ['{lang: "de"}', 'lang'],
  ['{theme: "neon"}', 'theme'],
  ['{static: "yes"}', 'static'],
  ['{colour: "red"}', 'colour'],
];

// The JS API, run inside api.html. Reports everything; the harness judges.
const API_SCRIPT = `${H}
const loaderUrl = arguments[0];
const other = arguments[1];
const analysisMs = arguments[2];
const done = arguments[arguments.length - 1];
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function until(f, ms) {
  const t0 = performance.now();
  for (;;) {
    let v; try { v = f(); } catch (e) { v = null; }
    if (v) return v;
    if (performance.now() - t0 > ms) return null;
    await sleep(50);
  }
}
// The page's own constructors: Firefox runs WebDriver scripts in a sandbox
// whose Error and Map are not the page's, so a bare \`instanceof Error\`
// would be false there for an Error the widget threw.
const PageError = window.Error;
const PageMap = window.Map;
const errInfo = (e) => e instanceof PageError ? { isError: true, name: e.name, message: e.message } : { isError: false, message: String(e) };
const shapeOf = (o) => o && typeof o === 'object' ? Object.keys(o).sort().map((k) => k + ':' + typeof o[k]).join(',') : typeof o;
function shape(r) {
  const ff = r && r.series && r.series.failure_fraction;
  return {
    scenario: r && r.scenario,
    hypotheses: r && r.hypotheses,
    reader: r && r.reader, readerFr: r && r.reader_fr,
    reproduced: r && r.reproduced, observations: r && r.observations,
    analysis: r && shapeOf(r.analysis), progress: r && r.analysis,
    checks: r && Array.isArray(r.checks) ? r.checks.length : typeof (r && r.checks),
    checkShape: r && Array.isArray(r.checks) ? shapeOf(r.checks[0]) : '',
    claims: r && Array.isArray(r.claims) ? r.claims.length : typeof (r && r.claims),
    verdicts: r && Array.isArray(r.claims) ? r.claims.map((c) => c.verdict) : [],
    series: r && r.series instanceof PageMap ? 'Map' : typeof (r && r.series),
    seriesKeys: r && r.series && !(r.series instanceof PageMap) ? Object.keys(r.series) : [],
    ffType: ff ? Object.prototype.toString.call(ff).slice(8, -1) : typeof ff, ffLength: ff ? ff.length : null,
  };
}
const rootIn = (el) => el.shadowRoot && el.shadowRoot.querySelector('.cc-root');
const curve = (el) => ccCurve(rootIn(el));
(async () => {
  const out = {};
  const cc = await until(() => window.claimcheck, 20000);
  if (!cc) { done({ fatal: 'window.claimcheck never appeared (20 s)' }); return; }
  out.keys = Object.keys(cc);
  out.mountType = typeof cc.mount;
  out.version = cc.version;
  if (cc.ready && typeof cc.ready.then === 'function') {
    out.ready = await Promise.race([
      cc.ready.then(() => 'resolved', (e) => 'rejected: ' + (e && e.message || e)),
      sleep(20000).then(() => 'still pending after 20 s'),
    ]);
  } else out.ready = 'window.claimcheck.ready is not a promise (' + typeof cc.ready + ')';
  try {
    const mod = await import(loaderUrl);
    out.moduleMount = typeof mod.mount;
    out.sameMount = mod.mount === cc.mount;
  } catch (e) { out.moduleMount = 'import failed: ' + e.message; }
  const el = document.getElementById('api-target');
  let h;
  try { h = cc.mount(el, { hypotheses: 'deadline,underprovisioning' }); } catch (e) { out.mountError = errInfo(e); done(out); return; }
  window.__apiHandle = h;
  out.handle = { set: typeof (h && h.set), results: typeof (h && h.results), on: typeof (h && h.on), destroy: typeof (h && h.destroy) };
  out.rendered = !!(await until(() => curve(el), 20000));
  out.mountSwitches = ccSwitches(rootIn(el));
  try { out.r1 = shape(h.results()); } catch (e) { out.r1Error = errInfo(e); }
  window.__apiFired = 0;
  let changes = 0;
  try { h.on('change', (x) => { changes++; window.__apiFired++; window.__apiLastArg = x === undefined ? 'undefined' : typeof x; }); } catch (e) { out.onError = errInfo(e); }
  // The analysis: results() has verdicts once it finished.
  const t0 = performance.now();
  const fin = await until(() => { const r = h.results(); return r.analysis && r.analysis.finished ? r : null; }, analysisMs);
  out.changesDuringAnalysis = changes;
  if (fin) {
    out.finished = { finished: true, ms: Math.round(performance.now() - t0), progress: fin.analysis,
      claims: fin.claims.map((c) => ({ id: c.id, verdict: c.verdict, support: c.support, shares: typeof c.shares, why: c.why, why_fr: c.why_fr, hangs_on: c.hangs_on })) };
  } else {
    try { out.finishedError = { notFinished: h.results().analysis }; } catch (e) { out.finishedError = errInfo(e); }
  }
  const r1s = JSON.stringify(h.results());
  const d1 = curve(el);
  try {
    h.set({ hypotheses: 'none' });
    await until(() => curve(el) !== d1 && Object.values(ccSwitches(rootIn(el))).every((v) => v === 'false'), 3000);
    await sleep(100);
    const r2 = h.results();
    out.r2 = shape(r2);
    out.changed = JSON.stringify(r2) !== r1s;
    out.curveChanged = curve(el) !== d1;
    out.noneSwitches = ccSwitches(rootIn(el));
  } catch (e) { out.setError = errInfo(e); }
  try {
    h.set({ hypotheses: ['election', 'underprovisioning'] });
    await until(() => ccSwitches(rootIn(el)).election === 'true', 3000);
    await sleep(100);
    out.r3 = shape(h.results());
    out.arraySwitches = ccSwitches(rootIn(el));
  } catch (e) { out.setArrayError = errInfo(e); }
  const fresh = () => { const d = document.createElement('div'); d.className = 'embed'; document.querySelector('main').appendChild(d); return d; };
  if (other) {
    // Is the other story in this build? A probe mount says.
    const probe = fresh();
    try { const hp = cc.mount(probe, { scenario: other.id }); out.otherBundled = true; try { hp.destroy(); } catch (e) {} }
    catch (e) { out.otherBundled = false; out.otherError = errInfo(e).message; }
    probe.remove();
    // The other story is fetched on demand, and is not here yet: set()
    // on a widget still loading it says so (and changes nothing).
    const early = fresh();
    try {
      const he = cc.mount(early, { scenario: other.id });
      try { he.set({ hypotheses: 'none' }); out.earlySet = { threw: false }; } catch (e) { out.earlySet = { threw: true, ...errInfo(e) }; }
      try { he.destroy(); } catch (e) {}
    } catch (e) { out.earlySet = { mountThrew: true, ...errInfo(e) }; }
    early.remove();
    if (out.otherBundled) {
      try {
        h.set({ scenario: other.id });
        await until(() => ccText(rootIn(el).querySelector('.cc-title')) === other.title, 5000);
        await sleep(100);
        out.otherTitle = ccText(rootIn(el).querySelector('.cc-title'));
        out.otherSwitches = Array.from(rootIn(el).querySelectorAll('button.cc-switch')).map((b) => b.dataset.hypothesis);
        out.otherScenario = h.results().scenario;
      } catch (e) { out.otherSetError = errInfo(e); }
      // Back to the default story for the click test below.
      try { h.set({ hypotheses: 'deadline,underprovisioning' }); await until(() => ccSwitches(rootIn(el)).deadline === 'true', 5000); } catch (e) { out.backError = errInfo(e); }
    }
  }
  // controls: 'chart'
  const c1 = fresh();
  try {
    const hc = cc.mount(c1, { controls: 'chart' });
    await until(() => curve(c1), 10000);
    out.chartOnly = ccParts(rootIn(c1));
    try { hc.destroy(); } catch (e) {}
  } catch (e) { out.chartOnlyError = errInfo(e); }
  c1.remove();
  // Bad options.
  const bads = {
    '{hypotheses: "aliens"}': { hypotheses: 'aliens' },
    '{params: {timeout_s: 99999}}': { params: { timeout_s: 99999 } },
    '{params: {warp_factor: 9}}': { params: { warp_factor: 9 } },
    '{controls: "bogus"}': { controls: 'bogus' },
    '{view: "kitchen"}': { view: 'kitchen' },
    '{scenario: "nowhere"}': { scenario: 'nowhere' },
    '{lang: "de"}': { lang: 'de' },
    '{theme: "neon"}': { theme: 'neon' },
    '{static: "yes"}': { static: 'yes' },
    '{colour: "red"}': { colour: 'red' },
  };
  out.bad = {};
  const used = [];
  for (const [label, opts] of Object.entries(bads)) {
    const b = fresh();
    used.push(b);
    try { const hb = cc.mount(b, opts); out.bad[label] = { threw: false }; try { hb.destroy(); } catch (e) {} }
    catch (e) { out.bad[label] = { threw: true, ...errInfo(e) }; }
  }
  try { h.set({ hypotheses: 'aliens' }); out.badSet = { threw: false }; } catch (e) { out.badSet = { threw: true, ...errInfo(e) }; }
  await sleep(200);
  out.badLeftWidget = used.some((b) => !!(b.shadowRoot && b.shadowRoot.querySelector('.cc-root')));
  for (const b of used) b.remove();
  window.__apiFired = 0; // count only the reader's click from here
  done(out);
})().catch((e) => done({ fatal: 'API script error: ' + (e && e.stack || e) }));
`;
// ---------------------------------------------------------------- main

function parseArgs(argv) {
  const opts = { dist: join(ROOT, 'dist'), pages: [], browsers: [], screenshots: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--page') opts.pages.push(argv[++i]);
    else if (a === '--browser') opts.browsers.push(...String(argv[++i]).split(','));
    else if (a === '--screenshots') opts.screenshots = argv[++i];
    else if (a === '--support') opts.support = resolve(argv[++i]);
    else if (a === '-h' || a === '--help') {
      console.log(`usage: node tests/browser/e2e.mjs [DIST] [--browser ${BROWSERS.join('|')}|all]... ` +
        `[--page ${PAGES.join('|')}]... [--screenshots DIR] [--support CLI-SUPPORT.json]`);
      process.exit(0);
    } else if (a.startsWith('-')) throw new Error(`unknown option ${a}`);
    else opts.dist = resolve(a);
  }
  if (opts.pages.length === 0) opts.pages = PAGES;
  for (const p of opts.pages) if (!PAGES.includes(p)) throw new Error(`unknown page ${p} (${PAGES.join(', ')})`);
  if (opts.browsers.length === 0 || opts.browsers.includes('all')) opts.browsers = BROWSERS;
  for (const b of opts.browsers) if (!BROWSERS.includes(b)) throw new Error(`unknown browser ${b} (${BROWSERS.join(', ')}, all)`);
  opts.browsers = BROWSERS.filter((b) => opts.browsers.includes(b));
  return opts;
}

/** embed.html and index.html as the bundle origin serves them here: with the console hook first in <head>. */
function withConsoleHook(html, path) {
  if (!path.endsWith('/embed.html') && !path.endsWith('/index.html')) return html;
  const tag = '<script src="/__harness/console-hook.js"></script>';
  const m = html.match(/<meta charset[^>]*>/i) || html.match(/<head[^>]*>/i);
  return m ? html.replace(m[0], `${m[0]}\n  ${tag}`) : `${tag}\n${html}`;
}

/** The whole suite in one browser: one session, every page. */
async function runBrowser(name, ctx) {
  current = name;
  const c = counts(name);
  const t0 = Date.now();
  let browser;
  const launchOptions = {
    browser: name,
    width: VIEWPORT[0],
    height: VIEWPORT[1],
    colorScheme: 'light',
    // The text test reads every panel of four widgets in one script.
    scriptTimeoutMs: 60_000,
  };
  try {
    try {
      browser = await Browser.launch(launchOptions);
      c.version = browser.version;
      check('the browser starts', true, `${browser.version}, session in ${Date.now() - t0} ms`);
    } catch (err) {
      check('the browser starts', false, err.message);
      return;
    }
    const vp = await browser.setViewportSize(...VIEWPORT);
    if (vp[0] !== VIEWPORT[0] || vp[1] !== VIEWPORT[1]) console.log(`  note: [${name}] viewport is ${vp.join('x')}`);
    const shots = ctx.opts.screenshots ? join(ctx.opts.screenshots, name) : null;
    if (shots) mkdirSync(shots, { recursive: true });
    const run = new Run(browser, ctx.hostServer, ctx.distServer, ctx.distBase, ctx.axeSource,
      { ...ctx.opts, screenshots: shots }, ctx.requests);
    run.heights = [];
    const times = [];
    pageTimes.set(name, times);
    for (const p of ctx.opts.pages) {
      const tp = Date.now();
      for (let attempt = 1; ; attempt++) {
        // WebKit: the page's output is held until it is known whether an
        // engine fault (ENGINE_FAULT) makes it run again.
        const retry = name === 'webkit' && attempt === 1 && c.rerun < MAX_ENGINE_RETRIES;
        if (retry) held = { lines: [], counts: { passed: 0, failed: 0, na: 0 } };
        run.engineFault = null;
        try {
          await withTimeout(run[p](), 600_000, `${p} tests`);
        } catch (err) {
          check(`${p}: tests ran to the end`, false, err.message);
        }
        if (!retry) break;
        const h = held;
        held = null;
        if (h.counts.failed > 0 && run.engineFault) {
          c.rerun++;
          console.log(`  rerun: [${name}] ${p}: WebKit faulted in the wasm (${clip(run.engineFault, 200)}) and ` +
            `${h.counts.failed} check(s) failed; the page runs once more. The first attempt's failures:`);
          for (const line of h.lines.filter((l) => l.startsWith('FAIL'))) console.log(`  rerun:   ${line}`);
          // In a new browser session: nothing the faulted one held carries over.
          try {
            await browser.quit();
            browser = await Browser.launch(launchOptions);
            run.browser = browser;
          } catch (err) {
            check(`${p}: a new ${name} session for the rerun starts`, false, err.message);
            break;
          }
          await browser.setViewportSize(...VIEWPORT).catch(() => {});
          continue;
        }
        for (const line of h.lines) console.log(line);
        c.passed += h.counts.passed;
        c.failed += h.counts.failed;
        c.na += h.counts.na;
        break;
      }
      times.push([p, Date.now() - tp]);
      await browser.setViewportSize(...VIEWPORT).catch(() => {});
    }
    if (run.heights.length) {
      console.log(`  heights [${name}]: ${run.heights.map(([k, h]) => `${k} ${h ? `${h.h} px (${h.w} px wide)` : '?'}`).join('; ')}`);
    }
    console.log(`  times [${name}]: ${times.map(([k, ms]) => `${k} ${(ms / 1000).toFixed(1)} s`).join(', ')}`);
  } finally {
    if (browser) await browser.quit();
    c.ms = Date.now() - t0;
    console.log(`e2e [${name}]${c.version ? ` ${c.version}` : ''}: ${c.passed} passed, ${c.failed} failed, ` +
      `${c.na} not applicable, in ${(c.ms / 1000).toFixed(1)} s` +
      `${c.rerun ? ` (${c.rerun} page(s) run again after a WebKit wasm fault)` : ''}`);
  }
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const axePath = join(TOOLS_DIR, 'node_modules/axe-core/axe.min.js');
  if (!existsSync(axePath)) throw new Error(`no axe-core at ${axePath}; run scripts/lib.sh's ensure_npm_tools`);
  const axeVersion = JSON.parse(readFileSync(join(TOOLS_DIR, 'node_modules/axe-core/package.json'), 'utf8')).version;
  if (axeVersion !== AXE_VERSION) throw new Error(`axe-core is ${axeVersion}, expected ${AXE_VERSION}`);
  const axeSource = readFileSync(axePath, 'utf8');
  if (!existsSync(opts.dist) || !statSync(opts.dist).isDirectory()) {
    throw new Error(`no ${opts.dist}; run trunk build --release first`);
  }
  if (opts.screenshots) mkdirSync(opts.screenshots, { recursive: true });

  // The release build's stable file names (issue 5: the embed snippet stays valid).
  for (const f of ['claimcheck.js', 'embed.html', 'claimcheck-parent.js', 'index.html']) {
    check(`the release build has ${f}`, existsSync(join(opts.dist, f)), join(opts.dist, f));
  }

  const requests = [];
  const log = (server) => (method, path, status) => requests.push({ server, method, path, status });
  const harness = { prefix: '/__harness/', dir: dirname(CONSOLE_HOOK_PATH) };
  // Real pym.js for pym.html, when the tools folder has it.
  const pym = existsSync(PYM_PATH) ? [{ prefix: '/__pym/', dir: dirname(PYM_PATH) }] : [];
  // stall.html's bundle: a copy whose worker goes silent (tests/fixtures/stall-worker.js).
  const stallDir = mkdtempSync(join(tmpdir(), 'cc-stall-'));
  cpSync(opts.dist, stallDir, { recursive: true });
  for (const f of ['claimcheck-worker.js.br', 'claimcheck-worker.js.gz']) rmSync(join(stallDir, f), { force: true });
  copyFileSync(join(FIXTURES, 'stall-worker.js'), join(stallDir, 'claimcheck-worker.js'));
  const servers = [];
  try {
    const distServer = await serveMounts([{ prefix: DIST_PATH, dir: opts.dist, transform: withConsoleHook },
      // The standalone page: Trunk's index.html links its files from the root (public_url "/").
      { prefix: '/', dir: opts.dist, transform: withConsoleHook }, harness], {
      host: '127.0.0.1',
      headers: { '/': { 'Access-Control-Allow-Origin': '*' } },
      onRequest: log('dist'),
    });
    servers.push(distServer);
    const distBase = `${distServer.origin}${DIST_PATH}`;
    const hostServer = await serveMounts([
      { prefix: '/', dir: FIXTURES, transform: (html) => html.replaceAll('{{DIST}}', distBase) },
      { prefix: DIST_PATH, dir: opts.dist },
      { prefix: '/__stall/', dir: stallDir },
      harness,
      ...pym,
    ], {
      host: 'localhost',
      headers: { '/csp.html': { 'Content-Security-Policy': STRICT_CSP } },
      onRequest: log('host'),
    });
    servers.push(hostServer);
    console.log(`bundle: ${distBase} (${opts.dist}); host pages: ${hostServer.url} (${FIXTURES}); ` +
      `browsers: ${opts.browsers.join(', ')}`);

    const ctx = { opts, hostServer, distServer, distBase, axeSource, requests };
    for (const name of opts.browsers) {
      await runBrowser(name, ctx);
    }
  } finally {
    current = 'build';
    await Promise.all(servers.map((s) => s.close()));
    rmSync(stallDir, { recursive: true, force: true });
  }
}

function summary() {
  let p = 0;
  let f = 0;
  let n = 0;
  for (const c of tally.values()) {
    p += c.passed;
    f += c.failed;
    n += c.na;
  }
  const per = [...tally.entries()].filter(([k]) => k !== 'build')
    .map(([k, c]) => `${k} ${c.passed}/${c.failed}/${c.na} in ${(c.ms / 1000).toFixed(1)} s${c.rerun ? `, ${c.rerun} page(s) run again` : ''}`).join('; ');
  console.log(`e2e: ${p} passed, ${f} failed, ${n} not applicable${per ? ` (passed/failed/n/a: ${per})` : ''}`);
  return { p, f };
}

main().then(
  () => {
    const { p, f } = summary();
    process.exit(f === 0 && p > 0 ? 0 : 1);
  },
  (err) => {
    console.log(`FAIL: [${current}] ${err.message}`);
    counts().failed++;
    summary();
    process.exit(1);
  },
);
