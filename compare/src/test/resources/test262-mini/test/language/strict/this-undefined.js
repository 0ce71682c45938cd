/*---
description: only strict; a strict function called without a receiver has this === undefined
flags: [onlyStrict]
---*/
function f() { return this; }
assert.sameValue(f(), undefined, "this in a strict function");
