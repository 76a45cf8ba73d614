// claimcheck-worker.js: runs the support analysis off the main thread.
//
// Started by the widget (src/analysis.rs) where the page allows a worker
// from the bundle's own origin: the standalone page, the iframe page, a
// same-origin script embed. It loads the same module and wasm as the
// widget, simulates the analysis' draws in chunks and posts each chunk
// back as a Float64Array (transferred, not copied). Several workers share
// one analysis: worker `first` of `every` takes chunks first, first +
// every, first + 2·every… The main thread puts the chunks back in draw
// order and applies the verdict rule to them. Anything that goes wrong reaches the
// widget as an { error } message (or an error event, if the script itself
// cannot load), and it finishes the work in slices itself; a worker that
// dies without a word is caught by the widget's watchdog.
import init, { addStory, analysisDraws } from './widget.js';

const ready = init({ module_or_path: new URL('widget_bg.wasm', import.meta.url) });

self.onmessage = async (event) => {
  const { scenario, draws, seed, chunk } = event.data;
  const first = event.data.first || 0;
  const every = event.data.every || 1;
  try {
    await ready;
    // A story the page fetched on demand comes with the first message.
    if (event.data.pack) addStory(event.data.pack);
    for (let start = first * chunk; start < draws; start += every * chunk) {
      const count = Math.min(chunk, draws - start);
      const flat = analysisDraws(scenario, draws, seed, start, count);
      const data = new Float64Array(flat);
      self.postMessage({ start, count, data }, [data.buffer]);
    }
  } catch (e) {
    // An async handler's failure is a rejected promise, which never
    // reaches the page as an error event: say it in a message.
    self.postMessage({ error: `a worker failed (${(e && e.message) || e})` });
  }
};
