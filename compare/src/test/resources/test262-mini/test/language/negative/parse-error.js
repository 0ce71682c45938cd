/*---
description: a negative parse test
negative:
  phase: parse
  type: SyntaxError
---*/
$DONOTEVALUATE();
var = 1;
