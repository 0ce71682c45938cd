/*---
description: module code, imported as a module after the harness scripts; its imports resolve next to it
flags: [module]
---*/
import { x, bump } from './value_FIXTURE.js';
import * as ns from './value_FIXTURE.js';

assert.sameValue(x, 1);
bump();
assert.sameValue(x, 2, "an imported binding is live");
assert.sameValue(ns.x, 2);
assert.throws(ReferenceError, function () { undeclared = 1; }, "module code is strict");
export var y = 2;
