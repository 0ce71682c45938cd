// Agrees: every engine throws a TypeError here. The messages are worded differently on each
// engine; jsi compare shows them but compares only the error's name.
var o = null;
o.property;
