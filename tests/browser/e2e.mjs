// End-to-end tests of the embeds (issue 5) in three browsers, against the
// release build and the host pages in tests/fixtures/:
//
//   node tests/browser/e2e.mjs [DIST] [--browser chromium|firefox|webkit|all]...
//                              [--page NAME]... [--screenshots DIR]
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
//   CORS requests), as a CDN would serve it;
// - the host origin, http://localhost:B/ → tests/fixtures, where `{{DIST}}`
//   in an HTML file becomes the bundle origin's URL (so the script embeds
//   are cross-origin), plus the bundle again under /static/v1/ for the
//   strict-CSP page (script-src 'self' needs the same origin). csp.html is
//   served with the strict Content-Security-Policy of issue 5.
//
// Both origins also serve tests/browser/console-hook.js under /__harness/:
// every fixture page loads it first, and the bundle origin adds it to
// embed.html (the iframe page) as it serves it, so that the console is
// recorded from the first line in every engine (only Chromium's driver
// keeps a console log of its own).
//
// Pages: article.html (hostile CSS) against clean.html (no host CSS),
// three.html (several widgets, bad attributes, added and removed ones),
// csp.html, iframe.html (embed.html + claimcheck-parent.js), api.html (the
// JS API), and axe-core on each. Every assertion prints `ok: [browser] …`
// or `FAIL: [browser] …` (or `n/a: [browser] … — not applicable: why`, for
// a feature the engine does not have; none today); each browser ends with
// `e2e [browser]: N passed, M failed, K not applicable, in S s`, and the
// last line is `e2e: N passed, M failed, K not applicable` over all of
// them. The exit code is non-zero on any failure. A browser that does not
// start, a page that does not load or a widget that never renders fails
// its assertions; nothing is skipped. Every wait is bounded, and the
// drivers, browsers, Xvfb and the servers are always stopped.

import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveMounts } from './serve.mjs';
import { AXE_OPTIONS, AXE_VERSION, RUN_AXE } from './axe-core.mjs';
import { BROWSERS, Browser, CONSOLE_HOOK_PATH, withTimeout } from './webdriver.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const FIXTURES = join(ROOT, 'tests/fixtures');
const TOOLS_DIR =
  process.env.TOOLS_DIR ||
  process.env.CLAIMCHECK_TOOLS ||
  join(homedir(), '.cache/claimcheck/tools');
const DIST_PATH = '/static/v1/';
export const STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
const PAGES = ['article', 'three', 'csp', 'iframe', 'api'];
const VIEWPORT = [1200, 900];
const NARROW = [360, 800];
const RENDER_TIMEOUT_MS = 30_000; // two shared cores: the first wasm compile is slow
const STEP_TIMEOUT_MS = 120_000;
const PARENT_SNIPPET_MAX = 1024;


// ---------------------------------------------------------------- results

// Counts per browser ('build' for the checks of the bundle itself, which
// no browser runs). `current` is the browser whose suite is running; every
// assertion's name is prefixed with it.
const tally = new Map();
let current = 'build';

function counts(name = current) {
  if (!tally.has(name)) tally.set(name, { passed: 0, failed: 0, na: 0, ms: 0, version: '' });
  return tally.get(name);
}

function clip(s, max = 400) {
  const t = String(s).replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max)}…` : t;
}

/** Records one assertion. */
function check(name, ok, detail = '') {
  const c = counts();
  if (ok) c.passed++;
  else c.failed++;
  console.log(`${ok ? 'ok' : 'FAIL'}: [${current}] ${name}${detail ? ` — ${clip(detail, ok ? 200 : 1200)}` : ''}`);
  return ok;
}

/**
 * Records an assertion that cannot run in this engine at all (a WebDriver
 * or browser feature the engine does not have), with the reason. Counted
 * and printed, never silent; keep these few.
 */
function notApplicable(name, why) {
  counts().na++;
  console.log(`n/a: [${current}] ${name} — not applicable: ${why}`);
}
void notApplicable; // none needed today: every assertion runs in all three engines

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
`;

// Waits until the widgets have rendered: every host found by opts.hosts (a
// CSS selector, default [data-claimcheck]; or opts.any: any .cc-root in the
// document or a shadow root) has a .cc-root with a non-empty path.cc-curve,
// at least opts.min of them, and the DOM (shadow trees included) has been
// quiet for 300 ms (or not quiet, reported, if it never settles).
const WAIT_RENDER = `${H}
const opts = arguments[0];
const done = arguments[arguments.length - 1];
const started = performance.now();
let last = performance.now();
const seen = new WeakSet();
const mo = new MutationObserver(() => { last = performance.now(); });
function watch(n) {
  if (n && !seen.has(n)) { seen.add(n); mo.observe(n, { subtree: true, childList: true, attributes: true, characterData: true }); }
}
watch(document.documentElement);
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
    return { id: h.id || '', shadow: !!h.shadowRoot, root: !!r, curve: d === null ? null : d.length };
  });
}
(function poll() {
  const s = status();
  const now = performance.now();
  const ready = s.length >= (opts.min || 1) && s.every((w) => w.root && w.curve > 0);
  if (ready && now - last >= 300) {
    requestAnimationFrame(() => requestAnimationFrame(() =>
      done({ ok: true, quiet: true, widgets: status(), ms: Math.round(now - started) })));
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
      : w.curve === null ? 'no svg.cc-chart path.cc-curve' : w.curve === 0 ? 'empty curve d' : `curve d ${w.curve} chars`}`).join('; ');
}

/** Waits for the widgets; returns the WAIT_RENDER answer (never throws for a missing widget). */
async function waitRender(browser, opts = {}) {
  const o = { timeoutMs: RENDER_TIMEOUT_MS, ...opts };
  return browser.executeAsync(WAIT_RENDER, [o], o.timeoutMs + 5000);
}

/**
 * Clicks the `hypothesis` switch of the widget whose .cc-root the page
 * expression `rootExpr` returns, with a real WebDriver click, and waits
 * (5 s) for its chart to change (the d of path.cc-curve, or of the
 * chart's other paths: demand and capacity, when the failure curve is
 * flat before and after) and its aria-checked to flip. `others` (page
 * expressions for other roots) must keep their charts.
 */
async function clickSwitch(browser, rootExpr, hypothesis = 'election', others = []) {
  const sel = `button.cc-switch[data-hypothesis="${hypothesis}"]`;
  const read = `${H}
    const r = ${rootExpr};
    const b = r && r.querySelector('${sel}');
    return { root: !!r, button: !!b, d: ccCurve(r), chart: ccChart(r), checked: b ? b.getAttribute('aria-checked') : null,
      role: b ? b.getAttribute('role') : null,
      others: [${others.join(',')}].map((o) => ccChart(o)) };`;
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
  if (moved.length) problems.push(`other widget(s) #${moved.join(', #')} changed their curve too`);
  if (problems.length) return [false, `${sel}: ${problems.join('; ')}`];
  return [true, `${sel}: aria-checked ${before.checked} → ${after.checked}, ` +
    `${after.d !== before.d ? 'path.cc-curve d changed' : 'chart changed (path.cc-curve d the same: flat)'}` +
    (others.length ? `, ${others.length} other widget(s) unchanged` : '')];
}

// The computed styles compared between the hostile and the clean host.
const TEXT = ['font-family', 'font-size', 'font-style', 'font-weight', 'color', 'line-height',
  'letter-spacing', 'word-spacing', 'text-transform', 'text-align', 'text-shadow', 'text-indent', 'cursor'];
const BOX = ['display', 'visibility', 'box-sizing', 'padding-top', 'padding-left', 'margin-top',
  'border-top-width', 'border-top-style', 'background-color', 'width', 'height'];
const STYLE_PROBES = {
  '.cc-root': [...TEXT, ...BOX],
  '.cc-title': [...TEXT, 'display', 'margin-top', 'width', 'height'],
  'button.cc-switch': [...TEXT, ...BOX, 'appearance', 'min-height'],
  'button.cc-preset': [...TEXT, ...BOX, 'appearance'],
  'svg.cc-chart': ['display', 'visibility', 'width', 'height'],
  'path.cc-curve': ['display', 'visibility', 'fill', 'stroke', 'stroke-width'],
  'input[type=range][data-param="timeout_s"]': ['display', 'visibility', 'appearance', 'width', 'height'],
  '.cc-summary': [...TEXT, 'display'],
  'li.cc-claim': [...TEXT, 'display', 'list-style-type'],
  'li.cc-check': [...TEXT, 'display', 'list-style-type'],
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
    return `${this.hostServer.origin}/${page}`;
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
      await this.browser.navigate(this.url(page));
      const info = await this.browser.execute('return { title: document.title, ready: document.readyState, href: location.href }');
      return [info.ready === 'complete' || info.ready === 'interactive', `${info.href} "${info.title}"`];
    });
  }

  /**
   * Asserts that the page logged no errors: the console (the page's own
   * record, console-hook.js, in every engine, and Chromium's driver log),
   * the fixture's recorder (csp-watch.js), and the servers' log (no request
   * since the page load answered 4xx or 5xx). `frame`: an iframe element
   * reference whose page's console is read too.
   */
  async noErrors(label, { frame = null } = {}) {
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
      if (page.errors === null) problems.push('csp-watch.js did not run (window.__errors missing)');
      else if (page.errors.length) problems.push(`page errors: ${page.errors.join(' | ')}`);
      if (page.hook !== 'start') problems.push(`console-hook.js was not loaded by the page (${page.hook === 'late' ? 'injected after the load' : 'missing'})`);
      if (severe(log).length) problems.push(`console: ${severe(log).join(' | ')}`);
      if (frame && frameHook !== 'start') problems.push(`console-hook.js was not loaded by the iframe's page (${frameHook === 'late' ? 'injected after the load' : 'missing'})`);
      if (severe(frameLog).length) problems.push(`console in the iframe: ${severe(frameLog).join(' | ')}`);
      if (failed.length) problems.push(`failed requests: ${failed.join(', ')}`);
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
      await this.browser.screenshot(join(this.opts.screenshots, `${label.replace(/[^a-z0-9]+/gi, '_')}.png`));
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

  // ------------------------------------------------ article and clean

  async article() {
    const styles = {};
    for (const page of ['clean.html', 'article.html']) {
      if (!(await this.load(page))) {
        // Still count what this page should have shown.
      }
      const seen = await waitRender(this.browser, { min: 1 }).catch((e) => ({ ok: false, widgets: [], why: e.message }));
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
      styles[page] = await this.browser.execute(READ_STYLES, STYLE_PROBES).catch(() => null);
      if (page === 'article.html') {
        await step(`${page}: a preset responds (button.cc-preset[data-preset="everything"] turns every switch on)`, async () => {
          const ref = await this.browser.execute(`${H} const r = ccRootOf(document.querySelector('[data-claimcheck]'));
            return r && r.querySelector('button.cc-preset[data-preset="everything"]');`);
          if (!ref) return [false, 'no button.cc-preset[data-preset="everything"] in the widget'];
          await this.browser.click(ref);
          const states = await this.browser.waitFor(`${H} const r = ccRootOf(document.querySelector('[data-claimcheck]'));
            const s = Array.from(r.querySelectorAll('button.cc-switch')).map((b) => b.getAttribute('aria-checked'));
            return s.length === 3 && s.every((x) => x === 'true') ? s : false;`, { timeoutMs: 5000, what: 'every switch on' })
            .catch(async () => this.browser.execute(`${H} const r = ccRootOf(document.querySelector('[data-claimcheck]'));
              return { notAllOn: Array.from(r.querySelectorAll('button.cc-switch')).map((b) => b.dataset.hypothesis + '=' + b.getAttribute('aria-checked')) };`));
          return Array.isArray(states) ? [true, 'all three switches aria-checked=true'] : [false, `after the click: ${states.notAllOn.join(', ')}`];
        });
      }
      const before = await this.browser.execute('return location.href').catch(() => '');
      await step(`${page}: the widget responds to a click on a switch`, () =>
        clickSwitch(this.browser, `ccRootOf(document.querySelector('[data-claimcheck]'))`));
      await this.gated(seen.ok, `${page}: the widget leaves the host page's URL alone`, async () => {
        await sleep(1200); // the standalone page debounces its URL writes
        const after = await this.browser.execute('return location.href');
        return [after === before, after === before ? after : `${before} became ${after}`];
      });
      await this.gated(seen.ok, `${page}: no widget styles leak into the host document`, async () => {
        const s = await this.browser.execute(HOST_SHEETS);
        const ok = s.sheets.length === 1 && s.adopted === 0 && s.styles === 0;
        return [ok, `document.styleSheets: ${s.sheets.join(', ')}; adoptedStyleSheets: ${s.adopted}; <style>: ${s.styles}` +
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
    for (const sel of Object.keys(STYLE_PROBES)) {
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

  // ------------------------------------------------------------- three

  async three() {
    const page = 'three.html';
    await this.load(page);
    const ids = ['w-default', 'w-fr', 'w-bad'];
    const seen = await waitRender(this.browser, { hosts: '#w-default, #w-fr, #w-bad', min: 3 })
      .catch((e) => ({ ok: false, widgets: [], why: e.message }));
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
          noticeVisible: n ? n.getClientRects().length > 0 && getComputedStyle(n).visibility !== 'hidden' : false,
          switches: Object.fromEntries(Array.from(r.querySelectorAll('button.cc-switch')).map((b) => [b.dataset.hypothesis, b.getAttribute('aria-checked')])),
          timeout: (r.querySelector('input[type=range][data-param="timeout_s"]') || {}).value ?? null,
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
    check(`${page}: #w-bad falls back to the defaults for the ignored entries`,
      !!(bad && def && JSON.stringify(bad.switches) === JSON.stringify(def.switches) && bad.timeout === def.timeout),
      bad && def ? `switches ${JSON.stringify(bad.switches)} vs default ${JSON.stringify(def.switches)}; timeout_s ${bad.timeout} vs default ${def.timeout}` : 'missing widget');
    for (const id of ['w-default', 'w-fr']) {
      const w = info[id];
      check(`${page}: #${id} (a neighbour) shows no notice`, !!(w && w.notice === null),
        w ? (w.notice === null ? 'none' : `has .cc-notice: ${JSON.stringify(w.notice)}`) : 'no widget');
    }
    const fr = info['w-fr'];
    check(`${page}: #w-fr reads data-hypotheses="deadline,underprovisioning"`,
      !!(fr && fr.switches.election === 'false' && fr.switches.deadline === 'true' && fr.switches.underprovisioning === 'true'),
      fr ? JSON.stringify(fr.switches) : 'no widget');
    check(`${page}: #w-fr reads data-lang="fr" (.cc-root lang=fr, French title)`,
      !!(fr && def && fr.lang.startsWith('fr') && fr.title !== def.title),
      fr && def ? `lang="${fr.lang}", title ${JSON.stringify(fr.title)} vs ${JSON.stringify(def.title)}` : 'missing widget');

    const root = (id) => `ccRootOf(document.getElementById('${id}'))`;
    await step(`${page}: #w-fr (data-reporter) has an Embed button that shows both snippets with the current state`, async () => {
      const ref = await this.browser.execute(`${H} const r = ${root('w-fr')}; return r && r.querySelector('button.cc-embed-button');`);
      if (!ref) return [false, 'no button.cc-embed-button in #w-fr'];
      await this.browser.click(ref);
      const p = await this.browser.waitFor(`${H} const r = ${root('w-fr')};
        const panel = r.querySelector('.cc-embed-panel');
        if (!panel || !panel.getClientRects().length) return false;
        const text = (sel) => { const e = panel.querySelector(sel); return e ? (e.value !== undefined && e.tagName === 'TEXTAREA' ? e.value : e.textContent) : null; };
        return { script: text('.cc-embed-script'), iframe: text('.cc-embed-iframe'),
          copies: panel.querySelectorAll('button').length };`, { timeoutMs: 5000, what: 'the embed panel' })
        .catch(() => null);
      if (!p) return [false, 'no visible .cc-embed-panel within 5 s of the click'];
      const problems = [];
      const s = p.script || '';
      const f = p.iframe || '';
      if (!/claimcheck\.js/.test(s) || !/data-claimcheck/.test(s)) problems.push(`script snippet lacks claimcheck.js or data-claimcheck: ${JSON.stringify(s)}`);
      if (!/deadline,underprovisioning|deadline%2Cunderprovisioning/.test(s)) problems.push(`script snippet lacks the hypotheses: ${JSON.stringify(s)}`);
      if (!/timeout_s="?45/.test(s)) problems.push(`script snippet lacks data-timeout_s="45": ${JSON.stringify(s)}`);
      if (!/<iframe/.test(f) || !/embed\.html\?/.test(f) || !/title=/.test(f)) problems.push(`iframe snippet lacks <iframe, embed.html? or title=: ${JSON.stringify(f)}`);
      if (!/cc-hypotheses=deadline(,|%2C)underprovisioning/.test(f)) problems.push(`iframe snippet lacks cc-hypotheses: ${JSON.stringify(f)}`);
      if (!/cc-timeout_s=45/.test(f)) problems.push(`iframe snippet lacks cc-timeout_s=45: ${JSON.stringify(f)}`);
      if (p.copies < 2) problems.push(`${p.copies} button(s) in the panel, expected a copy button per snippet`);
      return [problems.length === 0, problems.join('; ') || `script: ${JSON.stringify(s)}; iframe: ${JSON.stringify(f)}`];
    });
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
    const added = await waitRender(this.browser, { hosts: '#added', min: 1 }).catch((e) => ({ ok: false, widgets: [], why: e.message }));
    check(`${page}: #added (inserted after load) is mounted by the loader's MutationObserver`, added.ok, describeWidgets(added.widgets));
    check(`${page}: #added reads data-hypotheses="election"`,
      await this.browser.execute(`${H} const r = ${root('added')};
        const s = r ? Array.from(r.querySelectorAll('button.cc-switch')).map((b) => b.dataset.hypothesis + '=' + b.getAttribute('aria-checked')).join(',') : '';
        return s === 'election=true,deadline=false,underprovisioning=false' || s.split(',').sort().join(',') === 'deadline=false,election=true,underprovisioning=false';`).catch(() => false),
      await this.browser.execute(`${H} const r = ${root('added')}; return r ? Array.from(r.querySelectorAll('button.cc-switch')).map((b) => b.dataset.hypothesis + '=' + b.getAttribute('aria-checked')).join(', ') : 'no widget';`).catch((e) => e.message));
    await step(`${page}: #added responds to a click`, () => clickSwitch(this.browser, root('added'), 'deadline',
      ids.map(root)));
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
    await step(`${page}: the loader's live widget count (if exposed) is 4`, async () => {
      const api = await this.browser.execute(`const c = window.claimcheck; if (!c) return null;
        const out = { keys: Object.keys(c) };
        for (const k of ['count', 'size', 'live', 'widgets', 'instances', 'mounted']) {
          let v; try { v = typeof c[k] === 'function' ? c[k]() : c[k]; } catch (e) { continue; }
          if (typeof v === 'number') { out.count = v; out.key = k; break; }
          if (v && typeof v.length === 'number') { out.count = v.length; out.key = k; break; }
          if (v && typeof v.size === 'number') { out.count = v.size; out.key = k; break; }
        }
        out.hosts = document.querySelectorAll('[data-claimcheck]').length;
        return out;`);
      if (!api) return [false, 'no window.claimcheck'];
      if (api.count === undefined) {
        return [true, `not exposed (window.claimcheck keys: ${api.keys.join(', ')}); ${api.hosts} hosts in the page, the removed one is checked above`];
      }
      return [api.count === 4, `claimcheck.${api.key} = ${api.count}, ${api.hosts} [data-claimcheck] in the page`];
    });
    await this.noErrors(page);
    await this.axe(page, [], !!seen.ok);
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
    const seen = await waitRender(this.browser, { min: 1 }).catch((e) => ({ ok: false, widgets: [], why: e.message }));
    check(`${page}: the widget renders under the strict CSP`, seen.ok,
      seen.ok ? `in ${seen.ms} ms` : `${describeWidgets(seen.widgets)}${seen.body ? `; page text: ${JSON.stringify(seen.body)}` : ''}`);
    check(`${page}: loader and wasm came from the page's own origin`,
      this.fetched('.wasm').some((r) => r.server === 'host' && r.status === 200),
      this.fetched('.wasm').map((r) => `${r.server} ${r.path} ${r.status}`).join(', ') || 'no wasm fetched');
    await step(`${page}: the widget responds to a click`, () =>
      clickSwitch(this.browser, `ccRootOf(document.querySelector('[data-claimcheck]'))`, 'election'));
    await step(`${page}: the widget responds to a parameter slider (ArrowRight on the first visible input[type=range][data-param])`, async () => {
      const SLIDER = `${H} const r = ccRootOf(document.querySelector('[data-claimcheck]'));
        const i = r && Array.from(r.querySelectorAll('input[type=range][data-param]'))
          .find((x) => !x.closest('details:not([open])') && x.getClientRects().length && !x.disabled);`;
      const ref = await this.browser.execute(`${SLIDER} return i || null;`);
      if (!ref) return [false, 'no visible, enabled input[type=range][data-param] in the widget'];
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
    await sleep(500);
    await this.gated(seen.ok, `${page}: no securitypolicyviolation event fired (window.__violations is empty)`, async () => {
      const v = await this.browser.execute('return window.__violations || null');
      if (v === null) return [false, 'csp-watch.js did not run (window.__violations missing)'];
      return [v.length === 0, v.length ? v.map((x) => `${x.effectiveDirective} blocked ${x.blockedURI || '(inline)'} at ${x.sourceFile}:${x.line} ${x.sample || ''}`).join(' | ') : 'none'];
    });
    await this.noErrors(page);
    // Control: the policy and the listener are live (an inline style must be refused and reported).
    await step(`${page}: control — an inline style attribute is refused and reported`, async () => {
      await this.browser.execute(`const p = document.createElement('p'); p.id = 'cc-csp-probe';
        document.body.appendChild(p); p.setAttribute('style', 'color: red');`);
      const got = await this.browser.waitFor('return (window.__violations || []).length > 0 && window.__violations',
        { timeoutMs: 3000, what: 'the control violation' }).catch(() => []);
      await this.browser.execute('const p = document.getElementById("cc-csp-probe"); if (p) p.remove();');
      await this.drainLog(); // the control's console error is expected
      return [got.length > 0, got.length ? `reported: ${got.map((x) => x.effectiveDirective).join(', ')}` : 'no violation reported: the CSP or the listener is not active'];
    });
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
  }

  // --------------------------------------------------------------- api

  async api() {
    const page = 'api.html';
    await this.load(page);
    const loaderUrl = `${this.distBase}claimcheck.js`;
    const out = await this.browser.executeAsync(API_SCRIPT, [loaderUrl], 90_000)
      .catch((e) => ({ fatal: e.message }));
    if (out.fatal) check(`${page}: the API script ran`, false, out.fatal);
    const has = (k) => out && out[k] !== undefined;
    check(`${page}: window.claimcheck has mount() and a version`,
      !!(out.keys && out.mountType === 'function' && typeof out.version === 'string' && out.version),
      out.keys ? `keys: ${out.keys.join(', ')}; mount: ${out.mountType}; version: ${JSON.stringify(out.version)}` : 'no window.claimcheck');
    check(`${page}: window.claimcheck.ready resolves`, out.ready === 'resolved', String(out.ready));
    check(`${page}: the module exports mount()`, out.moduleMount === 'function', String(out.moduleMount) +
      (out.sameMount === false ? ' (not the same function as window.claimcheck.mount)' : ''));
    check(`${page}: mount(el, {hypotheses: "deadline"}) returns a handle with set, results, on, destroy`,
      !!(out.handle && Object.values(out.handle).every((t) => t === 'function')),
      out.mountError ? `threw ${JSON.stringify(out.mountError)}` : JSON.stringify(out.handle));
    check(`${page}: the mounted widget renders`, out.rendered === true, String(out.rendered));
    const r1 = out.r1;
    check(`${page}: results() has checks [{id, pass, why}] (length > 0)`,
      !!(r1 && r1.checks > 0 && ['id:string', 'pass:boolean', 'why:string'].every((f) => r1.checkShape.split(',').includes(f))),
      r1 ? `${r1.checks} checks, first: ${r1.checkShape}` : JSON.stringify(out.r1Error));
    check(`${page}: results() has claims [{id, verdict, why}] (length > 0)`,
      !!(r1 && r1.claims > 0 && ['id:string', 'verdict:string', 'why:string'].every((f) => r1.claimShape.split(',').includes(f))),
      r1 ? `${r1.claims} claims, first: ${r1.claimShape}` : JSON.stringify(out.r1Error));
    check(`${page}: results().hypotheses is ["deadline"]`, !!(r1 && JSON.stringify(r1.hypotheses) === '["deadline"]'),
      r1 ? JSON.stringify(r1.hypotheses) : 'no results');
    check(`${page}: results().series is a non-empty plain object (not a Map)`,
      !!(r1 && r1.series === 'object' && r1.seriesKeys.length > 0),
      r1 ? `${r1.series}; keys: ${r1.seriesKeys.join(', ')}` : 'no results');
    check(`${page}: set({hypotheses: "none"}) changes results()`,
      !!(out.changed && out.r2 && JSON.stringify(out.r2.hypotheses) === '[]'),
      out.setError ? `threw ${JSON.stringify(out.setError)}` : out.r2 ? `changed: ${out.changed}; hypotheses ${JSON.stringify(out.r2.hypotheses)}; curve ${out.curveChanged ? 'changed' : 'unchanged'}` : 'no results');
    check(`${page}: set({hypotheses: ["deadline", "underprovisioning"]}) (array form) applies`,
      !!(out.r3 && JSON.stringify([...out.r3.hypotheses].sort()) === '["deadline","underprovisioning"]'),
      out.setArrayError ? `threw ${JSON.stringify(out.setArrayError)}` : out.r3 ? JSON.stringify(out.r3.hypotheses) : 'no results');
    const mentionsIds = (m) => ['election', 'deadline', 'underprovisioning'].every((x) => m.includes(x));
    check(`${page}: mount(el, {hypotheses: "aliens"}) throws an Error naming hypotheses and the valid ids`,
      !!(out.badHyp && out.badHyp.threw && out.badHyp.isError && /hypotheses/.test(out.badHyp.message) && mentionsIds(out.badHyp.message)),
      JSON.stringify(out.badHyp));
    check(`${page}: mount(el, {params: {timeout_s: 99999}}) throws an Error naming timeout_s`,
      !!(out.badParam && out.badParam.threw && out.badParam.isError && /timeout_s/.test(out.badParam.message)),
      JSON.stringify(out.badParam));
    check(`${page}: handle.set({hypotheses: "aliens"}) throws an Error naming hypotheses`,
      !!(out.badSet && out.badSet.threw && out.badSet.isError && /hypotheses/.test(out.badSet.message)),
      JSON.stringify(out.badSet));
    check(`${page}: a rejected mount leaves no widget behind`, out.badLeftWidget === false, `left a .cc-root: ${out.badLeftWidget}`);

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
}

// The JS API, run inside api.html. Reports everything; the harness judges.
const API_SCRIPT = `
const loaderUrl = arguments[0];
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
  return {
    hypotheses: r && r.hypotheses,
    checks: r && Array.isArray(r.checks) ? r.checks.length : typeof (r && r.checks),
    checkShape: r && Array.isArray(r.checks) ? shapeOf(r.checks[0]) : '',
    claims: r && Array.isArray(r.claims) ? r.claims.length : typeof (r && r.claims),
    claimShape: r && Array.isArray(r.claims) ? shapeOf(r.claims[0]) : '',
    series: r && r.series instanceof PageMap ? 'Map' : typeof (r && r.series),
    seriesKeys: r && r.series && !(r.series instanceof PageMap) ? Object.keys(r.series) : [],
  };
}
function curve(el) { const r = el.shadowRoot && el.shadowRoot.querySelector('.cc-root'); const p = r && r.querySelector('path.cc-curve'); return p ? p.getAttribute('d') : null; }
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
  try { h = cc.mount(el, { hypotheses: 'deadline' }); } catch (e) { out.mountError = errInfo(e); done(out); return; }
  window.__apiHandle = h;
  out.handle = { set: typeof (h && h.set), results: typeof (h && h.results), on: typeof (h && h.on), destroy: typeof (h && h.destroy) };
  out.rendered = !!(await until(() => curve(el), 20000));
  let r1s = '';
  try { const r1 = h.results(); out.r1 = shape(r1); r1s = JSON.stringify(r1); } catch (e) { out.r1Error = errInfo(e); }
  window.__apiFired = 0;
  try { h.on('change', (x) => { window.__apiFired++; window.__apiLastArg = x === undefined ? 'undefined' : typeof x; }); } catch (e) { out.onError = errInfo(e); }
  const d1 = curve(el);
  try {
    h.set({ hypotheses: 'none' });
    await until(() => curve(el) !== d1, 3000);
    await sleep(100);
    const r2 = h.results();
    out.r2 = shape(r2);
    out.changed = JSON.stringify(r2) !== r1s;
    out.curveChanged = curve(el) !== d1;
  } catch (e) { out.setError = errInfo(e); }
  out.firedBySet = window.__apiFired;
  try { h.set({ hypotheses: ['deadline', 'underprovisioning'] }); await sleep(300); out.r3 = shape(h.results()); } catch (e) { out.setArrayError = errInfo(e); }
  const fresh = () => { const d = document.createElement('div'); d.className = 'embed'; document.querySelector('main').appendChild(d); return d; };
  const b1 = fresh(), b2 = fresh();
  try { const hb = cc.mount(b1, { hypotheses: 'aliens' }); out.badHyp = { threw: false }; try { hb.destroy(); } catch (e) {} } catch (e) { out.badHyp = { threw: true, ...errInfo(e) }; }
  try { const hb = cc.mount(b2, { params: { timeout_s: 99999 } }); out.badParam = { threw: false }; try { hb.destroy(); } catch (e) {} } catch (e) { out.badParam = { threw: true, ...errInfo(e) }; }
  try { h.set({ hypotheses: 'aliens' }); out.badSet = { threw: false }; } catch (e) { out.badSet = { threw: true, ...errInfo(e) }; }
  await sleep(200);
  out.badLeftWidget = [b1, b2].some((b) => !!(b.shadowRoot && b.shadowRoot.querySelector('.cc-root')));
  b1.remove(); b2.remove();
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
    else if (a === '-h' || a === '--help') {
      console.log(`usage: node tests/browser/e2e.mjs [DIST] [--browser ${BROWSERS.join('|')}|all]... ` +
        `[--page ${PAGES.join('|')}]... [--screenshots DIR]`);
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

/** embed.html as the bundle origin serves it here: with the console hook first in <head>. */
function withConsoleHook(html, path) {
  if (!path.endsWith('/embed.html')) return html;
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
  try {
    try {
      browser = await Browser.launch({
        browser: name,
        width: VIEWPORT[0],
        height: VIEWPORT[1],
        colorScheme: 'light',
      });
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
    for (const p of ctx.opts.pages) {
      try {
        await withTimeout(run[p](), 600_000, `${p} tests`);
      } catch (err) {
        check(`${p}: tests ran to the end`, false, err.message);
      }
    }
  } finally {
    if (browser) await browser.quit();
    c.ms = Date.now() - t0;
    console.log(`e2e [${name}]${c.version ? ` ${c.version}` : ''}: ${c.passed} passed, ${c.failed} failed, ` +
      `${c.na} not applicable, in ${(c.ms / 1000).toFixed(1)} s`);
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
  for (const f of ['claimcheck.js', 'embed.html', 'claimcheck-parent.js']) {
    check(`the release build has ${f}`, existsSync(join(opts.dist, f)), join(opts.dist, f));
  }

  const requests = [];
  const log = (server) => (method, path, status) => requests.push({ server, method, path, status });
  const harness = { prefix: '/__harness/', dir: dirname(CONSOLE_HOOK_PATH) };
  const servers = [];
  try {
    const distServer = await serveMounts([{ prefix: DIST_PATH, dir: opts.dist, transform: withConsoleHook }, harness], {
      host: '127.0.0.1',
      headers: { '/': { 'Access-Control-Allow-Origin': '*' } },
      onRequest: log('dist'),
    });
    servers.push(distServer);
    const distBase = `${distServer.origin}${DIST_PATH}`;
    const hostServer = await serveMounts([
      { prefix: '/', dir: FIXTURES, transform: (html) => html.replaceAll('{{DIST}}', distBase) },
      { prefix: DIST_PATH, dir: opts.dist },
      harness,
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
    .map(([k, c]) => `${k} ${c.passed}/${c.failed}/${c.na} in ${(c.ms / 1000).toFixed(1)} s`).join('; ');
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
