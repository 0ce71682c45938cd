/*---
description: no strict; with is a SyntaxError in strict code
flags: [noStrict]
---*/
var o = { p: 1 };
with (o) { assert.sameValue(p, 1); }
