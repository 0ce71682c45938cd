/*---
description: raw, run as is without the harness
flags: [raw]
---*/
if (typeof assert !== "undefined" || typeof $262 !== "undefined") throw new Error("the harness must not be there");
