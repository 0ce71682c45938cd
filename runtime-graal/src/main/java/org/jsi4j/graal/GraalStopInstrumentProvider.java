package org.jsi4j.graal;

import com.oracle.truffle.api.instrumentation.TruffleInstrument;
import com.oracle.truffle.api.instrumentation.provider.TruffleInstrumentProvider;
import java.util.Collection;
import java.util.List;

/**
 * Registers {@link GraalStopInstrument} with Truffle (found through {@code META-INF/services}; the
 * Truffle annotation processor would generate this class, and the build does not run it). Not API.
 */
@TruffleInstrument.Registration(id = GraalStopInstrument.ID, name = "jsi4j stops", internal = false,
        services = GraalStopInstrument.Stops.class)
public final class GraalStopInstrumentProvider extends TruffleInstrumentProvider {
    /** For the service loader. */
    public GraalStopInstrumentProvider() {
    }

    @Override
    protected String getInstrumentClassName() {
        return GraalStopInstrument.class.getName();
    }

    @Override
    protected Object create() {
        return new GraalStopInstrument();
    }

    @Override
    protected Collection<String> getServicesClassNames() {
        return List.of(GraalStopInstrument.Stops.class.getName());
    }
}
