// Differs today: Rhino has array and object spread but not spread in calls (f(...args)).
var args = [1, 2, 3];
console.log(Math.max(...args));
