// The engine-neutral console log of the browser runs. Chromium keeps a
// console log for WebDriver (goog:loggingPrefs); Firefox's geckodriver and
// WebKitGTK's WebKitWebDriver keep none. So every page under test records
// its own: this classic script wraps console.error/warn/info/log/debug and
// listens for uncaught errors, failed element loads, unhandled rejections
// and Content-Security-Policy violations, into window.__ccConsole:
//
//   { entries: [{ level: 'SEVERE' | 'WARNING' | 'INFO' | 'DEBUG',
//                 message, source: 'console' | 'error' | 'rejection' | 'csp',
//                 t }], read: N, since: 'start' | 'late' }
//
// Levels use Chromium's names, so callers can treat both logs alike.
// The fixture pages load it first (<script src="/__harness/console-hook.js">),
// and so does the iframe page, via the e2e server; webdriver.mjs injects it
// after a navigation into a page that lacks it (since: 'late': it then
// misses what happened during the load). Browser.consoleLog() returns the
// entries since its last call (`read` is its cursor).
//
// No inline code, no eval: it runs under the strict CSP of csp.html.
(function () {
  'use strict';
  if (window.__ccConsole) return;
  var log = { entries: [], read: 0, since: document.readyState === 'loading' ? 'start' : 'late' };
  window.__ccConsole = log;
  var MAX = 2000;
  var t0 = Date.now();

  function text(x) {
    if (typeof x === 'string') return x;
    if (x instanceof Error) return String(x.name || 'Error') + ': ' + x.message;
    try {
      var j = JSON.stringify(x);
      return j === undefined ? String(x) : j;
    } catch (e) {
      return String(x);
    }
  }
  function add(level, source, message) {
    if (log.entries.length >= MAX) log.entries.shift();
    log.entries.push({ level: level, source: source, message: String(message).slice(0, 2000), t: Date.now() - t0 });
  }

  var levels = { error: 'SEVERE', warn: 'WARNING', info: 'INFO', log: 'INFO', debug: 'DEBUG' };
  Object.keys(levels).forEach(function (name) {
    var orig = console[name];
    if (typeof orig !== 'function') return;
    console[name] = function () {
      try {
        add(levels[name], 'console', Array.prototype.map.call(arguments, text).join(' '));
      } catch (e) {
        // never break the page's own logging
      }
      return orig.apply(this, arguments);
    };
  });

  window.addEventListener('error', function (e) {
    var t = e.target;
    if (t && t !== window && (t.src || t.href)) {
      add('SEVERE', 'error', 'failed to load ' + (t.src || t.href));
    } else {
      var msg = (e.message || text(e.error) || 'error') +
        (e.filename ? ' (' + e.filename + ':' + e.lineno + ')' : '');
      // "ResizeObserver loop completed with undelivered notifications" is
      // an error event by the spec, but no exception: the notifications
      // come a frame later. Chromium does not log it at all; we keep it,
      // as a warning, so that it shows without failing a run.
      add(/^ResizeObserver loop/.test(String(e.message)) ? 'WARNING' : 'SEVERE', 'error', msg);
    }
  }, true);
  window.addEventListener('unhandledrejection', function (e) {
    add('SEVERE', 'rejection', 'unhandled rejection: ' + text(e.reason));
  });
  document.addEventListener('securitypolicyviolation', function (e) {
    add('SEVERE', 'csp', 'Content-Security-Policy: ' + e.effectiveDirective + ' blocked ' +
      (e.blockedURI || '(inline)') + (e.sourceFile ? ' at ' + e.sourceFile + ':' + e.lineNumber : ''));
  }, true);
})();
