// Differs today: Rhino has no async functions (a SyntaxError); V8 and GraalJS agree on the
// order in which the microtasks run.
async function later(x) { await null; return x * 2; }
later(21).then(function (v) { console.log('resolved', v); });
console.log('sync first');
