// Differs today: Rhino 1.9.2 has no `class` syntax, so the whole script is a SyntaxError there;
// V8 and GraalJS run it.
class Point {
  constructor(x, y) { this.x = x; this.y = y; }
  toString() { return 'Point(' + this.x + ', ' + this.y + ')'; }
}
console.log(String(new Point(1, 2)));
