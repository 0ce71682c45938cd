/*---
description: importing a name the module does not export is a SyntaxError before anything runs
negative:
  phase: resolution
  type: SyntaxError
flags: [module]
---*/
$DONOTEVALUATE();
import { nope } from './value_FIXTURE.js';
