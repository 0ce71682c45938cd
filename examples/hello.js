// hello.js: a short tour of jsi4j. Run it with  ./jsi run examples/hello.js [your name]
//
// `console` and `jsi` are host objects: Java objects that JavaScript sees as ordinary objects.
// Their methods (console.log, jsi.now) are host functions: Java code called from JavaScript.
// The same script runs unchanged on every engine: try --engine with an id from `./jsi engines`.

var started = jsi.now();
var name = jsi.args.length > 0 ? jsi.args[0] : 'world';

console.log('Hello, %s! This is %s %s speaking.', name, jsi.engine, jsi.version);

console.log('\nThe jsi host object holds:');
Object.keys(jsi).forEach(function (key) {
  console.log('  jsi.%s  (%s)', key, typeof jsi[key]);
});

console.log('\nconsole.log formats like Node:');
console.log('  %d apples, %i whole, %f kg, %s%%', '42', 3.99, '2.5kg', 100);
console.log('  as JSON: %j', { ok: true, tags: ['a', 'b'] });
console.log('  inspected:', { name: name, list: [1, 'two', { three: 3 }], when: new Date(0) });

var fibonacci = [0, 1];
while (fibonacci.length < 12) {
  fibonacci.push(fibonacci[fibonacci.length - 1] + fibonacci[fibonacci.length - 2]);
}
console.log('  the first %d Fibonacci numbers: %O', fibonacci.length, fibonacci);

console.log('\nHost functions are made once: console.log === console.log is %s.', console.log === console.log);
console.warn('console.warn and console.error write to stderr; log, info and debug to stdout.');
console.info('Done in %d ms.', jsi.now() - started);
