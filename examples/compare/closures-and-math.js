// Agrees: closures, Math and number printing are the same everywhere.
function counter() { var n = 0; return function () { return ++n; }; }
var next = counter();
next(); next();
console.log('count', next(), 'pi', Math.PI.toFixed(5), 0.1 + 0.2, 1e21, -0, [1, 2, 3].map(function (x) { return x * x; }));
next() * 10;
