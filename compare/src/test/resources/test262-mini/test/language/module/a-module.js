/*---
description: module code; jsi4j compare runs scripts, so it is unsupported
flags: [module]
---*/
export var y = 2;
