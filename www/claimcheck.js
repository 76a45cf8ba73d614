// claimcheck.js: the embed loader.
//
//   <script type="module" src="https://…/claimcheck.js"></script>
//   <div data-claimcheck data-hypotheses="deadline,underprovisioning"></div>
//
// Mounts a widget into every [data-claimcheck] element present at load
// and into those added later; removing an element destroys its widget.
// The wasm-bindgen glue (widget.js), the stylesheet (claimcheck.css,
// adopted by every widget's shadow root) and the wasm are fetched relative
// to this script's own URL, so the script may live on another origin and
// path than the page: the first two at once, the wasm once the page has
// shown its first contentful paint, so it shares no bandwidth with what
// the article needs for its first paint.
// Also the JS API: `claimcheck.mount(element, options)` (see the README).
const file = (name) => new URL(name, import.meta.url);
const glue = import('./widget.js');
const css = fetch(file('claimcheck.css'))
  .then((r) => (r.ok ? r.text() : Promise.reject(new Error(`HTTP ${r.status}`))));
// Handled below; no unhandled rejection if the glue fails first.
css.catch(() => {});
let widget = null;

const base = new URL('./', import.meta.url).href;
const handles = new Map();
let markReady;
const ready = new Promise((resolve) => { markReady = resolve; });
let loaded = false;

/** Mounts a widget into `element`; throws an Error on a bad option. */
export function mount(element, options) {
  if (!loaded) {
    throw new Error('claimcheck: still loading; await claimcheck.ready first');
  }
  if (!(element instanceof Element)) {
    throw new Error('claimcheck: mount(element, options) needs a DOM element as `element`');
  }
  const previous = handles.get(element);
  if (previous) previous.destroy();
  const opts = Object.assign({ baseUrl: base }, options || {});
  const handle = widget.mount(element, opts);
  handles.set(element, handle);
  return handle;
}

const api = {
  mount,
  ready,
  version: '0.1.0',
  /** How many widgets are mounted on this page. */
  get count() { return handles.size; },
};
if (!window.claimcheck) window.claimcheck = api;
export default api;
export { ready };

function placeholders(root) {
  const found = [];
  if (root.matches && root.matches('[data-claimcheck]')) found.push(root);
  if (root.querySelectorAll) found.push(...root.querySelectorAll('[data-claimcheck]'));
  return found;
}

function mountAll(root) {
  for (const el of placeholders(root)) {
    if (handles.has(el)) continue;
    try {
      handles.set(el, widget.mountPlaceholder(el, base));
      // The widget (in the shadow root) replaces the no-JavaScript
      // fallback; without it the element is no longer the size container
      // that reserved the widget's box (fallback.css).
      for (const f of el.querySelectorAll(':scope > .cc-fallback')) f.remove();
    } catch (e) {
      console.error('claimcheck: could not mount a widget', e);
    }
  }
}

function releaseGone() {
  for (const [el, handle] of handles) {
    if (!el.isConnected) {
      handle.destroy();
      handles.delete(el);
    }
  }
}

// Posts the document's height to the parent in the three conventions
// newsrooms use: pym.js, AMP, and a Datawrapper-style message.
function postHeights() {
  if (window.parent === window) return;
  const id = new URLSearchParams(location.search).get('childId') || 'claimcheck';
  let last = -1;
  const post = () => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    window.parent.postMessage(`pymxPYMx${id}xPYMxheightxPYMx${height}`, '*');
    window.parent.postMessage({ sentinel: 'amp', type: 'embed-size', height }, '*');
    window.parent.postMessage({ 'claimcheck-height': height, id }, '*');
  };
  const observer = new ResizeObserver(post);
  observer.observe(document.documentElement);
  observer.observe(document.body);
  post();
}

try {
  widget = await glue;
  // Fetch and start the wasm once the page has shown its first
  // contentful paint (the fallback, in the widget's box), so that paint
  // waits neither for its download nor for the widget's first render; at
  // most 300 ms (a hidden tab does not paint).
  await new Promise((resolve) => {
    const painted = () => performance.getEntriesByName('first-contentful-paint').length > 0;
    if (painted()) return resolve();
    try {
      new PerformanceObserver(() => painted() && resolve()).observe({ type: 'paint' });
    } catch {
      // No paint timing here: the timeout decides.
    }
    setTimeout(resolve, 300);
  });
  await widget.default({ module_or_path: fetch(file('widget_bg.wasm')) });
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(await css);
    widget.adoptStylesheet(sheet);
  } catch (e) {
    // Each widget links claimcheck.css from its shadow root instead.
    console.warn('claimcheck: claimcheck.css could not be adopted; linking it', e);
  }
  loaded = true;
  mountAll(document);
  new MutationObserver((records) => {
    for (const r of records) {
      for (const n of r.addedNodes) if (n.nodeType === 1) mountAll(n);
    }
    releaseGone();
  }).observe(document.documentElement, { childList: true, subtree: true });
  if (document.querySelector('[data-claimcheck][data-from-url]')) postHeights();
  markReady(api);
} catch (e) {
  console.error('claimcheck: the widget could not load', e);
  for (const el of placeholders(document)) el.setAttribute('data-claimcheck-error', '');
}
