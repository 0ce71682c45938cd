var $jscomp = $jscomp || {};
$jscomp.scope = {};
$jscomp.ASSUME_ES2020 = false;
$jscomp.ASSUME_ES6 = $jscomp.ASSUME_ES2020;
$jscomp.ASSUME_ES5 = $jscomp.ASSUME_ES6;
$jscomp.ASSUME_NO_NATIVE_MAP = false;
$jscomp.ASSUME_NO_NATIVE_SET = false;
$jscomp.ISOLATE_POLYFILLS = false;
$jscomp.FORCE_POLYFILL_PROMISE = false;
$jscomp.FORCE_POLYFILL_PROMISE_WHEN_NO_UNHANDLED_REJECTION = false;
$jscomp.INSTRUMENT_ASYNC_CONTEXT = true;
$jscomp.objectCreate = $jscomp.ASSUME_ES5 || typeof Object.create == "function" ? Object.create : function(prototype) {
  var ctor = function() {
  };
  ctor.prototype = prototype;
  return new ctor();
};
$jscomp.defineProperty = $jscomp.ASSUME_ES5 || typeof Object.defineProperties == "function" ? Object.defineProperty : function(target, property, descriptor) {
  if (target == Array.prototype || target == Object.prototype) {
    return target;
  }
  target[property] = descriptor.value;
  return target;
};
$jscomp.getGlobal = function(passedInThis) {
  var possibleGlobals = ["object" == typeof globalThis && globalThis, passedInThis, "object" == typeof window && window, "object" == typeof self && self, "object" == typeof global && global];
  var i = 0;
  for (; i < possibleGlobals.length; ++i) {
    var maybeGlobal = possibleGlobals[i];
    if (maybeGlobal && maybeGlobal["Math"] == Math) {
      return maybeGlobal;
    }
  }
  return {valueOf:function() {
    throw new Error("Cannot find global object");
  }}.valueOf();
};
$jscomp.global = $jscomp.ASSUME_ES2020 ? globalThis : $jscomp.getGlobal(this);
$jscomp.IS_SYMBOL_NATIVE = typeof Symbol === "function" && typeof Symbol("x") === "symbol";
$jscomp.TRUST_ES6_POLYFILLS = !$jscomp.ISOLATE_POLYFILLS || $jscomp.IS_SYMBOL_NATIVE;
$jscomp.polyfills = {};
$jscomp.propertyToPolyfillSymbol = {};
$jscomp.POLYFILL_PREFIX = "$jscp$";
var $jscomp$lookupPolyfilledValue = function(target, property, isOptionalAccess) {
  if (isOptionalAccess && target == null) {
    return undefined;
  }
  var obfuscatedName = $jscomp.propertyToPolyfillSymbol[property];
  if (obfuscatedName == null) {
    return target[property];
  }
  var polyfill = target[obfuscatedName];
  return polyfill !== undefined ? polyfill : target[property];
};
$jscomp.TYPED_ARRAY_CLASSES = function() {
  var classes = ["Int8", "Uint8", "Uint8Clamped", "Int16", "Uint16", "Int32", "Uint32", "Float32", "Float64"];
  if ($jscomp.global.BigInt64Array) {
    classes.push("BigInt64");
    classes.push("BigUint64");
  }
  return classes;
}();
$jscomp.polyfillTypedArrayMethod = function(methodName, polyfill, fromLang, toLang) {
  if (!polyfill) {
    return;
  }
  var i = 0;
  for (; i < $jscomp.TYPED_ARRAY_CLASSES.length; i++) {
    var target = $jscomp.TYPED_ARRAY_CLASSES[i] + "Array.prototype." + methodName;
    if ($jscomp.ISOLATE_POLYFILLS) {
      $jscomp.polyfillIsolated(target, polyfill, fromLang, toLang);
    } else {
      $jscomp.polyfillUnisolated(target, polyfill, fromLang, toLang);
    }
  }
};
$jscomp.polyfill = function(target, polyfill, fromLang, toLang) {
  if (!polyfill) {
    return;
  }
  if ($jscomp.ISOLATE_POLYFILLS) {
    $jscomp.polyfillIsolated(target, polyfill, fromLang, toLang);
  } else {
    $jscomp.polyfillUnisolated(target, polyfill, fromLang, toLang);
  }
};
$jscomp.polyfillUnisolated = function(target, polyfill, fromLang, toLang) {
  var obj = $jscomp.global;
  var split = target.split(".");
  var i = 0;
  for (; i < split.length - 1; i++) {
    var key = split[i];
    if (!(key in obj)) {
      return;
    }
    obj = obj[key];
  }
  var property = split[split.length - 1];
  var orig = obj[property];
  var impl = polyfill(orig);
  if (impl == orig || impl == null) {
    return;
  }
  $jscomp.defineProperty(obj, property, {configurable:true, writable:true, value:impl});
};
$jscomp.polyfillIsolated = function(target, polyfill, fromLang, toLang) {
  var split = target.split(".");
  var isSimpleName = split.length === 1;
  var root = split[0];
  var ownerObject;
  if (!isSimpleName && root in $jscomp.polyfills) {
    ownerObject = $jscomp.polyfills;
  } else {
    ownerObject = $jscomp.global;
  }
  var i = 0;
  for (; i < split.length - 1; i++) {
    var key = split[i];
    if (!(key in ownerObject)) {
      return;
    }
    ownerObject = ownerObject[key];
  }
  var property = split[split.length - 1];
  var nativeImpl = $jscomp.IS_SYMBOL_NATIVE && fromLang === "es6" ? ownerObject[property] : null;
  var impl = polyfill(nativeImpl);
  if (impl == null) {
    return;
  }
  if (isSimpleName) {
    $jscomp.defineProperty($jscomp.polyfills, property, {configurable:true, writable:true, value:impl});
  } else if (impl !== nativeImpl) {
    if ($jscomp.propertyToPolyfillSymbol[property] === undefined) {
      var BIN_ID = Math.random() * 1e9 >>> 0;
      $jscomp.propertyToPolyfillSymbol[property] = $jscomp.IS_SYMBOL_NATIVE ? $jscomp.global["Symbol"](property) : $jscomp.POLYFILL_PREFIX + BIN_ID + "$" + property;
    }
    var obfuscatedName = $jscomp.propertyToPolyfillSymbol[property];
    $jscomp.defineProperty(ownerObject, obfuscatedName, {configurable:true, writable:true, value:impl});
  }
};
$jscomp.getConstructImplementation = function() {
  function reflectConstructWorks() {
    function Base() {
    }
    function Derived() {
    }
    new Base();
    Reflect.construct(Base, [], Derived);
    return new Base() instanceof Base;
  }
  function construct(target, argList, opt_newTarget) {
    if (opt_newTarget === undefined) {
      opt_newTarget = target;
    }
    var proto = opt_newTarget.prototype || Object.prototype;
    var obj = $jscomp.objectCreate(proto);
    var apply = Function.prototype.apply;
    var out = apply.call(target, obj, argList);
    return out || obj;
  }
  if ($jscomp.TRUST_ES6_POLYFILLS && typeof Reflect != "undefined" && Reflect.construct) {
    if (reflectConstructWorks()) {
      return Reflect.construct;
    }
    var brokenConstruct = Reflect.construct;
    var patchedConstruct = function(target, argList, opt_newTarget) {
      var out = brokenConstruct(target, argList);
      if (opt_newTarget) {
        Reflect.setPrototypeOf(out, opt_newTarget.prototype);
      }
      return out;
    };
    return patchedConstruct;
  }
  return construct;
};
$jscomp.construct = {valueOf:$jscomp.getConstructImplementation}.valueOf();
$jscomp.underscoreProtoCanBeSet = function() {
  var x = {a:true};
  var y = {};
  try {
    y.__proto__ = x;
    return y.a;
  } catch (e) {
  }
  return false;
};
$jscomp.setPrototypeOf = $jscomp.ASSUME_ES6 || $jscomp.TRUST_ES6_POLYFILLS && typeof Object.setPrototypeOf == "function" ? Object.setPrototypeOf : $jscomp.underscoreProtoCanBeSet() ? function(target, proto) {
  target.__proto__ = proto;
  if (target.__proto__ !== proto) {
    throw new TypeError(target + " is not extensible");
  }
  return target;
} : null;
$jscomp.inherits = function(childCtor, parentCtor) {
  childCtor.prototype = $jscomp.objectCreate(parentCtor.prototype);
  childCtor.prototype.constructor = childCtor;
  if ($jscomp.ASSUME_ES6 || $jscomp.setPrototypeOf) {
    var setPrototypeOf = $jscomp.setPrototypeOf;
    setPrototypeOf(childCtor, parentCtor);
  } else {
    var p;
    for (p in parentCtor) {
      if (p == "prototype") {
        continue;
      }
      if (Object.defineProperties) {
        var descriptor = Object.getOwnPropertyDescriptor(parentCtor, p);
        if (descriptor) {
          Object.defineProperty(childCtor, p, descriptor);
        }
      } else {
        childCtor[p] = parentCtor[p];
      }
    }
  }
  childCtor.superClass_ = parentCtor.prototype;
};
$jscomp.arrayIteratorImpl = function(array) {
  var index = 0;
  return function() {
    if (index < array.length) {
      return {done:false, value:array[index++]};
    } else {
      return {done:true};
    }
  };
};
$jscomp.arrayIterator = function(array) {
  return {next:$jscomp.arrayIteratorImpl(array)};
};
$jscomp.makeIterator = function(iterable) {
  var iteratorFunction = typeof Symbol != "undefined" && Symbol.iterator && iterable[Symbol.iterator];
  if (iteratorFunction) {
    return iteratorFunction.call(iterable);
  }
  if (typeof iterable["length"] == "number") {
    return $jscomp.arrayIterator(iterable);
  }
  throw new Error(String(iterable) + " is not an iterable or ArrayLike");
};
$jscomp.arrayFromIterator = function(iterator) {
  var i;
  var arr = [];
  for (; !(i = iterator.next()).done;) {
    arr.push(i.value);
  }
  return arr;
};
$jscomp.arrayFromIterable = function(iterable) {
  if (iterable instanceof Array) {
    return iterable;
  } else {
    return $jscomp.arrayFromIterator($jscomp.makeIterator(iterable));
  }
};
$jscomp.createTemplateTagFirstArg = function(arrayStrings) {
  return $jscomp.createTemplateTagFirstArgWithRaw(arrayStrings, arrayStrings);
};
$jscomp.createTemplateTagFirstArgWithRaw = function(arrayStrings, rawArrayStrings) {
  arrayStrings.raw = rawArrayStrings;
  Object.freeze && (Object.freeze(arrayStrings), Object.freeze(rawArrayStrings));
  return arrayStrings;
};
$jscomp.iteratorClose = function(iterator, iterResult) {
  var returnMethod;
  if (iterResult && !iterResult.done && (returnMethod = iterator["return"])) {
    returnMethod.call(iterator);
  }
};
$jscomp.owns = function(obj, prop) {
  return Object.prototype.hasOwnProperty.call(obj, prop);
};
$jscomp.toObject = function(x) {
  if (x == null) {
    throw new TypeError("No nullish arg");
  }
  return Object(x);
};
$jscomp.assign = $jscomp.ASSUME_ES6 || $jscomp.TRUST_ES6_POLYFILLS && typeof Object.assign == "function" ? Object.assign : function(target, var_args) {
  target = $jscomp.toObject(target);
  var i = 1;
  for (; i < arguments.length; i++) {
    var source = arguments[i];
    if (!source) {
      continue;
    }
    var key;
    for (key in source) {
      if ($jscomp.owns(source, key)) {
        target[key] = source[key];
      }
    }
  }
  return target;
};
$jscomp.getIteratorPrototype = function() {
  return typeof Iterator != "undefined" && Iterator.prototype && !Iterator.prototype.next ? Iterator.prototype : null;
};
$jscomp.generator = {};
$jscomp.generator.ensureIteratorResultIsObject_ = function(result) {
  if (result instanceof Object) {
    return;
  }
  throw new TypeError("Iterator result " + result + " is not an object");
};
$jscomp.generator.Context = function() {
  this.isRunning_ = false;
  this.yieldAllIterator_ = null;
  this.yieldResult = undefined;
  this.nextAddress = 1;
  this.catchAddress_ = 0;
  this.finallyAddress_ = 0;
  this.abruptCompletion_ = null;
  this.finallyContexts_ = null;
};
$jscomp.generator.Context.prototype.start_ = function() {
  if (this.isRunning_) {
    throw new TypeError("Generator is already running");
  }
  this.isRunning_ = true;
};
$jscomp.generator.Context.prototype.stop_ = function() {
  this.isRunning_ = false;
};
$jscomp.generator.Context.prototype.jumpToErrorHandler_ = function() {
  this.nextAddress = this.catchAddress_ || this.finallyAddress_;
};
$jscomp.generator.Context.prototype.next_ = function(value) {
  this.yieldResult = value;
};
$jscomp.generator.Context.prototype.throw_ = function(e) {
  this.abruptCompletion_ = {exception:e, isException:true};
  this.jumpToErrorHandler_();
};
$jscomp.generator.Context.prototype.getNextAddressJsc = function() {
  return this.nextAddress;
};
$jscomp.generator.Context.prototype["getNextAddressJsc"] = function() {
  return this.nextAddress;
};
$jscomp.generator.Context.prototype.getYieldResultJsc = function() {
  return this.yieldResult;
};
$jscomp.generator.Context.prototype["getYieldResultJsc"] = function() {
  return this.yieldResult;
};
$jscomp.generator.Context.prototype.return = function(value) {
  this.abruptCompletion_ = {return:value};
  this.nextAddress = this.finallyAddress_;
};
$jscomp.generator.Context.prototype["return"] = $jscomp.generator.Context.prototype.return;
$jscomp.generator.Context.prototype.jumpThroughFinallyBlocks = function(nextAddress) {
  this.abruptCompletion_ = {jumpTo:nextAddress};
  if (this.finallyAddress_ < nextAddress) {
    this.nextAddress = nextAddress;
    this.abruptCompletion_ = null;
  } else {
    this.nextAddress = this.finallyAddress_;
  }
};
$jscomp.generator.Context.prototype["jumpThroughFinallyBlocks"] = $jscomp.generator.Context.prototype.jumpThroughFinallyBlocks;
$jscomp.generator.Context.prototype.yield = function(value, resumeAddress) {
  this.nextAddress = resumeAddress;
  return {value:value};
};
$jscomp.generator.Context.prototype["yield"] = $jscomp.generator.Context.prototype.yield;
$jscomp.generator.Context.prototype.yieldAll = function(iterable, resumeAddress) {
  var iterator = $jscomp.makeIterator(iterable);
  var result = iterator.next();
  $jscomp.generator.ensureIteratorResultIsObject_(result);
  if (result.done) {
    this.yieldResult = result.value;
    this.nextAddress = resumeAddress;
    return;
  }
  this.yieldAllIterator_ = iterator;
  return this.yield(result.value, resumeAddress);
};
$jscomp.generator.Context.prototype["yieldAll"] = $jscomp.generator.Context.prototype.yieldAll;
$jscomp.generator.Context.prototype.jumpTo = function(nextAddress) {
  this.nextAddress = nextAddress;
};
$jscomp.generator.Context.prototype["jumpTo"] = $jscomp.generator.Context.prototype.jumpTo;
$jscomp.generator.Context.prototype.jumpToEnd = function() {
  this.nextAddress = 0;
};
$jscomp.generator.Context.prototype["jumpToEnd"] = $jscomp.generator.Context.prototype.jumpToEnd;
$jscomp.generator.Context.prototype.setCatchFinallyBlocks = function(catchAddress, finallyAddress) {
  this.catchAddress_ = catchAddress;
  if (finallyAddress != undefined) {
    this.finallyAddress_ = finallyAddress;
  }
};
$jscomp.generator.Context.prototype["setCatchFinallyBlocks"] = $jscomp.generator.Context.prototype.setCatchFinallyBlocks;
$jscomp.generator.Context.prototype.setFinallyBlock = function(finallyAddress) {
  this.catchAddress_ = 0;
  this.finallyAddress_ = finallyAddress || 0;
};
$jscomp.generator.Context.prototype["setFinallyBlock"] = $jscomp.generator.Context.prototype.setFinallyBlock;
$jscomp.generator.Context.prototype.leaveTryBlock = function(nextAddress, catchAddress) {
  this.nextAddress = nextAddress;
  this.catchAddress_ = catchAddress || 0;
};
$jscomp.generator.Context.prototype["leaveTryBlock"] = $jscomp.generator.Context.prototype.leaveTryBlock;
$jscomp.generator.Context.prototype.enterCatchBlock = function(nextCatchBlockAddress) {
  this.catchAddress_ = nextCatchBlockAddress || 0;
  var exception = this.abruptCompletion_.exception;
  this.abruptCompletion_ = null;
  return exception;
};
$jscomp.generator.Context.prototype["enterCatchBlock"] = $jscomp.generator.Context.prototype.enterCatchBlock;
$jscomp.generator.Context.prototype.enterFinallyBlock = function(nextCatchAddress, nextFinallyAddress, finallyDepth) {
  if (!finallyDepth) {
    this.finallyContexts_ = [this.abruptCompletion_];
  } else {
    this.finallyContexts_[finallyDepth] = this.abruptCompletion_;
  }
  this.catchAddress_ = nextCatchAddress || 0;
  this.finallyAddress_ = nextFinallyAddress || 0;
  this.abruptCompletion_ = null;
};
$jscomp.generator.Context.prototype["enterFinallyBlock"] = $jscomp.generator.Context.prototype.enterFinallyBlock;
$jscomp.generator.Context.prototype.leaveFinallyBlock = function(nextAddress, finallyDepth) {
  var preservedContext = this.finallyContexts_.splice(finallyDepth || 0)[0];
  var abruptCompletion = this.abruptCompletion_ = this.abruptCompletion_ || preservedContext;
  if (abruptCompletion) {
    if (abruptCompletion.isException) {
      return this.jumpToErrorHandler_();
    }
    if (abruptCompletion.jumpTo != undefined && this.finallyAddress_ < abruptCompletion.jumpTo) {
      this.nextAddress = abruptCompletion.jumpTo;
      this.abruptCompletion_ = null;
    } else {
      this.nextAddress = this.finallyAddress_;
    }
  } else {
    this.nextAddress = nextAddress;
  }
};
$jscomp.generator.Context.prototype["leaveFinallyBlock"] = $jscomp.generator.Context.prototype.leaveFinallyBlock;
$jscomp.generator.Context.prototype.forIn = function(object) {
  return new $jscomp.generator.Context.PropertyIterator(object);
};
$jscomp.generator.Context.prototype["forIn"] = $jscomp.generator.Context.prototype.forIn;
$jscomp.generator.Context.PropertyIterator = function(object) {
  this.object_ = object;
  this.properties_ = [];
  var property;
  for (property in object) {
    this.properties_.push(property);
  }
  this.properties_.reverse();
};
$jscomp.generator.Context.PropertyIterator.prototype.getNext = function() {
  for (; this.properties_.length > 0;) {
    var property = this.properties_.pop();
    if (property in this.object_) {
      return property;
    }
  }
  return null;
};
$jscomp.generator.Context.PropertyIterator.prototype["getNext"] = $jscomp.generator.Context.PropertyIterator.prototype.getNext;
$jscomp.generator.Engine_ = function(program) {
  this.context_ = new $jscomp.generator.Context();
  this.program_ = program;
};
$jscomp.generator.Engine_.prototype.next_ = function(value) {
  this.context_.start_();
  if (this.context_.yieldAllIterator_) {
    return this.yieldAllStep_(this.context_.yieldAllIterator_.next, value, this.context_.next_);
  }
  this.context_.next_(value);
  return this.nextStep_();
};
$jscomp.generator.Engine_.prototype.return_ = function(value) {
  this.context_.start_();
  var yieldAllIterator = this.context_.yieldAllIterator_;
  if (yieldAllIterator) {
    var returnFunction = "return" in yieldAllIterator ? yieldAllIterator["return"] : function(v) {
      return {value:v, done:true};
    };
    return this.yieldAllStep_(returnFunction, value, this.context_.return);
  }
  this.context_.return(value);
  return this.nextStep_();
};
$jscomp.generator.Engine_.prototype.throw_ = function(exception) {
  this.context_.start_();
  if (this.context_.yieldAllIterator_) {
    var throwFn = this.context_.yieldAllIterator_["throw"];
    if (throwFn) {
      return this.yieldAllStep_(throwFn, exception, this.context_.next_);
    }
    var iter = this.context_.yieldAllIterator_;
    this.context_.yieldAllIterator_ = null;
    try {
      if (iter["return"]) {
        var returnResult = iter["return"]();
        $jscomp.generator.ensureIteratorResultIsObject_(returnResult);
      }
      this.context_.throw_(new TypeError("The iterator does not provide a 'throw' method."));
    } catch (e) {
      this.context_.throw_(e);
    }
    return this.nextStep_();
  }
  this.context_.throw_(exception);
  return this.nextStep_();
};
$jscomp.generator.Engine_.prototype.yieldAllStep_ = function(action, value, nextAction) {
  try {
    var result = action.call(this.context_.yieldAllIterator_, value);
    $jscomp.generator.ensureIteratorResultIsObject_(result);
    if (!result.done) {
      this.context_.stop_();
      return result;
    }
    var resultValue = result.value;
  } catch (e) {
    this.context_.yieldAllIterator_ = null;
    this.context_.throw_(e);
    return this.nextStep_();
  }
  this.context_.yieldAllIterator_ = null;
  nextAction.call(this.context_, resultValue);
  return this.nextStep_();
};
$jscomp.generator.Engine_.prototype.nextStep_ = function() {
  for (; this.context_.nextAddress;) {
    try {
      var yieldValue = this.program_(this.context_);
      if (yieldValue) {
        this.context_.stop_();
        return {value:yieldValue.value, done:false};
      }
    } catch (e) {
      this.context_.yieldResult = undefined;
      this.context_.throw_(e);
    }
  }
  this.context_.stop_();
  if (this.context_.abruptCompletion_) {
    var abruptCompletion = this.context_.abruptCompletion_;
    this.context_.abruptCompletion_ = null;
    if (abruptCompletion.isException) {
      throw abruptCompletion.exception;
    }
    return {value:abruptCompletion.return, done:true};
  }
  return {value:undefined, done:true};
};
$jscomp.generator.Generator_ = function(engine) {
  this.next = function(opt_value) {
    return engine.next_(opt_value);
  };
  this.throw = function(exception) {
    return engine.throw_(exception);
  };
  this.return = function(value) {
    return engine.return_(value);
  };
  this[Symbol.iterator] = function() {
    return this;
  };
};
$jscomp.generator.createGenerator = function(generator, program) {
  var result = new $jscomp.generator.Generator_(new $jscomp.generator.Engine_(program));
  var setPrototypeOf = $jscomp.setPrototypeOf;
  if (setPrototypeOf) {
    var iteratorProto = $jscomp.getIteratorPrototype();
    if (iteratorProto) {
      if (generator.prototype) {
        var proto = generator.prototype;
        var isObject = typeof proto === "object" && proto !== null || typeof proto === "function";
        var getPrototypeOf = Object.getPrototypeOf;
        var protoParent = isObject && getPrototypeOf ? getPrototypeOf(proto) : proto.__proto__;
        if (!iteratorProto.isPrototypeOf(proto) && protoParent === Object.prototype) {
          try {
            setPrototypeOf(proto, iteratorProto);
          } catch (e) {
          }
        }
      } else {
        setPrototypeOf(result, iteratorProto);
      }
    }
    if (generator.prototype) {
      setPrototypeOf(result, generator.prototype);
    }
  }
  return result;
};
$jscomp.asyncExecutePromiseGenerator = function(generator) {
  function passValueToGenerator(value) {
    return generator.next(value);
  }
  function passErrorToGenerator(error) {
    return generator.throw(error);
  }
  return new Promise(function(resolve, reject) {
    function handleGeneratorRecord(genRec) {
      if (genRec.done) {
        resolve(genRec.value);
      } else {
        Promise.resolve(genRec.value).then(passValueToGenerator, passErrorToGenerator).then(handleGeneratorRecord, reject);
      }
    }
    handleGeneratorRecord(generator.next());
  });
};
$jscomp.asyncExecutePromiseGeneratorFunction = function(generatorFunction) {
  return $jscomp.asyncExecutePromiseGenerator(generatorFunction());
};
$jscomp.asyncExecutePromiseGeneratorProgram = function(program) {
  return $jscomp.asyncExecutePromiseGenerator(new $jscomp.generator.Generator_(new $jscomp.generator.Engine_(program)));
};
$jscomp.initSymbol = function() {
};
$jscomp.polyfill("Symbol", function(orig) {
  if (orig) {
    return orig;
  }
  var SymbolClass = function(id, opt_description) {
    this.$jscomp$symbol$id_ = id;
    this.description;
    $jscomp.defineProperty(this, "description", {configurable:true, writable:true, value:opt_description});
  };
  SymbolClass.prototype.toString = function() {
    return this.$jscomp$symbol$id_;
  };
  var BIN_ID = Math.random() * 1e9 >>> 0;
  var SYMBOL_PREFIX = "jscomp_symbol_" + BIN_ID + "_";
  var counter = 0;
  var symbolPolyfill = function(opt_description) {
    if (this instanceof symbolPolyfill) {
      throw new TypeError("Symbol is not a constructor");
    }
    return new SymbolClass(SYMBOL_PREFIX + (opt_description || "") + "_" + counter++, opt_description);
  };
  return symbolPolyfill;
}, "es6", "es3");
$jscomp.polyfill("Symbol.iterator", function(orig) {
  if (orig) {
    return orig;
  }
  var symbolIterator = Symbol("Symbol.iterator");
  $jscomp.defineProperty(Array.prototype, symbolIterator, {configurable:true, writable:true, value:function() {
    return $jscomp.iteratorPrototype($jscomp.arrayIteratorImpl(this));
  }});
  return symbolIterator;
}, "es6", "es3");
$jscomp.polyfill("Symbol.asyncIterator", function(orig) {
  if (orig) {
    return orig;
  }
  return Symbol("Symbol.asyncIterator");
}, "es9", "es3");
$jscomp.polyfill("Symbol.toStringTag", function(orig) {
  if (orig) {
    return orig;
  }
  return Symbol("Symbol.toStringTag");
}, "es6", "es3");
$jscomp.iteratorPrototype = function(next) {
  var parentProto = $jscomp.getIteratorPrototype() || Object.prototype;
  var iterator = $jscomp.objectCreate(parentProto);
  iterator.next = next;
  if (!parentProto[Symbol.iterator]) {
    iterator[Symbol.iterator] = function() {
      return this;
    };
  }
  return iterator;
};
$jscomp.makeAsyncIterator = function(iterable) {
  var asyncIteratorFunction = iterable[Symbol.asyncIterator];
  if (asyncIteratorFunction !== undefined) {
    return asyncIteratorFunction.call(iterable);
  }
  return new $jscomp.AsyncIteratorFromSyncWrapper($jscomp.makeIterator(iterable));
};
$jscomp.AsyncIteratorFromSyncWrapper = function(iterator) {
  function asyncFromSyncIteratorContinuation(result) {
    return Promise.resolve(result.value).then(function(value) {
      return {value:value, done:!!result.done};
    });
  }
  this[Symbol.asyncIterator] = function() {
    return this;
  };
  this[Symbol.iterator] = function() {
    return iterator;
  };
  this.next = function(param) {
    return (new Promise(function(resolve) {
      resolve(iterator.next(param));
    })).then(asyncFromSyncIteratorContinuation);
  };
  this["throw"] = function(param) {
    return (new Promise(function(resolve, reject) {
      var rethrow = iterator["throw"];
      if (rethrow !== undefined) {
        resolve(rethrow.call(iterator, param));
      } else {
        var close = iterator["return"];
        if (close !== undefined) {
          close.call(iterator);
        }
        reject(new TypeError("no `throw` method"));
      }
    })).then(asyncFromSyncIteratorContinuation);
  };
  if (iterator["return"] !== undefined) {
    this["return"] = function(param) {
      return (new Promise(function(resolve) {
        resolve(iterator["return"](param));
      })).then(asyncFromSyncIteratorContinuation);
    };
  }
};
$jscomp.AsyncGeneratorWrapper$ActionEnum = {YIELD_VALUE:0, YIELD_STAR:1, AWAIT_VALUE:2};
$jscomp.AsyncGeneratorWrapper$ActionRecord = function(action, value) {
  this.action = action;
  this.value = value;
};
$jscomp.AsyncGeneratorWrapper$GeneratorMethod = {NEXT:"next", THROW:"throw", RETURN:"return"};
$jscomp.AsyncGeneratorWrapper$ExecutionFrame_ = function(method, param, resolve, reject) {
  this.method = method;
  this.param = param;
  this.resolve = resolve;
  this.reject = reject;
};
$jscomp.AsyncGeneratorWrapper$ExecutionNode_ = function(frame, next) {
  this.frame = frame;
  this.next = next;
};
$jscomp.AsyncGeneratorWrapper$ExecutionQueue_ = function() {
  this.head_ = null;
  this.tail_ = null;
};
$jscomp.AsyncGeneratorWrapper$ExecutionQueue_.prototype.isEmpty = function() {
  return this.head_ === null;
};
$jscomp.AsyncGeneratorWrapper$ExecutionQueue_.prototype.first = function() {
  if (this.head_) {
    return this.head_.frame;
  } else {
    throw new Error("no frames in executionQueue");
  }
};
$jscomp.AsyncGeneratorWrapper$ExecutionQueue_.prototype.drop = function() {
  if (this.head_) {
    this.head_ = this.head_.next;
    if (!this.head_) {
      this.tail_ = null;
    }
  }
};
$jscomp.AsyncGeneratorWrapper$ExecutionQueue_.prototype.enqueue = function(newFrame) {
  var node = new $jscomp.AsyncGeneratorWrapper$ExecutionNode_(newFrame, null);
  if (this.tail_) {
    this.tail_.next = node;
    this.tail_ = node;
  } else {
    this.head_ = node;
    this.tail_ = node;
  }
};
$jscomp.AsyncGeneratorWrapper = function(generator) {
  this.generator_ = generator;
  this.delegate_ = null;
  this.executionQueue_ = new $jscomp.AsyncGeneratorWrapper$ExecutionQueue_();
  this[Symbol.asyncIterator] = function() {
    return this;
  };
  var self = this;
  this.boundHandleDelegateResult_ = function(record) {
    self.handleDelegateResult_(record);
  };
  this.boundHandleDelegateError_ = function(thrownError) {
    self.handleDelegateError_(thrownError);
  };
  this.boundRejectAndClose_ = function(err) {
    self.rejectAndClose_(err);
  };
};
$jscomp.AsyncGeneratorWrapper.prototype.enqueueMethod_ = function(method, param) {
  var self = this;
  return new Promise(function(resolve, reject) {
    var wasEmpty = self.executionQueue_.isEmpty();
    self.executionQueue_.enqueue(new $jscomp.AsyncGeneratorWrapper$ExecutionFrame_(method, param, resolve, reject));
    if (wasEmpty) {
      self.runFrame_();
    }
  });
};
$jscomp.AsyncGeneratorWrapper.prototype.next = function(opt_value) {
  return this.enqueueMethod_($jscomp.AsyncGeneratorWrapper$GeneratorMethod.NEXT, opt_value);
};
$jscomp.AsyncGeneratorWrapper.prototype.return = function(value) {
  return this.enqueueMethod_($jscomp.AsyncGeneratorWrapper$GeneratorMethod.RETURN, new $jscomp.AsyncGeneratorWrapper$ActionRecord($jscomp.AsyncGeneratorWrapper$ActionEnum.YIELD_VALUE, value));
};
$jscomp.AsyncGeneratorWrapper.prototype.throw = function(exception) {
  return this.enqueueMethod_($jscomp.AsyncGeneratorWrapper$GeneratorMethod.THROW, exception);
};
$jscomp.AsyncGeneratorWrapper.prototype.runFrame_ = function() {
  if (!this.executionQueue_.isEmpty()) {
    try {
      if (this.delegate_) {
        this.runDelegateFrame_();
      } else {
        this.runGeneratorFrame_();
      }
    } catch (err) {
      this.rejectAndClose_(err);
    }
  }
};
$jscomp.AsyncGeneratorWrapper.prototype.runGeneratorFrame_ = function() {
  var self = this;
  var frame = this.executionQueue_.first();
  try {
    var genRec = this.generator_[frame.method](frame.param);
    if (genRec.value instanceof $jscomp.AsyncGeneratorWrapper$ActionRecord) {
      switch(genRec.value.action) {
        case $jscomp.AsyncGeneratorWrapper$ActionEnum.YIELD_VALUE:
          Promise.resolve(genRec.value.value).then(function(resolvedValue) {
            frame.resolve({value:resolvedValue, done:genRec.done});
            self.executionQueue_.drop();
            self.runFrame_();
          }, function(e) {
            frame.reject(e);
            self.executionQueue_.drop();
            self.runFrame_();
          }).catch(this.boundRejectAndClose_);
          return;
        case $jscomp.AsyncGeneratorWrapper$ActionEnum.YIELD_STAR:
          self.delegate_ = $jscomp.makeAsyncIterator(genRec.value.value);
          frame.method = $jscomp.AsyncGeneratorWrapper$GeneratorMethod.NEXT;
          frame.param = undefined;
          self.runFrame_();
          return;
        case $jscomp.AsyncGeneratorWrapper$ActionEnum.AWAIT_VALUE:
          Promise.resolve(genRec.value.value).then(function(resolvedValue) {
            frame.method = $jscomp.AsyncGeneratorWrapper$GeneratorMethod.NEXT;
            frame.param = resolvedValue;
            self.runFrame_();
          }, function(thrownErr) {
            frame.method = $jscomp.AsyncGeneratorWrapper$GeneratorMethod.THROW;
            frame.param = thrownErr;
            self.runFrame_();
          }).catch(this.boundRejectAndClose_);
          return;
        default:
          throw new Error("Unrecognized AsyncGeneratorWrapper$ActionEnum");
      }
    } else {
      frame.resolve(genRec);
      self.executionQueue_.drop();
      self.runFrame_();
    }
  } catch (e) {
    frame.reject(e);
    self.executionQueue_.drop();
    self.runFrame_();
  }
};
$jscomp.AsyncGeneratorWrapper.prototype.runDelegateFrame_ = function() {
  if (!this.delegate_) {
    throw new Error("no delegate to perform execution");
  }
  var frame = this.executionQueue_.first();
  if (frame.method in this.delegate_) {
    try {
      var param = frame.param;
      if (param instanceof $jscomp.AsyncGeneratorWrapper$ActionRecord) {
        param = param.value;
      }
      this.delegate_[frame.method](param).then(this.boundHandleDelegateResult_, this.boundHandleDelegateError_).catch(this.boundRejectAndClose_);
    } catch (err) {
      this.handleDelegateError_(err);
    }
  } else if (frame.method === $jscomp.AsyncGeneratorWrapper$GeneratorMethod.THROW) {
    var delegate = this.delegate_;
    this.delegate_ = null;
    if ("return" in delegate) {
      var self = this;
      try {
        Promise.resolve(delegate["return"]()).then(function() {
          frame.param = new TypeError("The iterator does not provide a 'throw' method");
          self.runFrame_();
        }, function(err) {
          frame.param = err;
          self.runFrame_();
        }).catch(this.boundRejectAndClose_);
      } catch (err) {
        frame.param = err;
        this.runFrame_();
      }
    } else {
      frame.param = new TypeError("The iterator does not provide a 'throw' method");
      this.runFrame_();
    }
  } else {
    this.delegate_ = null;
    this.runFrame_();
  }
};
$jscomp.AsyncGeneratorWrapper.prototype.handleDelegateResult_ = function(record) {
  var frame = this.executionQueue_.first();
  if (record.done === true) {
    this.delegate_ = null;
    if (frame.method !== $jscomp.AsyncGeneratorWrapper$GeneratorMethod.RETURN) {
      frame.method = $jscomp.AsyncGeneratorWrapper$GeneratorMethod.NEXT;
      frame.param = record.value;
    }
    this.runFrame_();
  } else {
    frame.resolve({value:record.value, done:false});
    this.executionQueue_.drop();
    this.runFrame_();
  }
};
$jscomp.AsyncGeneratorWrapper.prototype.handleDelegateError_ = function(thrownError) {
  var frame = this.executionQueue_.first();
  this.delegate_ = null;
  frame.method = $jscomp.AsyncGeneratorWrapper$GeneratorMethod.THROW;
  frame.param = thrownError;
  this.runFrame_();
};
$jscomp.AsyncGeneratorWrapper.prototype.rejectAndClose_ = function(err) {
  if (!this.executionQueue_.isEmpty()) {
    this.executionQueue_.first().reject(err);
    this.executionQueue_.drop();
  }
  if (this.delegate_ && "return" in this.delegate_) {
    this.delegate_["return"](undefined);
    this.delegate_ = null;
  }
  this.generator_["return"](undefined);
  this.runFrame_();
};
$jscomp.getRestArguments = function() {
  var startIndex = Number(this);
  var restArgs = [];
  var i = startIndex;
  for (; i < arguments.length; i++) {
    restArgs[i - startIndex] = arguments[i];
  }
  return restArgs;
};
