package org.jsi4j.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.jsi4j.JsArray;
import org.jsi4j.JsEngines;
import org.jsi4j.JsFunction;
import org.jsi4j.JsObject;
import org.jsi4j.JsRef;
import org.jsi4j.JsReleasedException;
import org.jsi4j.JsRuntime;
import org.jsi4j.JsRuntimeFactory;
import org.jsi4j.JsScope;
import org.jsi4j.JsValue;
import org.jsi4j.JsWeakRef;
import org.jsi4j.PreparedScript;
import org.jsi4j.RuntimeStats;

/** Handle lifetimes: scopes, strong and weak references, runtime close, leaks. */
@Area("references")
@SuppressWarnings("try") // scopes are opened for their effect on handles made inside
class ReferencesTest {
    private static JsObject object(JsRuntime rt, String source) {
        return rt.evaluate("(" + source + ")", "refs.js").asObject();
    }

    private static void assertReleased(Runnable use) {
        JsReleasedException e = assertThrows(JsReleasedException.class, use::run);
        assertTrue(e.getMessage() != null && e.getMessage().length() > 20, "a message that explains: " + e.getMessage());
    }

    /** Collects garbage until {@code ref} is empty, a few times at most. */
    private static boolean collectedAfterGc(JsRuntime rt, JsWeakRef<?> ref) throws InterruptedException {
        for (int i = 0; i < 20; i++) {
            rt.collectGarbage();
            try (JsScope probe = rt.openScope()) {
                if (ref.get().isEmpty()) return true;
            }
            Thread.sleep(20);
        }
        return false;
    }

    @EngineTest
    void closingAScopeReleasesItsHandles(JsRuntime rt) {
        JsObject o;
        JsArray a;
        JsFunction f;
        try (JsScope scope = rt.openScope()) {
            o = object(rt, "{a: 1}");
            a = rt.newArray(JsValue.of(1));
            f = rt.evaluate("(function () { return 1; })", "f.js").asFunction();
            assertEquals(JsValue.of(1), o.get("a"));
            assertTrue(scope.size() >= 3);
        }
        assertTrue(o.isReleased());
        JsReleasedException e = assertThrows(JsReleasedException.class, () -> o.get("a"));
        assertTrue(e.getMessage().contains("released"), e.getMessage());
        assertReleased(() -> a.length());
        assertReleased(() -> f.call());
        assertReleased(() -> o.set("b", 2));
        assertReleased(() -> rt.global().set("x", o));
        assertEquals("JsObject[released]", o.toString());
    }

    @EngineTest
    void nestedScopesReleaseInnermostFirst(JsRuntime rt) {
        try (JsScope outer = rt.openScope()) {
            JsObject kept = object(rt, "{name: 'outer'}");
            JsObject gone;
            try (JsScope inner = rt.openScope()) {
                gone = object(rt, "{name: 'inner'}");
            }
            assertTrue(gone.isReleased());
            assertFalse(kept.isReleased());
            assertEquals(JsValue.of("outer"), kept.get("name"));
            JsScope leftOpen = rt.openScope();
            JsObject inLeftOpen = object(rt, "{}");
            outer.close();
            assertTrue(leftOpen.isClosed(), "closing a scope closes scopes still open inside it");
            assertTrue(inLeftOpen.isReleased());
            assertTrue(kept.isReleased());
        }
    }

    @EngineTest
    void openScopesAreCounted(JsRuntime rt) {
        int base = rt.stats().openScopes();
        try (JsScope a = rt.openScope(); JsScope b = rt.openScope()) {
            assertEquals(base + 2, rt.stats().openScopes());
        }
        assertEquals(base, rt.stats().openScopes());
    }

    @EngineTest
    void persistOutlivesTheScope(JsRuntime rt) {
        JsRef<JsObject> ref;
        JsObject scoped;
        try (JsScope scope = rt.openScope()) {
            scoped = object(rt, "{v: 'kept'}");
            ref = scoped.persist();
        }
        assertTrue(scoped.isReleased());
        assertFalse(ref.isClosed());
        assertEquals(JsValue.of("kept"), ref.get().get("v"));
        ref.get().set("w", 2);
        assertEquals(JsValue.of(2), ref.get().get("w"));
        ref.close();
    }

    @EngineTest
    void closedRefCannotBeUsed(JsRuntime rt) {
        JsRef<JsObject> ref = object(rt, "{v: 1}").persist();
        JsObject handle = ref.get();
        int refs = rt.stats().liveRefs();
        ref.close();
        assertTrue(ref.isClosed());
        assertEquals(refs - 1, rt.stats().liveRefs());
        assertReleased(ref::get);
        assertReleased(() -> handle.get("v"));
        ref.close();
        assertEquals(refs - 1, rt.stats().liveRefs(), "closing twice is harmless");
    }

    @EngineTest
    void typedPersistKeepsTheKind(JsRuntime rt) {
        JsRef<JsArray> ref;
        try (JsScope scope = rt.openScope()) {
            ref = rt.persist(rt.newArray(JsValue.of("x"), JsValue.of("y")));
        }
        assertEquals(2, ref.get().length());
        ref.close();
    }

    @EngineTest
    void weakReferencesAreClearedOnceUnreachable(JsRuntime rt) throws InterruptedException {
        JsWeakRef<JsObject> weak;
        try (JsScope scope = rt.openScope()) {
            JsObject big = object(rt, "{payload: new Array(10000).join('x')}");
            weak = rt.weak(big);
            Optional<JsObject> alive = weak.get();
            assertTrue(alive.isPresent());
            assertTrue(alive.get().strictEquals(big));
        }
        assertTrue(collectedAfterGc(rt, weak), "the object was not collected after its last handle was released");
        weak.close();
    }

    @EngineTest
    void weakReferencesKeepWorkingWhileJavaScriptHoldsTheObject(JsRuntime rt) throws InterruptedException {
        JsWeakRef<JsObject> weak;
        try (JsScope scope = rt.openScope()) {
            JsObject held = object(rt, "this.keptByScript = {name: 'held'}");
            weak = rt.weak(held);
        }
        for (int i = 0; i < 5; i++) {
            rt.collectGarbage();
            Thread.sleep(10);
        }
        try (JsScope scope = rt.openScope()) {
            JsObject again = weak.get().orElseThrow(() -> new AssertionError("collected while a global still refers to it"));
            assertTrue(again.strictEquals(rt.global().get("keptByScript")));
            assertEquals(JsValue.of("held"), again.get("name"));
        }
        weak.close();
        assertReleased(weak::get);
    }

    @EngineTest
    void persistedObjectIsNotCollected(JsRuntime rt) throws InterruptedException {
        JsRef<JsObject> strong;
        JsWeakRef<JsObject> weak;
        try (JsScope scope = rt.openScope()) {
            JsObject o = object(rt, "{v: 'strong'}");
            strong = o.persist();
            weak = rt.weak(o);
        }
        for (int i = 0; i < 5; i++) rt.collectGarbage();
        try (JsScope probe = rt.openScope()) {
            assertTrue(weak.get().isPresent(), "a JsRef keeps its object alive");
        }
        strong.close();
        assertTrue(collectedAfterGc(rt, weak), "collectable once the JsRef closed");
        weak.close();
    }

    @EngineTest
    void everyHandleFailsAfterTheRuntimeCloses(JsRuntimeFactory factory) {
        JsRuntime rt = factory.create();
        JsObject o = object(rt, "{a: 1}");
        JsArray a = rt.newArray(JsValue.of(1));
        JsFunction f = rt.evaluate("(function () {})", "f.js").asFunction();
        JsRef<JsObject> ref = o.persist();
        JsWeakRef<JsObject> weak = rt.weak(o);
        JsObject global = rt.global();
        PreparedScript script = rt.prepare("1 + 1", "p.js");
        rt.close();
        assertTrue(rt.isClosed());
        assertTrue(o.isReleased());
        assertReleased(() -> o.get("a"));
        assertReleased(() -> a.length());
        assertReleased(() -> f.call());
        assertReleased(ref::get);
        assertReleased(weak::get);
        assertReleased(() -> global.get("Object"));
        assertReleased(script::run);
        assertReleased(() -> rt.evaluate("1", "x.js"));
        assertReleased(rt::global);
        assertReleased(rt::newObject);
        assertReleased(rt::openScope);
        ref.close();
        weak.close();
        rt.close();
    }

    @EngineTest
    void statsReturnToTheStartAfterWorkInScopes(JsRuntime rt) {
        JsFunction make = rt.evaluate("(function (i) { return {i: i, list: [i, i + 1]}; })", "make.js").asFunction();
        RuntimeStats before = rt.stats();
        try (JsScope scope = rt.openScope()) {
            for (int i = 0; i < 10_000; i++) {
                JsObject o = make.call(JsValue.of(i)).asObject();
                if (i % 1000 == 0) assertEquals(JsValue.of(i + 1), o.get("list").asArray().get(1));
            }
            assertTrue(rt.stats().liveHandles() >= before.liveHandles() + 10_000, rt.stats().toString());
        }
        RuntimeStats after = rt.stats();
        assertEquals(before.liveHandles(), after.liveHandles(), after.toString());
        assertEquals(before.liveRefs(), after.liveRefs());
        assertEquals(before.openScopes(), after.openScopes());
    }

    @EngineTest
    void statsCountRefsAndWeakRefs(JsRuntime rt) {
        RuntimeStats before = rt.stats();
        JsObject o = rt.newObject();
        JsRef<JsObject> r1 = o.persist();
        JsRef<JsObject> r2 = o.persist();
        JsWeakRef<JsObject> w = rt.weak(o);
        RuntimeStats during = rt.stats();
        assertEquals(before.liveRefs() + 2, during.liveRefs());
        assertEquals(before.liveWeakRefs() + 1, during.liveWeakRefs());
        r1.close();
        assertEquals(JsValue.of(0), JsValue.of(r2.get().propertyNames().size()), "one JsRef closing leaves the other valid");
        r2.close();
        w.close();
        RuntimeStats after = rt.stats();
        assertEquals(before.liveRefs(), after.liveRefs());
        assertEquals(before.liveWeakRefs(), after.liveWeakRefs());
    }

    @EngineTest
    void handlesPassedToHostCallbacksAreReleasedWhenTheyReturn(JsRuntime rt) {
        JsObject[] seen = new JsObject[1];
        AtomicReference<JsRef<JsObject>> kept = new AtomicReference<>();
        rt.global().set("keep", rt.function("keep", 1, (r, self, args) -> {
            seen[0] = args.get(0).asObject();
            kept.set(seen[0].persist());
            return JsValue.undefined();
        }));
        rt.evaluate("keep({tag: 'arg'})", "keep.js");
        assertTrue(seen[0].isReleased(), "an argument handle dies with its callback");
        assertReleased(() -> seen[0].get("tag"));
        assertEquals(JsValue.of("arg"), kept.get().get().get("tag"), "unless persisted");
        kept.get().close();
    }

    @EngineTest
    void handlesFromAnotherRuntimeAreRejected(JsRuntime rt, JsRuntimeFactory factory) {
        try (JsRuntime other = factory.create()) {
            JsObject foreign = other.newObject();
            JsFunction foreignFn = other.evaluate("(function () {})", "other.js").asFunction();
            JsObject local = rt.newObject();
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> rt.global().set("x", foreign));
            assertTrue(e.getMessage().contains("another runtime"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> local.set("x", foreign));
            assertThrows(IllegalArgumentException.class, () -> local.instanceOf(foreignFn));
            assertThrows(IllegalArgumentException.class, () -> local.strictEquals(foreign));
            assertThrows(IllegalArgumentException.class, () -> rt.newArray(List.of(foreign)));
            JsFunction localFn = rt.evaluate("(function (x) { return x; })", "local.js").asFunction();
            assertThrows(IllegalArgumentException.class, () -> localFn.call(foreign));
            assertEquals(JsValue.of("fine"), localFn.call(JsValue.of("fine")), "primitives cross runtimes");
        }
    }

    @EngineTest
    void persistAndWeakRefuseHandlesOfAnotherRuntime(JsRuntime rt, JsRuntimeFactory factory) {
        try (JsRuntime other = factory.create()) {
            JsObject foreign = other.evaluate("({tag: 'other'})", "other.js").asObject();
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> rt.persist(foreign));
            assertTrue(e.getMessage().contains("another runtime"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> rt.weak(foreign));
            JsFunction foreignFn = other.evaluate("(function () { return 1; })", "f.js").asFunction();
            JsFunction local = rt.evaluate("(function () { return this; })", "l.js").asFunction();
            assertThrows(IllegalArgumentException.class, () -> local.callWithThis(foreign));
            assertThrows(IllegalArgumentException.class, () -> local.construct(foreign));
            assertThrows(IllegalArgumentException.class, () -> rt.persist(foreignFn));
            assertEquals(0, rt.stats().liveRefs(), "nothing was kept");
        }
    }

    @EngineTest
    void handlesOfAnotherEngineAreRejectedWithAClearMessage(JsRuntime rt) {
        for (String id : JsEngines.ids()) {
            try (JsRuntime other = JsEngines.factory(id).create()) {
                JsObject foreign = other.newObject();
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> rt.global().set("x", foreign));
                assertTrue(e.getMessage().contains(id), e.getMessage());
                assertThrows(IllegalArgumentException.class, () -> rt.persist(foreign));
                assertThrows(IllegalArgumentException.class, () -> rt.weak(foreign));
            }
        }
    }

    @EngineTest
    void aScopeLeftOpenInAHostCallbackClosesWhenItReturns(JsRuntime rt) {
        JsScope[] leaked = new JsScope[1];
        JsObject[] made = new JsObject[1];
        rt.global().set("leaky", rt.function("leaky", 0, (r, self, args) -> {
            leaked[0] = r.openScope();
            made[0] = r.newObject();
            return JsValue.undefined();
        }));
        int before = rt.stats().liveHandles();
        rt.evaluate("leaky()", "leaky.js");
        assertTrue(leaked[0].isClosed(), "the callback's scope closed with the callback");
        assertTrue(made[0].isReleased());
        assertEquals(0, rt.stats().openScopes());
        assertEquals(before, rt.stats().liveHandles());
        try (JsScope scope = rt.openScope()) {
            rt.newObject();
            assertEquals(1, scope.size(), "scopes work as before after the callback");
        }
    }

    @EngineTest
    void symbolsOfAnotherRuntimeAreRefusedAsKeysAndValues(JsRuntime rt, JsRuntimeFactory factory) {
        try (JsRuntime other = factory.create()) {
            org.jsi4j.JsSymbol foreign = other.newSymbol("theirs");
            org.jsi4j.JsSymbol fromScript = (org.jsi4j.JsSymbol) other.evaluate("Symbol('script')", "s.js");
            JsObject local = rt.newObject();
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> local.set(foreign, JsValue.of(1)));
            assertTrue(e.getMessage().contains("another runtime"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> local.get(fromScript));
            assertThrows(IllegalArgumentException.class, () -> local.has(foreign));
            assertThrows(IllegalArgumentException.class, () -> local.delete(foreign));
            assertThrows(IllegalArgumentException.class, () -> local.set("k", foreign));
            org.jsi4j.JsSymbol mine = rt.newSymbol("mine");
            local.set(mine, JsValue.of(2));
            assertEquals(JsValue.of(2), local.get(mine), "the runtime's own symbols work");
            assertTrue(mine.runtime().isPresent() && mine.runtime().get() == rt);
        }
    }
}
