/*---
description: an async test that reports success through $DONE
flags: [async]
---*/
Promise.resolve(42).then(function (v) {
  assert.sameValue(v, 42);
}).then($DONE, $DONE);
