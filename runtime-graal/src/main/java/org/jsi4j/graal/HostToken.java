package org.jsi4j.graal;

import org.graalvm.polyglot.proxy.Proxy;
import org.jsi4j.HostObject;

/**
 * The Java side of a host object's JavaScript face: an opaque polyglot proxy (no members, no
 * Java access) that only jsi4j's helper closure holds, so that the same instance comes back.
 */
record HostToken(HostObject host) implements Proxy {
}
