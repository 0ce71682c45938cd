/*---
description: a plain passing test (run non-strict and strict)
includes: [compareArray.js]
---*/
assert.compareArray([1, 2, 3].map(function (x) { return x * 2; }), [2, 4, 6]);
