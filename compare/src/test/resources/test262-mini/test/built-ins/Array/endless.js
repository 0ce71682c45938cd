/*---
description: never ends; the time limit stops it
---*/
while (true) {}
