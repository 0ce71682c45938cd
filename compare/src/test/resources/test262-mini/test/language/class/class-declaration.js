/*---
description: needs class syntax; unsupported where the engine declares it absent
features: [class]
---*/
class A { m() { return 1; } }
assert.sameValue(new A().m(), 1);
