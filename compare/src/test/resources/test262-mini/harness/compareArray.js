/*---
description: an include: compareArray and assert.compareArray
defines: [compareArray]
---*/
function compareArray(a, b) {
  if (b.length !== a.length) return false;
  for (var i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) return false;
  }
  return true;
}
assert.compareArray = function (actual, expected, message) {
  if (compareArray(actual, expected)) return;
  throw new Test262Error((message ? message + " " : "") + "Expected [" + actual.join(", ") + "] and [" + expected.join(", ") + "] to have the same contents");
};
