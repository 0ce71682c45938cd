// Agrees: a script that never ends is stopped by the time limit on every engine (a timeout).
var i = 0;
while (true) { i++; }
