package org.jsi4j;

/**
 * A runtime's bookkeeping, so that tests can prove there are no leaks.
 *
 * @param liveHandles object handles not yet released, in all open scopes
 * @param liveRefs {@link JsRef}s not yet closed
 * @param liveWeakRefs {@link JsWeakRef}s not yet closed
 * @param openScopes scopes opened with {@link JsRuntime#openScope()} and not closed
 * @param hostObjects host objects exposed (they stay registered until the runtime closes)
 * @param hostFunctions host functions exposed (they stay registered until the runtime closes)
 * @param engineReferences references the engine itself counts (V8 handles), or {@code -1} when
 *     the engine keeps no such count
 */
public record RuntimeStats(int liveHandles, int liveRefs, int liveWeakRefs, int openScopes, int hostObjects,
                           int hostFunctions, long engineReferences) {
}
