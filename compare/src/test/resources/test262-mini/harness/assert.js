/*---
description: the assertion helpers of test262's assert.js that the fixture uses
defines: [assert]
---*/
function assert(mustBeTrue, message) {
  if (mustBeTrue === true) return;
  throw new Test262Error(message || "Expected true but got " + String(mustBeTrue));
}
assert.sameValue = function (actual, expected, message) {
  if (actual === expected ? (actual !== 0 || 1 / actual === 1 / expected) : (actual !== actual && expected !== expected)) return;
  throw new Test262Error((message ? message + " " : "") + "Expected SameValue(«" + String(actual) + "», «" + String(expected) + "») to be true");
};
assert.throws = function (expectedErrorConstructor, func, message) {
  try {
    func();
  } catch (thrown) {
    if (thrown === null || typeof thrown !== "object" || thrown.constructor !== expectedErrorConstructor) {
      throw new Test262Error("Expected a " + expectedErrorConstructor.name + " but got a different error");
    }
    return;
  }
  throw new Test262Error("Expected a " + expectedErrorConstructor.name + " to be thrown but no exception was thrown at all");
};
