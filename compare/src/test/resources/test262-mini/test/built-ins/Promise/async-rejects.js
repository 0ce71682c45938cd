/*---
description: an async test that reports a failure through $DONE
flags: [async]
---*/
Promise.reject(new TypeError("no luck")).then(function () { $DONE(); }, $DONE);
