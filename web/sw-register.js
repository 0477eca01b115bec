// Registers the service worker (sw.js beside index.html, written by
// scripts/post-build.sh) that keeps this build for use offline. It waits
// until the app has started, so the build's files are in the HTTP cache by
// then and are not downloaded twice.
//
// When a newer build has replaced the offline copy, the masthead says so,
// once (#update-note, a live region): the worker tells its build, and the
// build last seen is remembered per scope in localStorage, so a reload, or
// another tab, does not say it again.
(function () {
  'use strict';
  var sw = navigator.serviceWorker;
  if (!sw) return;

  function say(text, reload) {
    var note = document.getElementById('update-note');
    if (!note) return;
    note.textContent = text;
    if (reload) {
      var link = document.createElement('a');
      link.href = location.href;
      link.textContent = 'Reload to use it.';
      note.append(' ', link);
    }
  }

  // The build of the worker now in charge (sw.js answers 'build?').
  function activeBuild(reg) {
    return new Promise(function (resolve) {
      if (!reg.active) return resolve(null);
      var channel = new MessageChannel();
      channel.port1.onmessage = function (event) {
        resolve(event.data);
      };
      reg.active.postMessage('build?', [channel.port2]);
      setTimeout(resolve, 5000, null);
    });
  }

  function check() {
    sw.ready
      .then(function (reg) {
        return activeBuild(reg).then(function (build) {
          if (!build) return;
          var key = 'csto-explorer build ' + reg.scope;
          var seen = localStorage.getItem(key);
          if (seen === build) return;
          localStorage.setItem(key, build);
          if (!seen) return; // the first offline copy: nothing was updated
          // Is this page itself the new build? Then its wasm is in the new cache.
          var wasm = document.querySelector('link[href$=".wasm"]');
          var cacheName = 'csto-explorer ' + reg.scope + ' ' + build;
          return (wasm ? caches.match(wasm.href, { cacheName: cacheName }) : Promise.resolve(true)).then(function (hit) {
            if (hit) say('Updated: this is the newest version of the explorer, and it works offline.');
            else say('A newer version of the explorer has been installed.', true);
          });
        });
      })
      .catch(function () {});
  }

  function register() {
    sw.register('sw.js').then(check, function () {
      // No offline copy (a browser that refuses service workers, a host
      // without sw.js): the explorer works as before.
    });
  }

  sw.addEventListener('controllerchange', check);
  // Trunk's loader sets window.wasmBindings just before it dispatches
  // TrunkApplicationStarted: this script may run before or after that.
  if (window.wasmBindings) register();
  else addEventListener('TrunkApplicationStarted', register, { once: true });
})();
