// Differs today: GraalJS has Intl; jsi4j's V8 is the build without ICU data and Rhino has no
// Intl at all, so both throw a ReferenceError.
console.log(new Intl.NumberFormat('en-US').format(1234567.891));
