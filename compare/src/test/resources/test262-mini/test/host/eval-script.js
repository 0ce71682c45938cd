/*---
description: $262.evalScript evaluates a script of its own, whose let becomes a global lexical binding
flags: [noStrict]
---*/
assert.sameValue($262.evalScript('let evalScriptLet = 5; evalScriptLet + 1;'), 6, "the completion value");
assert.sameValue(evalScriptLet, 5, "a later script sees the let");
assert.throws(SyntaxError, function () { $262.evalScript('let ;;; = 1'); });
assert.throws(TypeError, function () { $262.evalScript('throw new TypeError("from the script")'); });
