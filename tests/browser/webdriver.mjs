// A tiny, dependency-free W3C WebDriver client for three engines:
//
// - chromium: headless Chromium through /usr/bin/chromedriver;
// - firefox:  headless Firefox ESR through geckodriver (cargo-installed);
// - webkit:   WebKitGTK's MiniBrowser through WebKitGTK's WebKitWebDriver,
//             on a private Xvfb display (WebKitGTK has no headless mode).
//
// It starts the driver on a free loopback port, opens one session and
// speaks plain HTTP+JSON to it. Every wait is bounded: a request that
// hangs, a driver or display that never comes up, a page that never loads
// or a script that never calls back ends in an error, and `quit()` always
// kills the driver (and with it the browser) and the Xvfb it started, also
// when the caller forgets (process exit, SIGINT/SIGTERM/SIGHUP).
//
//   import { Browser } from './webdriver.mjs';
//   const browser = await Browser.launch({ browser: 'firefox', width: 1200, height: 900 });
//   try {
//     await browser.navigate('http://127.0.0.1:1234/');
//     const title = await browser.execute('return document.title');
//   } finally {
//     await browser.quit();
//   }
//
// Engine-neutral replacements for what used to be Chromium-only:
// - colour scheme: launch({ colorScheme: 'light' | 'dark' }) sets the
//   engine's own preference (Chromium --blink-settings, Firefox prefs,
//   MiniBrowser --dark-mode);
// - console: consoleLog() reads the page's own record (console-hook.js,
//   loaded by the page or injected after navigate()) in every engine, plus
//   Chromium's driver log (goog:loggingPrefs) there;
// - window size: setViewportSize() measures and corrects in every engine
//   (WebKitGTK's MiniBrowser window cannot be narrower than its toolbar,
//   about 450 px: it returns the viewport it reached).

import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const env = process.env;
const MULTIARCH = { x64: 'x86_64-linux-gnu', arm64: 'aarch64-linux-gnu' }[process.arch] || `${process.arch}-linux-gnu`;

export const CHROMIUM = env.CHROMIUM || '/usr/bin/chromium';
export const CHROMEDRIVER = env.CHROMEDRIVER || '/usr/bin/chromedriver';
export const FIREFOX = env.FIREFOX || '/usr/bin/firefox-esr';
export const GECKODRIVER = env.GECKODRIVER ||
  [join(homedir(), '.cargo/bin/geckodriver'), '/usr/local/bin/geckodriver', '/usr/bin/geckodriver']
    .find((p) => existsSync(p)) || 'geckodriver';
export const WEBKIT_DRIVER = env.WEBKIT_DRIVER || '/usr/bin/WebKitWebDriver';
export const MINIBROWSER = env.MINIBROWSER || `/usr/lib/${MULTIARCH}/webkit2gtk-4.1/MiniBrowser`;
export const XVFB = env.XVFB || '/usr/bin/Xvfb';

/** The engines launch() knows, in the order the test runs use them. */
export const BROWSERS = ['chromium', 'firefox', 'webkit'];

/** The flags every Chromium run needs: we run as root, headless, offline. */
export const BASE_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

/**
 * Firefox preferences every run sets: nothing phones home (the machine is
 * offline; these would only add noise and delay), no first-run pages.
 * geckodriver adds Marionette's own recommended set on top.
 */
export const FIREFOX_PREFS = {
  'app.update.disabledForTesting': true,
  'browser.safebrowsing.malware.enabled': false,
  'browser.safebrowsing.phishing.enabled': false,
  'browser.safebrowsing.downloads.enabled': false,
  'browser.shell.checkDefaultBrowser': false,
  'browser.startup.homepage_override.mstone': 'ignore',
  'browser.aboutwelcome.enabled': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'datareporting.healthreport.uploadEnabled': false,
  'toolkit.telemetry.enabled': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'network.dns.disablePrefetch': true,
  'network.prefetch-next': false,
  'extensions.update.enabled': false,
  'extensions.getAddons.cache.enabled': false,
  'media.gmp-manager.url': '',
  'services.settings.server': 'http://127.0.0.1:9/',
};

/** The page-side console recorder (see console-hook.js), as source text. */
export const CONSOLE_HOOK_PATH = join(dirname(fileURLToPath(import.meta.url)), 'console-hook.js');
export const CONSOLE_HOOK = readFileSync(CONSOLE_HOOK_PATH, 'utf8');

// Returns the hook's entries since the last read (and moves the cursor).
const READ_CONSOLE_HOOK = `
const c = window.__ccConsole;
if (!c) return null;
const out = c.entries.slice(c.read).map((e) => ({ ...e, since: c.since }));
c.read = c.entries.length;
return out;`;

/** A free TCP port on 127.0.0.1 (the OS picks it; we release it at once). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Rejects with `what timed out after N ms` unless `promise` settles first. */
export function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${what} timed out after ${ms} ms`)),
      ms,
    );
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** An error the WebDriver endpoint returned (its `error` and `message`). */
export class WebDriverError extends Error {
  constructor(command, status, value) {
    const msg = (value && value.message) || JSON.stringify(value);
    super(`${command}: ${(value && value.error) || status}: ${msg.split('\n')[0]}`);
    this.name = 'WebDriverError';
    this.status = status;
    this.error = value && value.error;
  }
}

/** Signals a detached child's process group (it and what it started). */
function killGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {
    try {
      child.kill(signal);
    } catch {
      // already gone
    }
  }
}

/** SIGTERM to the group, SIGKILL after `graceMs` if it is still there. */
async function stopGroup(child, graceMs = 3000) {
  if (!child) return;
  if (child.exitCode === null && child.signalCode === null) {
    const gone = new Promise((r) => child.once('exit', r));
    killGroup(child, 'SIGTERM');
    const done = await Promise.race([gone.then(() => true), sleep(graceMs).then(() => false)]);
    if (!done) killGroup(child, 'SIGKILL');
  } else {
    killGroup(child, 'SIGKILL'); // a browser may outlive its driver
  }
}

const live = new Set();
let exitHookInstalled = false;
function installExitHook() {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // Last resort: never leave a driver, a browser or an Xvfb behind.
  process.on('exit', () => {
    for (const b of live) b._killNow();
  });
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(sig, () => {
      for (const b of live) b._killNow();
      process.exit(128 + (sig === 'SIGINT' ? 2 : sig === 'SIGTERM' ? 15 : 1));
    });
  }
}

/**
 * Starts Xvfb on a free display (-displayfd: the server picks the number
 * and writes it once it accepts clients). Resolves to { child, display }.
 */
async function startXvfb(width, height, timeoutMs) {
  const child = spawn(
    XVFB,
    ['-displayfd', '3', '-screen', '0', `${width}x${height}x24`, '-nolisten', 'tcp', '-noreset'],
    { stdio: ['ignore', 'ignore', 'pipe', 'pipe'], detached: true },
  );
  let log = '';
  child.stderr.on('data', (c) => { log = (log + c).slice(-2000); });
  const started = new Promise((resolve, reject) => {
    let buf = '';
    child.stdio[3].on('data', (c) => {
      buf += c;
      const m = buf.match(/^(\d+)\s/);
      if (m) resolve(`:${m[1]}`);
    });
    child.once('error', (e) => reject(new Error(`cannot start ${XVFB}: ${e.message}`)));
    child.once('exit', (code, sig) => reject(new Error(`Xvfb exited (${code ?? sig}): ${log}`)));
  });
  try {
    const display = await withTimeout(started, timeoutMs, 'Xvfb start');
    return { child, display };
  } catch (err) {
    await stopGroup(child, 1000);
    throw err;
  }
}

/**
 * What differs between engines: the driver and its arguments, the session
 * capabilities, and how long a cold start may take. `o` is the Browser's
 * options, `dir` a private temporary directory for this session.
 */
const ENGINES = {
  chromium: {
    label: 'Chromium',
    driver: () => CHROMEDRIVER,
    driverArgs: (port) => [`--port=${port}`, '--allowed-ips=127.0.0.1'],
    startTimeoutMs: 30_000,
    capabilities(o, dir) {
      const scheme = { light: ['--blink-settings=preferredColorScheme=1'],
        dark: ['--blink-settings=preferredColorScheme=0'] }[o.colorScheme] || [];
      return {
        browserName: 'chrome',
        'goog:chromeOptions': {
          binary: CHROMIUM,
          args: [...BASE_ARGS, `--user-data-dir=${dir}`, `--window-size=${o.width},${o.height}`, ...scheme, ...o.args],
        },
        // Chromium's own console log, read by consoleLog() with the page's.
        'goog:loggingPrefs': { browser: 'ALL' },
      };
    },
  },
  firefox: {
    label: 'Firefox',
    driver: () => GECKODRIVER,
    // --profile-root: the temporary profile goes into our directory, which
    // quit() removes even if geckodriver could not.
    driverArgs: (port, dir) => ['--port', String(port), '--host', '127.0.0.1', '--profile-root', dir, '--log', 'warn'],
    startTimeoutMs: 60_000,
    capabilities(o) {
      const prefs = { ...FIREFOX_PREFS };
      if (o.colorScheme) {
        // The system theme Firefox sees, and the content override on top
        // (0 dark, 1 light), so no system setting can win.
        prefs['ui.systemUsesDarkTheme'] = o.colorScheme === 'dark' ? 1 : 0;
        prefs['layout.css.prefers-color-scheme.content-override'] = o.colorScheme === 'dark' ? 0 : 1;
      }
      return {
        browserName: 'firefox',
        'moz:firefoxOptions': {
          // Explicit: geckodriver's own lookup would try the network.
          binary: FIREFOX,
          args: ['-headless', '-width', String(o.width), '-height', String(o.height), ...o.args],
          prefs: { ...prefs, ...o.prefs },
        },
      };
    },
  },
  webkit: {
    label: 'WebKitGTK',
    driver: () => WEBKIT_DRIVER,
    driverArgs: (port) => [`--port=${port}`, '--host=127.0.0.1'],
    needsDisplay: true,
    // The very first start after installing WebKitGTK once took over 30 s.
    startTimeoutMs: 90_000,
    capabilities(o) {
      return {
        'webkitgtk:browserOptions': {
          binary: MINIBROWSER,
          args: ['--automation', ...(o.colorScheme === 'dark' ? ['--dark-mode'] : []), ...o.args],
        },
      };
    },
    // GTK_THEME pins the light theme unless --dark-mode asks for dark; no
    // accessibility bus (none runs here; axe-core reads the DOM).
    env: (o, display) => ({ DISPLAY: display, NO_AT_BRIDGE: '1', ...(o.colorScheme === 'dark' ? {} : { GTK_THEME: 'Adwaita' }) }),
  },
};

/** The engine's display name ("Firefox"), for messages. */
export function browserLabel(name) {
  return (ENGINES[name] && ENGINES[name].label) || name;
}

export class Browser {
  /**
   * Starts the driver (and, for WebKit, an Xvfb display) and opens a session.
   *
   * options: browser ('chromium' default, 'firefox', 'webkit'), width/height
   * (window size, default 1200×900; use setViewportSize() for an exact
   * viewport), colorScheme ('light' | 'dark'; default: the engine's),
   * args (extra browser arguments, engine-specific, e.g. Chromium's
   * '--blink-settings=preferredColorScheme=0'), prefs (extra Firefox
   * prefs), startTimeoutMs (driver start + session; default per engine:
   * 30 s Chromium, 60 s Firefox, 90 s WebKit), commandTimeoutMs (each
   * HTTP command, default 60 s), scriptTimeoutMs (executeAsync's own
   * limit, default 30 s), pageLoadTimeoutMs (navigate, default 30 s),
   * consoleHook (inject console-hook.js after navigate() and on entering
   * a frame when the page lacks it; default true), display (an X display
   * for WebKit to use instead of starting Xvfb), verbose (driver log to
   * stderr), capabilities (extra alwaysMatch capabilities).
   */
  static async launch(options = {}) {
    installExitHook();
    const b = new Browser(options);
    live.add(b);
    try {
      await b._start();
    } catch (err) {
      await b.quit();
      throw err;
    }
    return b;
  }

  constructor(options) {
    const name = options.browser || 'chromium';
    const engine = ENGINES[name];
    if (!engine) throw new Error(`unknown browser ${JSON.stringify(name)} (${BROWSERS.join(', ')})`);
    this.name = name;
    this.engine = engine;
    this.options = {
      width: 1200,
      height: 900,
      args: [],
      prefs: {},
      colorScheme: undefined,
      startTimeoutMs: engine.startTimeoutMs,
      commandTimeoutMs: 60_000,
      scriptTimeoutMs: 30_000,
      pageLoadTimeoutMs: 30_000,
      consoleHook: true,
      display: undefined,
      verbose: false,
      capabilities: {},
      ...options,
    };
    this.driver = null;
    this.xvfb = null;
    this.display = null;
    this.port = null;
    this.sessionId = null;
    this.tmpDir = null;
    this.driverLog = '';
    this.capabilities = null;
  }

  /** "Firefox 140.10.2esr", from the session's capabilities. */
  get version() {
    const c = this.capabilities || {};
    return `${this.engine.label} ${c.browserVersion || c.version || '?'}`;
  }

  async _start() {
    const o = this.options;
    const deadline = Date.now() + o.startTimeoutMs;
    const left = () => Math.max(1000, deadline - Date.now());
    this.tmpDir = mkdtempSync(join(tmpdir(), `cc-${this.name}-`));
    let childEnv = env;
    if (this.engine.needsDisplay) {
      this.display = o.display;
      if (!this.display) {
        // Larger than any window we ask for; 24-bit for screenshots.
        this.xvfb = await startXvfb(Math.max(1920, o.width + 100), Math.max(1200, o.height + 100), Math.min(left(), 20_000));
        this.display = this.xvfb.display;
      }
      childEnv = { ...env, ...this.engine.env(o, this.display) };
    }
    this.port = await freePort();
    const driverPath = this.engine.driver();
    this.driver = spawn(driverPath, this.engine.driverArgs(this.port, this.tmpDir), {
      // Its own process group, so that killing the group also ends the
      // browser it started if the session could not be closed cleanly.
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
      env: childEnv,
      cwd: this.tmpDir,
    });
    const keepLog = (chunk) => {
      const s = chunk.toString();
      if (o.verbose) process.stderr.write(s);
      // Keep the tail only: enough to explain a failed start.
      this.driverLog = (this.driverLog + s).slice(-4000);
    };
    this.driver.stdout.on('data', keepLog);
    this.driver.stderr.on('data', keepLog);
    const exited = new Promise((_, reject) => {
      this.driver.once('error', (e) =>
        reject(new Error(`cannot start ${driverPath}: ${e.message}`)));
      this.driver.once('exit', (code, sig) =>
        reject(new Error(`${driverPath} exited (${code ?? sig}): ${this.driverLog}`)));
    });
    exited.catch(() => {}); // only observed through the races below

    // Wait until it answers /status with ready: true.
    const ready = (async () => {
      for (;;) {
        try {
          const res = await this._http('GET', '/status', undefined, 2000);
          if (res.value && res.value.ready) return;
        } catch {
          // not listening yet
        }
        if (Date.now() > deadline) {
          throw new Error(`${driverPath} not ready after ${o.startTimeoutMs} ms: ${this.driverLog}`);
        }
        await sleep(50);
      }
    })();
    await Promise.race([ready, exited]);

    const res = await Promise.race([
      this._command('POST', '/session', {
        capabilities: {
          alwaysMatch: {
            ...this.engine.capabilities(o, this.tmpDir),
            timeouts: {
              script: o.scriptTimeoutMs,
              pageLoad: o.pageLoadTimeoutMs,
              implicit: 0,
            },
            ...o.capabilities,
          },
        },
      }, left()),
      exited,
    ]);
    this.sessionId = res.sessionId;
    this.capabilities = res.capabilities || null;
    if (!this.sessionId) throw new Error(`no session id in ${JSON.stringify(res)}`);
    this._scriptTimeout = o.scriptTimeoutMs;
    if (this.name !== 'chromium') {
      // Chromium takes its size from --window-size; the others from here.
      await this.setWindowSize(o.width, o.height);
    }
  }

  /** One HTTP request to the driver, bounded by `timeoutMs`. */
  async _http(method, path, body, timeoutMs) {
    const ctl = new AbortController();
    const timer = setTimeout(() => ctl.abort(), timeoutMs);
    try {
      const res = await fetch(`http://127.0.0.1:${this.port}${path}`, {
        method,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: ctl.signal,
      });
      const text = await res.text();
      let json;
      try {
        json = JSON.parse(text);
      } catch {
        json = { value: { error: 'bad json', message: text.slice(0, 500) } };
      }
      json.httpStatus = res.status;
      return json;
    } catch (err) {
      if (err.name === 'AbortError') {
        throw new Error(`${method} ${path} timed out after ${timeoutMs} ms`);
      }
      throw err;
    } finally {
      clearTimeout(timer);
    }
  }

  /** A WebDriver command: returns `value`, throws WebDriverError on error. */
  async _command(method, path, body, timeoutMs = this.options.commandTimeoutMs) {
    const res = await this._http(method, path, body, timeoutMs);
    if (res.httpStatus >= 400) throw new WebDriverError(`${method} ${path}`, res.httpStatus, res.value);
    return res.value;
  }

  _session(method, path, body, timeoutMs) {
    if (!this.sessionId) throw new Error('no WebDriver session');
    return this._command(method, `/session/${this.sessionId}${path}`, body, timeoutMs);
  }

  /**
   * Loads `url` and waits for the load event (bounded by pageLoadTimeoutMs);
   * then injects the console hook if the page did not load it itself.
   */
  async navigate(url) {
    const v = await this._session('POST', '/url', { url }, this.options.pageLoadTimeoutMs + 5000);
    await this._ensureConsoleHook();
    return v;
  }

  async _ensureConsoleHook() {
    if (!this.options.consoleHook) return;
    try {
      await this.execute(CONSOLE_HOOK);
    } catch {
      // e.g. a page that forbids scripts: consoleLog() then has only the driver's log
    }
  }

  /** Runs `script` (a function body; `arguments` holds `args`), returns its value. */
  execute(script, ...args) {
    return this._session('POST', '/execute/sync', { script, args });
  }

  /**
   * Runs `script` asynchronously: it must call `arguments[arguments.length - 1]`
   * with its result within `timeoutMs` (default: the session's script timeout).
   */
  async executeAsync(script, args = [], timeoutMs) {
    const want = timeoutMs ?? this.options.scriptTimeoutMs;
    if (want !== this._scriptTimeout) {
      await this._session('POST', '/timeouts', { script: want });
      this._scriptTimeout = want;
    }
    return this._session('POST', '/execute/async', { script, args }, want + 10_000);
  }

  /**
   * Polls `script` (sync) until it returns a truthy value; returns that value,
   * or throws `what` after `timeoutMs`.
   */
  async waitFor(script, { timeoutMs = 15_000, intervalMs = 100, what = 'condition' } = {}) {
    const deadline = Date.now() + timeoutMs;
    let last;
    for (;;) {
      last = await this.execute(script);
      if (last) return last;
      if (Date.now() > deadline) throw new Error(`waiting for ${what}: not true after ${timeoutMs} ms`);
      await sleep(intervalMs);
    }
  }

  /** Sets the outer window size (the viewport is smaller by the browser's frame, if any). */
  setWindowSize(width, height) {
    return this._session('POST', '/window/rect', { width, height });
  }

  /**
   * Makes the page's viewport (window.innerWidth × innerHeight) `width` ×
   * `height` CSS px, as far as the engine allows. Windows are larger than
   * their viewport by a frame that differs per engine (headless Chromium
   * simulates one; MiniBrowser has a toolbar), and some clamp the size
   * (Chromium's --window-size to 500 px wide, MiniBrowser to about 450),
   * so we set the rect, measure, and correct once. Returns the viewport
   * reached, [innerWidth, innerHeight].
   */
  async setViewportSize(width, height) {
    const inner = 'return [window.innerWidth, window.innerHeight]';
    await this.setWindowSize(width, height);
    let [iw, ih] = await this.execute(inner);
    if (iw !== width || ih !== height) {
      await this.setWindowSize(width + (width - iw), height + (height - ih));
      // A window manager-less X server applies the size asynchronously.
      const deadline = Date.now() + 2000;
      for (;;) {
        [iw, ih] = await this.execute(inner);
        if ((iw === width && ih === height) || Date.now() > deadline) break;
        await sleep(100);
      }
    }
    return [iw, ih];
  }

  /** Takes a PNG screenshot of the viewport; writes it to `path` if given, returns the bytes. */
  async screenshot(path) {
    const b64 = await this._session('GET', '/screenshot');
    const png = Buffer.from(b64, 'base64');
    if (path) writeFileSync(path, png);
    return png;
  }

  /**
   * The console entries since the last call, as [{ level, message, source }]
   * with Chromium's level names (SEVERE, WARNING, INFO, DEBUG):
   * - in every engine, the current browsing context's own record
   *   (console-hook.js; `source` 'page:console' | 'page:error' |
   *   'page:rejection' | 'page:csp'), entries since the page loaded;
   * - in Chromium also the driver's log ('driver'), which covers every
   *   frame and the browser's own messages (e.g. failed requests), so an
   *   error may appear twice there.
   * Never throws: a log that cannot be read is empty.
   */
  async consoleLog() {
    const out = [];
    if (this.name === 'chromium') {
      try {
        const l = await this._session('POST', '/se/log', { type: 'browser' });
        for (const e of l) out.push({ level: e.level, message: e.message, source: 'driver', timestamp: e.timestamp });
      } catch {
        // no driver log in this session
      }
    }
    try {
      const l = await this.execute(READ_CONSOLE_HOOK);
      if (Array.isArray(l)) {
        for (const e of l) out.push({ level: e.level, message: e.message, source: `page:${e.source}`, since: e.since });
      }
    } catch {
      // no page, or scripts not allowed
    }
    return out;
  }

  /**
   * A web element reference for the first match of `css` in the document,
   * or null. (An element returned by execute() is a reference too, also
   * one inside a shadow root.)
   */
  async findElement(css) {
    try {
      return await this._session('POST', '/element', { using: 'css selector', value: css });
    } catch (err) {
      if (err.error === 'no such element') return null;
      throw err;
    }
  }

  /**
   * A real click on an element reference (scrolled into view, at its
   * centre): fails with `element click intercepted` if something covers it.
   */
  click(ref) {
    return this._session('POST', `/element/${elementId(ref)}/click`, {});
  }

  /** Types `text` into an element reference (WebDriver key codes allowed, e.g. '\uE014' for ArrowRight). */
  sendKeys(ref, text) {
    return this._session('POST', `/element/${elementId(ref)}/value`, { text });
  }

  /**
   * Switches to the frame of an <iframe> element reference (and injects
   * the console hook there if the frame's page lacks it); null switches
   * back to the top page.
   */
  async switchToFrame(ref) {
    const v = await this._session('POST', '/frame', { id: ref === null ? null : ref });
    if (ref !== null) await this._ensureConsoleHook();
    return v;
  }

  /** Ends the session and kills the driver (and Xvfb); safe to call twice. */
  async quit() {
    if (this.sessionId) {
      const id = this.sessionId;
      this.sessionId = null;
      try {
        await this._command('DELETE', `/session/${id}`, undefined, 10_000);
      } catch {
        // the driver may already be gone; we kill it below anyway
      }
    }
    await this._kill();
    live.delete(this);
  }

  async _kill() {
    const d = this.driver;
    this.driver = null;
    await stopGroup(d);
    const x = this.xvfb;
    this.xvfb = null;
    if (x) await stopGroup(x.child);
    this._removeTmp();
  }

  _killNow() {
    if (this.driver) killGroup(this.driver, 'SIGKILL');
    this.driver = null;
    if (this.xvfb) killGroup(this.xvfb.child, 'SIGKILL');
    this.xvfb = null;
    this._removeTmp();
  }

  _removeTmp() {
    if (this.tmpDir) {
      try {
        rmSync(this.tmpDir, { recursive: true, force: true, maxRetries: 3 });
      } catch {
        // the browser may still be writing; a leftover temp dir is harmless.
      }
      this.tmpDir = null;
    }
  }
}

/** The id inside a web element reference (W3C key), or the string itself. */
export function elementId(ref) {
  if (typeof ref === 'string') return ref;
  const id = ref && (ref['element-6066-11e4-a52e-4f735466cecf'] || ref.ELEMENT);
  if (!id) throw new Error(`not a web element reference: ${JSON.stringify(ref)}`);
  return id;
}

/**
 * Launches a browser, runs `fn(browser)`, and always quits, also when `fn`
 * throws or exceeds `timeoutMs` (default 5 min).
 */
export async function withBrowser(options, fn, timeoutMs = 300_000) {
  const browser = await Browser.launch(options);
  try {
    return await withTimeout(fn(browser), timeoutMs, 'browser run');
  } finally {
    await browser.quit();
  }
}
