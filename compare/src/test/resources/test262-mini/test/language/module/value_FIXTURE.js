// a module the module tests import: not a test
export var x = 1;
export function bump() { x++; }
