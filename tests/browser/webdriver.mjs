// A tiny, dependency-free W3C WebDriver client for headless Chromium.
//
// It starts /usr/bin/chromedriver on a free loopback port, opens one
// session and speaks plain HTTP+JSON to it. Every wait is bounded: a
// request that hangs, a page that never loads or a script that never
// calls back ends in an error, and `quit()` always kills chromedriver
// (and with it Chromium), also when the caller forgets (process exit).
//
//   import { Browser } from './webdriver.mjs';
//   const browser = await Browser.launch({ width: 1200, height: 900 });
//   try {
//     await browser.navigate('http://127.0.0.1:1234/');
//     const title = await browser.execute('return document.title');
//   } finally {
//     await browser.quit();
//   }

import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
export const CHROMEDRIVER = process.env.CHROMEDRIVER || '/usr/bin/chromedriver';

/** The flags every run needs: we run as root, headless, offline. */
export const BASE_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

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

/** Signals chromedriver's process group (it and the Chromium it started). */
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

const live = new Set();
let exitHookInstalled = false;
function installExitHook() {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // Last resort: never leave a chromedriver (and its Chromium) behind.
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

export class Browser {
  /**
   * Starts chromedriver and opens a session.
   *
   * options: width/height (window size, default 1200×900), args (extra
   * Chromium flags, e.g. '--blink-settings=preferredColorScheme=0'),
   * startTimeoutMs (chromedriver start + session, default 30 s),
   * commandTimeoutMs (each HTTP command, default 60 s),
   * scriptTimeoutMs (executeAsync's own limit, default 30 s),
   * pageLoadTimeoutMs (navigate, default 30 s), verbose (chromedriver log to
   * stderr), capabilities (extra alwaysMatch capabilities, e.g.
   * { 'goog:loggingPrefs': { browser: 'ALL' } } so that consoleLog() works).
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
    this.options = {
      width: 1200,
      height: 900,
      args: [],
      startTimeoutMs: 30_000,
      commandTimeoutMs: 60_000,
      scriptTimeoutMs: 30_000,
      pageLoadTimeoutMs: 30_000,
      verbose: false,
      capabilities: {},
      ...options,
    };
    this.driver = null;
    this.port = null;
    this.sessionId = null;
    this.userDataDir = null;
    this.driverLog = '';
  }

  async _start() {
    const o = this.options;
    this.port = await freePort();
    this.userDataDir = mkdtempSync(join(tmpdir(), 'cc-chromium-'));
    this.driver = spawn(
      CHROMEDRIVER,
      [`--port=${this.port}`, '--allowed-ips=127.0.0.1'],
      // Its own process group, so that killing the group also ends the
      // Chromium it started if the session could not be closed cleanly.
      { stdio: ['ignore', 'pipe', 'pipe'], detached: true },
    );
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
        reject(new Error(`cannot start ${CHROMEDRIVER}: ${e.message}`)));
      this.driver.once('exit', (code, sig) =>
        reject(new Error(`chromedriver exited (${code ?? sig}): ${this.driverLog}`)));
    });
    exited.catch(() => {}); // only observed through the race below

    // Wait until it answers /status with ready: true.
    const deadline = Date.now() + o.startTimeoutMs;
    const ready = (async () => {
      for (;;) {
        try {
          const res = await this._http('GET', '/status', undefined, 2000);
          if (res.value && res.value.ready) return;
        } catch {
          // not listening yet
        }
        if (Date.now() > deadline) {
          throw new Error(`chromedriver not ready after ${o.startTimeoutMs} ms: ${this.driverLog}`);
        }
        await sleep(50);
      }
    })();
    await Promise.race([ready, exited]);

    const args = [
      ...BASE_ARGS,
      `--user-data-dir=${this.userDataDir}`,
      `--window-size=${o.width},${o.height}`,
      ...o.args,
    ];
    const res = await Promise.race([
      this._command('POST', '/session', {
        capabilities: {
          alwaysMatch: {
            browserName: 'chrome',
            'goog:chromeOptions': { binary: CHROMIUM, args },
            timeouts: {
              script: o.scriptTimeoutMs,
              pageLoad: o.pageLoadTimeoutMs,
              implicit: 0,
            },
            ...o.capabilities,
          },
        },
      }, o.startTimeoutMs),
      exited,
    ]);
    this.sessionId = res.sessionId;
    if (!this.sessionId) throw new Error(`no session id in ${JSON.stringify(res)}`);
  }

  /** One HTTP request to chromedriver, bounded by `timeoutMs`. */
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

  /** Loads `url` and waits for the load event (bounded by pageLoadTimeoutMs). */
  navigate(url) {
    return this._session('POST', '/url', { url }, this.options.pageLoadTimeoutMs + 5000);
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
    if (timeoutMs !== undefined && timeoutMs !== this._scriptTimeout) {
      await this._session('POST', '/timeouts', { script: timeoutMs });
      this._scriptTimeout = timeoutMs;
    }
    const limit = (timeoutMs ?? this.options.scriptTimeoutMs) + 10_000;
    return this._session('POST', '/execute/async', { script, args }, limit);
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

  /** Sets the outer window size (the viewport is a little smaller in headed mode, equal in headless). */
  setWindowSize(width, height) {
    return this._session('POST', '/window/rect', { width, height });
  }

  /**
   * Makes the page's viewport (window.innerWidth × innerHeight) `width` ×
   * `height` CSS px. Headless Chromium's window is taller than its viewport
   * (about 143 px of simulated browser frame) and `--window-size` clamps the
   * width to 500 px, so we set the rect, measure, and correct once. Returns
   * the viewport reached, [innerWidth, innerHeight].
   */
  async setViewportSize(width, height) {
    const inner = 'return [window.innerWidth, window.innerHeight]';
    await this.setWindowSize(width, height);
    let [iw, ih] = await this.execute(inner);
    if (iw !== width || ih !== height) {
      await this.setWindowSize(width + (width - iw), height + (height - ih));
      [iw, ih] = await this.execute(inner);
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

  /** The browser's console entries, if the driver keeps them (best effort). */
  async consoleLog() {
    try {
      return await this._session('POST', '/se/log', { type: 'browser' });
    } catch {
      return [];
    }
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

  /** Switches to the frame of an <iframe> element reference; null switches back to the top page. */
  switchToFrame(ref) {
    return this._session('POST', '/frame', { id: ref === null ? null : ref });
  }

  /** Ends the session and kills chromedriver; safe to call twice. */
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
    if (d && d.exitCode === null && d.signalCode === null) {
      const gone = new Promise((r) => d.once('exit', r));
      killGroup(d, 'SIGTERM');
      const done = await Promise.race([gone.then(() => true), sleep(3000).then(() => false)]);
      if (!done) killGroup(d, 'SIGKILL');
    } else if (d) {
      killGroup(d, 'SIGKILL'); // a Chromium may outlive its driver
    }
    this.driver = null;
    this._removeProfile();
  }

  _killNow() {
    const d = this.driver;
    if (d) killGroup(d, 'SIGKILL');
    this.driver = null;
    this._removeProfile();
  }

  _removeProfile() {
    if (this.userDataDir) {
      try {
        rmSync(this.userDataDir, { recursive: true, force: true, maxRetries: 3 });
      } catch {
        // Chromium may still be writing; a leftover temp dir is harmless.
      }
      this.userDataDir = null;
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
