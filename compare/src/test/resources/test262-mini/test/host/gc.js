/*---
description: $262.gc asks the engine for a collection
features: [host-gc-required]
---*/
var before = {};
$262.gc();
assert.sameValue(typeof before, "object");
