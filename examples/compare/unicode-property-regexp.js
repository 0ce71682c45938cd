// Differs today: \p{...} needs Unicode data; GraalJS has it, V8 without ICU and Rhino do not.
console.log(/\p{Lu}/u.test('Ä'));
