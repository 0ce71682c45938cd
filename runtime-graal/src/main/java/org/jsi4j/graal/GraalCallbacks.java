package org.jsi4j.graal;

import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;
import org.jsi4j.JsError;
import org.jsi4j.JsTerminatedException;
import org.jsi4j.JsValue;
import org.jsi4j.spi.HostCall;
import org.jsi4j.spi.RuntimeServices;

/**
 * The protocol of every callback from the guest into Java (host functions and host objects):
 * run through the core's {@link RuntimeServices#hostCall}, raise what it turns into a JavaScript
 * exception, and unwind the script past every JavaScript {@code catch} on a termination.
 */
final class GraalCallbacks {
    private final RuntimeServices services;
    private final GraalLimits limits;
    private final Value thrower;
    /**
     * A RangeError for a stack overflow, thrown and caught once when the runtime is made: raised
     * again from a host callback that has no stack left to make a new one.
     */
    private PolyglotException stackOverflow;
    private final Value rangeError;

    GraalCallbacks(RuntimeServices services, GraalLimits limits, GraalHelpers helpers) {
        this.services = services;
        this.limits = limits;
        this.thrower = helpers.thrower;
        this.rangeError = helpers.rangeError;
    }

    /**
     * Makes the stack-overflow RangeError in advance; called when the first host function or
     * host object is made, so that runtimes without any do not pay for it.
     */
    void prepare() {
        if (stackOverflow == null) stackOverflow = thrown(rangeError.execute(GraalErrors.OVERFLOW_MESSAGE));
    }

    /** The exception that throwing {@code error} in the guest gives the host. */
    private PolyglotException thrown(Object error) {
        try {
            thrower.execute(error);
        } catch (PolyglotException e) {
            return e;
        }
        throw new IllegalStateException("the thrower helper returned");
    }

    /**
     * Runs a host callback through the core. A termination that unwinds through it goes on as a
     * {@link GraalStop}, which JavaScript cannot catch. A stack overflow that left the core no
     * stack to raise a RangeError of its own raises the one made in advance.
     */
    Object enter(HostCall body) {
        try {
            return services.hostCall(body);
        } catch (JsTerminatedException e) {
            throw limits.unwind(e);
        } catch (StackOverflowError e) {
            throw stackOverflow;
        } catch (JsError e) {
            // the core's raise() failed, which happens only when the stack ran out while it made the error
            if (e.name().filter("RangeError"::equals).isPresent()) throw stackOverflow;
            throw e;
        }
    }

    /** Throws {@code error} into the guest: the polyglot layer rethrows a guest exception unchanged. */
    Object raise(Object guestError) {
        throw thrown(guestError);
    }
}
