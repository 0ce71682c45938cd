// Agrees: promise jobs run after the script, in order, on every engine.
var log = [];
Promise.resolve(1).then(function (v) { log.push('then ' + v); });
Promise.reject(new Error('no')).catch(function (e) { log.push('caught ' + e.message); });
log.push('sync');
Promise.resolve().then(function () { console.log(log.join(' | ')); });
