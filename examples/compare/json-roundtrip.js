// Agrees: JSON and property order are the same on every engine.
var data = {name: 'jsi4j', engines: ['rhino', 'v8', 'graal'], nested: {b: 2, a: 1, 10: 'ten', 2: 'two'}};
var text = JSON.stringify(data);
console.log(text);
console.log(JSON.stringify(JSON.parse(text), null, 1).split('\n').length, 'lines pretty-printed');
Object.keys(data.nested).join(',');
