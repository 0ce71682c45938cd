/*---
description: a failing assertion; the harness words the message, the same on every engine
---*/
assert.sameValue([1, 2, 3].length, 4, "length");
