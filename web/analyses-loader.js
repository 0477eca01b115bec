// Starts the analysis worker (analyses/, built by trunk as a no-modules
// Web Worker): loads the wasm-bindgen glue, then the wasm. If the wasm
// cannot be loaded (offline without a cached copy, a host that does not
// serve .wasm), the failure is rethrown outside the promise, so it reaches
// the page as the Worker's "error" event and the page says why, instead of
// waiting for an answer that will never come. (trunk's own loader shim
// leaves the promise's rejection inside the worker.)
importScripts('./csto-analyses.js');
wasm_bindgen('./csto-analyses_bg.wasm').catch(function (e) {
  setTimeout(function () {
    throw new Error('the analyses could not be loaded (' + e + ')');
  });
});
