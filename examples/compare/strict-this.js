// What `this` is in a plain call: undefined in strict code, the global object in sloppy code.
function sloppy() { return typeof this; }
function strict() { 'use strict'; return typeof this; }
console.log('sloppy:', sloppy());
console.log('strict:', strict());
console.log('strict call with a primitive this:', (function () { 'use strict'; return typeof this; }).call(5));
