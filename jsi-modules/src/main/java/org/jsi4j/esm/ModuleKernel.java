package org.jsi4j.esm;

import org.jsi4j.JsFunction;
import org.jsi4j.JsObject;
import org.jsi4j.JsRef;
import org.jsi4j.JsRuntime;

/**
 * The JavaScript half of the module system: small functions over built-ins captured once per
 * runtime (a script that later replaces {@code Object.defineProperty} or {@code Promise} does not
 * reach them). Namespaces and import scopes have a null prototype.
 */
final class ModuleKernel {
    private static final String SOURCE = """
            (function () {
              var defineProperty = Object.defineProperty, keys = Object.keys, create = Object.create,
                  parse = JSON.parse, P = Promise, resolved = Promise.resolve(undefined), then = Promise.prototype.then;
              function getter(ns, name) { return function () { return ns[name]; }; }
              function define(o, name, get) { defineProperty(o, name, {get: get, enumerable: true, configurable: false}); }
              return [
                function newObject() { return create(null); },
                function exportAll(exports, getters) {
                  var k = keys(getters);
                  for (var i = 0; i < k.length; i++) define(exports, k[i], getters[k[i]]);
                },
                function bind(target, local, ns, name) {
                  if (!(name in ns)) return false;
                  define(target, local, getter(ns, name));
                  return true;
                },
                function value(target, name, v) { defineProperty(target, name, {value: v, enumerable: true, configurable: false}); },
                function star(exports, ns) {
                  var k = keys(ns);
                  for (var i = 0; i < k.length; i++) {
                    if (k[i] !== 'default' && !(k[i] in exports)) define(exports, k[i], getter(ns, k[i]));
                  }
                },
                function wrapCommonJs(v) {
                  var ns = create(null);
                  defineProperty(ns, 'default', {value: v, enumerable: true});
                  if (v !== null && (typeof v === 'object' || typeof v === 'function')) {
                    var k = keys(v);
                    for (var i = 0; i < k.length; i++) if (k[i] !== 'default') define(ns, k[i], getter(v, k[i]));
                  }
                  return ns;
                },
                function json(text) { return parse(text); },
                function importer(load) {
                  return function (specifier) {
                    return then.call(resolved, function () { return load(String(specifier)); });
                  };
                },
                function run(inner) {
                  var r = inner();
                  if (r === undefined) return null;
                  var rec = {state: 'pending'};
                  then.call(r, function () { rec.state = 'fulfilled'; }, function (e) { rec.state = 'rejected'; rec.error = e; });
                  return rec;
                },
                function rethrow(rec) { throw rec.error; },
                function track(promise) {
                  var rec = {state: 'pending'};
                  then.call(promise, function () { rec.state = 'fulfilled'; }, function (e) { rec.state = 'rejected'; rec.error = e; });
                  return rec;
                },
                function after(rec, ns, later) {
                  return new P(function (res, rej) {
                    (function wait() {
                      if (rec.state === 'fulfilled') res(later ? later() : ns);
                      else if (rec.state === 'rejected') rej(rec.error);
                      else then.call(resolved, wait);
                    })();
                  });
                }
              ];
            })()
            """;

    final JsFunction newObject;
    final JsFunction exportAll;
    final JsFunction bind;
    final JsFunction value;
    final JsFunction star;
    final JsFunction wrapCommonJs;
    final JsFunction json;
    final JsFunction importer;
    final JsFunction run;
    final JsFunction rethrow;
    final JsFunction after;
    final JsFunction track;
    /** Whether this engine's {@code const} in a loop body keeps its first value (Rhino 1.9), so modules get {@code let}. */
    final boolean constKeepsFirstValue;

    ModuleKernel(JsRuntime rt) {
        JsRef<JsObject> parts = rt.evaluate(SOURCE, "jsi4j:modules").asObject().persist();
        JsObject a = parts.get();
        newObject = keep(a, 0);
        exportAll = keep(a, 1);
        bind = keep(a, 2);
        value = keep(a, 3);
        star = keep(a, 4);
        wrapCommonJs = keep(a, 5);
        json = keep(a, 6);
        importer = keep(a, 7);
        run = keep(a, 8);
        rethrow = keep(a, 9);
        track = keep(a, 10);
        after = keep(a, 11);
        constKeepsFirstValue = !rt.evaluate("(function () { var seen = []; for (var i = 0; i < 2; i++) { const c = i;"
                + " seen.push(c); } return seen[1] === 1; })()", "jsi4j:probe").asBoolean();
    }

    private static JsFunction keep(JsObject parts, int index) {
        return (JsFunction) parts.get(index).asFunction().persist().get();
    }

    JsObject object() {
        return newObject.call().asObject();
    }
}
