// storage.js: a native module written once in Java, loaded into any engine.
// Run it with  ./jsi run examples/storage.js   (add --engine rhino, v8 or graal to compare)
//
// require('storage') loads org.jsi4j.examples.storage.StorageModule (examples/storage-module), a plain Java class with
// @JsModule/@JsMethod/@JsProperty annotations, found through ServiceLoader. Arguments and results
// are converted both ways (strings, numbers, lists, maps, records, Optional, CompletableFuture).
// The timers (setTimeout, setInterval, queueMicrotask) run on the runtime's event loop.

var storage = require('storage');
console.log('storage on %s: %o', jsi.engine, Object.keys(storage));

storage.onChange(function (key, value) {
  console.log('  changed: %s = %s', key, value === undefined ? '(removed)' : value);
});

storage.set('lang', 'JavaScript');
storage.putAll({ engine: jsi.engine, answer: '42' });
console.log('size %d of at most %d; keys %j', storage.size, storage.MAX_KEYS, storage.keys());
console.log('entries (Java records as objects): %j', storage.entries());
console.log('get("nope") is %s', storage.get('nope'));
storage.remove('lang');

try {
  storage.set('only-a-key');
} catch (e) {
  console.log('%s: %s', e.name, e.message);
}
try {
  storage.set('n', 42);
} catch (e) {
  console.log('%s: %s', e.name, e.message);
}

storage.load('answer').then(function (value) {
  console.log('load("answer") resolved on the JS thread: %s', value);
});

var ticks = 0;
var interval = setInterval(function () {
  ticks++;
  console.log('tick %d', ticks);
  if (ticks === 3) {
    clearInterval(interval);
    setTimeout(function () { console.log('done; the event loop is now idle'); }, 10);
  }
}, 5);
queueMicrotask(function () { console.log('a microtask runs before any timer'); });
console.log('end of script');
