// Starts the analysis worker (analyses/, built by trunk as a no-modules
// Web Worker): loads the wasm-bindgen glue, then waits for the wasm itself,
// which the page fetched the moment it started this worker and sends as
// the first message (two round trips fewer than fetching it from here,
// after this script and the glue). If the wasm cannot be started, the
// failure is rethrown outside the promise, so it reaches the page as the
// Worker's "error" event and the page says why, instead of waiting for an
// answer that will never come.
importScripts('./csto-analyses.js');
self.onmessage = function (e) {
  self.onmessage = null;
  wasm_bindgen({ module_or_path: e.data }).catch(function (err) {
    setTimeout(function () {
      throw new Error('the analyses could not be started (' + err + ')');
    });
  });
};
