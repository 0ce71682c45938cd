/*---
description: needs a second realm, which the harness host does not give
features: [cross-realm]
---*/
var other = $262.createRealm().global;
