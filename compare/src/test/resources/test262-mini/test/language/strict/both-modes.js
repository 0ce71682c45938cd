/*---
description: run in both modes; fails only in strict mode (assignment to an undeclared name)
---*/
undeclaredInBothModes = 1;
