/*---
description: Test262Error and $DONOTEVALUATE, as test262's sta.js defines them
defines: [Test262Error, $DONOTEVALUATE]
---*/
function Test262Error(message) {
  this.message = message || "";
}
Test262Error.prototype.toString = function () {
  return "Test262Error: " + this.message;
};
Test262Error.thrower = function (message) {
  throw new Test262Error(message);
};
function $DONOTEVALUATE() {
  throw "Test262: This statement should not be evaluated.";
}
