/*---
description: a module that is not there fails the test (no negative expectation), without ending the run
flags: [module]
---*/
import { x } from './absent_FIXTURE.js';
