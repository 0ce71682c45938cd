/*---
description: a negative test whose code throws another error than it names
negative:
  phase: runtime
  type: RangeError
---*/
undefined.p;
