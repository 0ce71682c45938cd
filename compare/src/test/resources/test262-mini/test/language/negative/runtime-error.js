/*---
description: a negative runtime test
negative:
  phase: runtime
  type: TypeError
---*/
null.p;
