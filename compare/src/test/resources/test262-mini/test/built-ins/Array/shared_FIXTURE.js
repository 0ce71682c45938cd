// a module other tests import: not a test
export var x = 1;
