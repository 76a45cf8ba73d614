// axe-core in headless Chromium (issue 4, item 9): serves the release
// bundle, loads the page at 1200×900 and 360×800, in light and dark colour
// scheme, in English and French (a run whose page is not in its language
// fails: the widget's lang must be en-CA / fr-CA, the page's <html lang>
// must follow, and strings of that language's interface must be on the
// page), waits for the widget to render, injects
// axe-core and runs it with the WCAG 2.0/2.1/2.2 A+AA tags and the
// `target-size` rule. Every violation is printed; any violation, or a run in
// which the widget did not render or axe did not run, fails.
//
//   node tests/browser/axe.mjs [DIST] [--screenshots DIR] [--page PATH]...
//
// DIST defaults to $ROOT/dist (`trunk build --release`, which scripts/smoke
// runs). axe-core comes from $TOOLS_DIR/node_modules/axe-core (scripts/lib.sh
// installs it; TOOLS_DIR defaults as there). The last line is always
// `axe: N passed, M failed`, counting page × configuration runs.

import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from './serve.mjs';
import { AXE_OPTIONS, AXE_VERSION, RUN_AXE } from './axe-core.mjs';
import { Browser, withTimeout } from './webdriver.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const TOOLS_DIR =
  process.env.TOOLS_DIR ||
  process.env.CLAIMCHECK_TOOLS ||
  join(homedir(), '.cache/claimcheck/tools');

const VIEWPORTS = [
  [1200, 900],
  [360, 800],
];
// Chromium's own switch: preferredColorScheme 0 is dark, 1 is light.
const SCHEMES = [
  { name: 'light', flag: '--blink-settings=preferredColorScheme=1', dark: false },
  { name: 'dark', flag: '--blink-settings=preferredColorScheme=0', dark: true },
];
// Each language run must really be in that language: the widget's lang
// and strings of its own interface that only that language has.
const LANGS = [
  { name: 'en', query: '', tag: 'en-CA', strings: ['The claims', 'Tune the causes'] },
  { name: 'fr', query: '?cc-lang=fr', tag: 'fr-CA', strings: ['Les affirmations', 'Régler les causes'] },
];
const MAX_NODES = 8; // printed per violation; the count is always printed

function parseArgs(argv) {
  const opts = { dist: join(ROOT, 'dist'), screenshots: null, pages: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--screenshots') opts.screenshots = argv[++i];
    else if (a === '--page') opts.pages.push(argv[++i]);
    else if (a === '-h' || a === '--help') {
      console.log('usage: node tests/browser/axe.mjs [DIST] [--screenshots DIR] [--page PATH]...');
      process.exit(0);
    } else if (a.startsWith('-')) throw new Error(`unknown option ${a}`);
    else opts.dist = a;
  }
  if (opts.pages.length === 0) opts.pages = ['/'];
  return opts;
}

// Resolves once `.cc-root` is there with its chart or timeline SVG laid
// out (non-zero size) and the DOM has been quiet for 300 ms (the timeline
// re-renders after its ResizeObserver measures it). Reports what it saw.
const WAIT_FOR_RENDER = `
const done = arguments[arguments.length - 1];
const started = performance.now();
const LIMIT = 15000, QUIET = 300;
let lastChange = performance.now();
new MutationObserver(() => { lastChange = performance.now(); })
  .observe(document.documentElement, { subtree: true, childList: true, attributes: true, characterData: true });
function svgReady() {
  const svg = document.querySelector('.cc-root svg.cc-chart, .cc-root svg.cc-timeline-svg');
  if (!svg) return null;
  const r = svg.getBoundingClientRect();
  return r.width > 0 && r.height > 0 ? svg : null;
}
(function poll() {
  const root = document.querySelector('.cc-root');
  const svg = svgReady();
  const now = performance.now();
  if (root && svg && now - lastChange >= QUIET) {
    requestAnimationFrame(() => requestAnimationFrame(() => done({
      ok: true,
      svg: svg.getAttribute('class'),
      lang: root.getAttribute('lang') || '',
      htmlLang: document.documentElement.lang || '',
      claimsHeading: ((root.querySelector('.cc-claims-heading') || {}).textContent || '').trim(),
      text: (root.innerText || '').slice(0, 20000),
      dark: matchMedia('(prefers-color-scheme: dark)').matches,
      viewport: [innerWidth, innerHeight],
      ms: Math.round(now - started),
    })));
  } else if (now - started > LIMIT) {
    done({
      ok: false,
      why: !root ? 'no .cc-root in the page'
        : 'no svg.cc-chart or svg.cc-timeline-svg with a non-zero size inside .cc-root'
          + (svg ? ' (the DOM never settled)' : ''),
      body: (document.body ? document.body.innerText : '').slice(0, 300),
    });
  } else {
    setTimeout(poll, 50);
  }
})();
`;


function snippet(html, max = 240) {
  const s = html.replace(/\s+/g, ' ').trim();
  return s.length > max ? `${s.slice(0, max)}…` : s;
}

/** One page × configuration: returns { ok, lines }. */
async function runOne(browser, baseUrl, page, vp, scheme, lang, axeSource, shotsDir) {
  const label = `${page} ${vp[0]}x${vp[1]} ${scheme.name} ${lang.name}`;
  const lines = [];
  const fail = (why) => ({ ok: false, label, lines: [`FAIL: ${label}: ${why}`, ...lines] });

  const reached = await browser.setViewportSize(vp[0], vp[1]);
  const url = new URL(page.replace(/^\//, '') + lang.query, baseUrl).href;
  await browser.navigate(url);
  // The window keeps its size across navigations; check it anyway.
  if (reached[0] !== vp[0] || reached[1] !== vp[1]) {
    return fail(`viewport is ${reached.join('x')}, not ${vp.join('x')}`);
  }
  const seen = await browser.executeAsync(WAIT_FOR_RENDER, [], 20_000);
  if (!seen || !seen.ok) {
    return fail(`the widget did not render: ${seen ? seen.why : 'no answer'}` +
      (seen && seen.body ? `; page text: ${JSON.stringify(seen.body)}` : ''));
  }
  if (seen.dark !== scheme.dark) {
    return fail(`prefers-color-scheme: dark is ${seen.dark}, expected ${scheme.dark}`);
  }
  // The run audits the page in its language, or it fails: an English page
  // audited as "fr" would prove nothing about the French one.
  // The widget owns this page (it keeps the state in its URL), so the page
  // speaks its language too (WCAG 3.1.1).
  const missing = lang.strings.filter((x) => !seen.text.includes(x));
  if (seen.lang !== lang.tag || !seen.htmlLang.toLowerCase().startsWith(lang.name) || missing.length) {
    return fail(`the page is not in ${lang.name === 'fr' ? 'French' : 'English'}: the widget's lang is "${seen.lang}" ` +
      `(expected "${lang.tag}"; <html lang="${seen.htmlLang}">), claims heading ${JSON.stringify(seen.claimsHeading)}` +
      (missing.length ? `, missing ${missing.map((x) => JSON.stringify(x)).join(', ')}` : ''));
  }
  lines.push(`  ${label}: widget lang="${seen.lang}", <html lang="${seen.htmlLang}">, claims heading ${JSON.stringify(seen.claimsHeading)}`);
  if (shotsDir) {
    const file = join(shotsDir, `${page.replace(/[^a-z0-9]+/gi, '_')}-${vp[0]}-${scheme.name}-${lang.name}.png`
      .replace(/^_+-?/, ''));
    await browser.screenshot(file);
    lines.push(`  screenshot: ${file}`);
  }

  const injected = await browser.execute(`${axeSource}\n;return typeof axe === 'object' && axe.version;`);
  if (injected !== AXE_VERSION) {
    return fail(`axe-core ${AXE_VERSION} was not injected (got ${JSON.stringify(injected)})`);
  }
  const r = await browser.executeAsync(RUN_AXE, [AXE_OPTIONS], 60_000);
  if (!r || r.error) return fail(r ? r.error : 'axe returned nothing');
  const ran = r.passes.length + r.violations.length + r.incomplete.length;
  if (ran === 0) return fail('axe ran no rule against the page');
  const allIds = [...r.passes, ...r.inapplicable, ...r.incomplete.map((x) => x.id),
    ...r.violations.map((x) => x.id)];
  if (!allIds.includes('target-size')) return fail('the target-size rule did not run');

  for (const v of r.violations) {
    lines.push(`  violation ${v.id} (${v.impact}): ${v.help} — ${v.nodes.length} node(s)`);
    lines.push(`    ${v.helpUrl}`);
    for (const n of v.nodes.slice(0, MAX_NODES)) {
      lines.push(`    at ${n.target.join(', ')}`);
      lines.push(`      ${snippet(n.html)}`);
      const why = n.summary.split('\n').map((s) => s.trim()).filter(Boolean).slice(1, 3).join(' ');
      if (why) lines.push(`      ${snippet(why, 300)}`);
    }
    if (v.nodes.length > MAX_NODES) lines.push(`    … and ${v.nodes.length - MAX_NODES} more`);
  }
  if (r.incomplete.length) {
    lines.push(`  needs review (not failures): ${r.incomplete
      .map((x) => `${x.id} ×${x.nodes.length}`).join(', ')}`);
  }
  const counts = `${r.passes.length} rules passed, ${r.violations.length} violated, ` +
    `${r.incomplete.length} need review, ${r.inapplicable.length} inapplicable; ` +
    `rendered ${seen.svg} in ${seen.ms} ms`;
  if (r.violations.length) {
    const nodes = r.violations.reduce((s, v) => s + v.nodes.length, 0);
    return { ok: false, label, lines: [`FAIL: ${label}: ${r.violations.length} rule(s) violated on ${nodes} node(s) (${counts})`, ...lines] };
  }
  return { ok: true, label, lines: [`ok: ${label} (${counts})`, ...lines] };
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const axePath = join(TOOLS_DIR, 'node_modules/axe-core/axe.min.js');
  if (!existsSync(axePath)) throw new Error(`no axe-core at ${axePath}; run scripts/lib.sh's ensure_npm_tools`);
  const axeVersion = JSON.parse(readFileSync(join(TOOLS_DIR, 'node_modules/axe-core/package.json'), 'utf8')).version;
  if (axeVersion !== AXE_VERSION) throw new Error(`axe-core is ${axeVersion}, expected ${AXE_VERSION}`);
  const axeSource = readFileSync(axePath, 'utf8');
  if (!existsSync(join(opts.dist, 'index.html'))) {
    throw new Error(`no ${join(opts.dist, 'index.html')}; run trunk build --release first`);
  }
  if (opts.screenshots) mkdirSync(opts.screenshots, { recursive: true });

  const server = await serve(opts.dist);
  let passed = 0;
  let failed = 0;
  const total = opts.pages.length * VIEWPORTS.length * SCHEMES.length * LANGS.length;
  try {
    // One browser per colour scheme: the scheme is a launch flag.
    for (const scheme of SCHEMES) {
      let browser;
      try {
        browser = await Browser.launch({ args: [scheme.flag] });
        for (const page of opts.pages) {
          for (const vp of VIEWPORTS) {
            for (const lang of LANGS) {
              let res;
              try {
                res = await withTimeout(
                  runOne(browser, server.url, page, vp, scheme, lang, axeSource, opts.screenshots),
                  120_000, 'axe run');
              } catch (err) {
                res = { ok: false, lines: [`FAIL: ${page} ${vp.join('x')} ${scheme.name} ${lang.name}: ${err.message}`] };
              }
              for (const l of res.lines) console.log(l);
              if (res.ok) passed++;
              else failed++;
            }
          }
        }
      } catch (err) {
        // The browser itself failed: count every run not done as failed.
        console.log(`FAIL: ${scheme.name}: ${err.message}`);
      } finally {
        if (browser) await browser.quit();
      }
    }
  } finally {
    await server.close();
  }
  failed = total - passed; // runs that never happened are failures too
  console.log(`axe: ${passed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.log(`FAIL: ${err.message}`);
    console.log('axe: 0 passed, 1 failed');
    process.exit(1);
  },
);
