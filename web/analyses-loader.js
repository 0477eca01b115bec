// Starts the analysis worker (analyses/, built by trunk as a no-modules
// Web Worker). The worker's wasm is fetched at once, beside its glue
// script, and compiled as it streams in. What the page posts meanwhile
// (the corpus, first, then the first request) is kept here and handed to
// the worker's own handler, in order, the moment it is installed: the page
// posts without waiting for the worker, and the worker never waits for the
// page's main thread, which at 1,000 statements is busy with the page's
// own start-up for a few hundred milliseconds.
//
// If the wasm cannot be started, the failure is rethrown outside the
// promise, so it reaches the page as the Worker's "error" event and the
// page says why, instead of waiting for an answer that will never come.
var early = [];
self.onmessage = function (e) {
  early.push(e);
};
var wasm = fetch('./csto-analyses_bg.wasm');
importScripts('./csto-analyses.js');
wasm_bindgen({ module_or_path: wasm }).then(
  function () {
    // The worker's main() has replaced self.onmessage with its own handler.
    var handle = self.onmessage;
    early.forEach(function (e) {
      handle(e);
    });
    early = null;
  },
  function (err) {
    setTimeout(function () {
      throw new Error('the analyses could not be started (' + err + ')');
    });
  },
);
