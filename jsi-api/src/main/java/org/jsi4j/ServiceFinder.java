package org.jsi4j;

import java.util.Iterator;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * The first implementation of a service interface on the class path ({@link ServiceLoader}), looked
 * up once per context class loader (runtimes are made often; the class path does not change under them).
 */
final class ServiceFinder<T> {
    private record Found<T>(ClassLoader loader, T provider) {
    }

    private final Class<T> service;
    private volatile Found<T> last;

    ServiceFinder(Class<T> service) {
        this.service = service;
    }

    /** The implementation, or null when there is none. */
    T find() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) loader = ServiceFinder.class.getClassLoader();
        Found<T> found = last;
        if (found != null && found.loader == loader) return found.provider;
        try {
            Iterator<T> it = ServiceLoader.load(service, loader).iterator();
            if (!it.hasNext()) it = ServiceLoader.load(service, ServiceFinder.class.getClassLoader()).iterator();
            T provider = it.hasNext() ? it.next() : null;
            last = new Found<>(loader, provider);
            return provider;
        } catch (ServiceConfigurationError e) {
            throw new IllegalStateException("The implementation listed in META-INF/services/" + service.getName()
                    + " could not be loaded: " + e.getMessage(), e);
        }
    }
}
