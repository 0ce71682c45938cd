package org.jsi4j.v8;

import java.lang.invoke.MethodHandle;
import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.util.Optional;

/**
 * The calling thread's native stack, from glibc on Linux x86_64 through the foreign-function API:
 * its size and top ({@code pthread_getattr_np}, {@code pthread_attr_getstack}), read once per
 * runtime, and the current stack pointer ({@code _setjmp}, checked against {@code getcontext}),
 * read before V8 is re-entered from a host function. Used by {@link V8Limits}. The project compiles for Java 21,
 * where that API is a preview, so it is bound reflectively and only on a JDK where it is final
 * (22 and later); {@link #available()} is false otherwise, on another platform, or when native
 * access is denied.
 */
final class V8ThreadStack {
    private static final long ATTR_BYTES = 128;
    /** {@code offsetof(ucontext_t, uc_mcontext.gregs[REG_RSP])} in glibc on x86_64. */
    private static final long RSP_OFFSET = 40 + 15 * 8;
    private static final long UCONTEXT_BYTES = 2048;
    /** Where {@code _setjmp} saves the (mangled) stack pointer in a {@code jmp_buf} on x86_64. */
    private static final long JMPBUF_RSP_OFFSET = 48;
    private static final Foreign FOREIGN = Foreign.bind();

    private V8ThreadStack() {
    }

    /** Whether the stack can be measured here. */
    static boolean available() {
        return FOREIGN != null;
    }

    /** The size of the calling thread's stack in bytes, guard pages included. */
    static long size() {
        return FOREIGN.bounds()[1];
    }

    /** The highest address of the calling thread's stack (where it starts; it grows down). */
    static long top() {
        long[] bounds = FOREIGN.bounds();
        return bounds[0] + bounds[1];
    }

    /**
     * A buffer for {@link #pointer(Object)}, to be used by one thread at a time (it is freed by
     * the garbage collector).
     */
    static Object contextBuffer() {
        return FOREIGN.buffer();
    }

    /** The calling thread's stack pointer, give or take the frames of this call. */
    static long pointer(Object contextBuffer) {
        return FOREIGN.pointer(contextBuffer);
    }

    /** The bound functions and the few reflective entry points of {@code java.lang.foreign}. */
    private record Foreign(MethodHandle self, MethodHandle getattr, MethodHandle getstack, MethodHandle destroy,
                           MethodHandle getcontext, MethodHandle setjmp, long guard, Method ofConfined, Method ofAuto,
                           Method allocate, Method getLong, MethodHandle readLong, Object javaLong) {
        static Foreign bind() {
            if (Runtime.version().feature() < 22 || !System.getProperty("os.name", "").startsWith("Linux")
                    || !System.getProperty("os.arch", "").matches("amd64|x86_64")) {
                return null;
            }
            try {
                Class<?> linkerC = Class.forName("java.lang.foreign.Linker");
                Class<?> lookupC = Class.forName("java.lang.foreign.SymbolLookup");
                Class<?> descC = Class.forName("java.lang.foreign.FunctionDescriptor");
                Class<?> layoutC = Class.forName("java.lang.foreign.MemoryLayout");
                Class<?> valueC = Class.forName("java.lang.foreign.ValueLayout");
                Class<?> segC = Class.forName("java.lang.foreign.MemorySegment");
                Class<?> arenaC = Class.forName("java.lang.foreign.Arena");
                Class<?> optionC = Class.forName("java.lang.foreign.Linker$Option");
                Class<?> ofLongC = Class.forName("java.lang.foreign.ValueLayout$OfLong");
                Object linker = linkerC.getMethod("nativeLinker").invoke(null);
                Object libc = linkerC.getMethod("defaultLookup").invoke(linker);
                Method find = lookupC.getMethod("find", String.class);
                Object jLong = valueC.getField("JAVA_LONG").get(null);
                Object jInt = valueC.getField("JAVA_INT").get(null);
                Object address = valueC.getField("ADDRESS").get(null);
                Method of = descC.getMethod("of", layoutC, layoutC.arrayType());
                Method downcall = linkerC.getMethod("downcallHandle", segC, descC, optionC.arrayType());
                Object noOptions = Array.newInstance(optionC, 0);
                java.util.function.BiFunction<String, Object, MethodHandle> bindOne = (name, desc) -> {
                    try {
                        Object symbol = ((Optional<?>) find.invoke(libc, name)).orElseThrow();
                        return (MethodHandle) downcall.invoke(linker, symbol, desc, noOptions);
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException(e);
                    }
                };
                Object[] none = (Object[]) Array.newInstance(layoutC, 0);
                Object[] oneAddress = (Object[]) Array.newInstance(layoutC, 1);
                oneAddress[0] = address;
                Object[] longAndAddress = (Object[]) Array.newInstance(layoutC, 2);
                longAndAddress[0] = jLong;
                longAndAddress[1] = address;
                Object[] threeAddresses = (Object[]) Array.newInstance(layoutC, 3);
                threeAddresses[0] = address;
                threeAddresses[1] = address;
                threeAddresses[2] = address;
                Foreign f = new Foreign(
                        bindOne.apply("pthread_self", of.invoke(null, jLong, none)),
                        bindOne.apply("pthread_getattr_np", of.invoke(null, jInt, longAndAddress)),
                        bindOne.apply("pthread_attr_getstack", of.invoke(null, jInt, threeAddresses)),
                        bindOne.apply("pthread_attr_destroy", of.invoke(null, jInt, oneAddress)),
                        bindOne.apply("getcontext", of.invoke(null, jInt, oneAddress)).asType(
                                java.lang.invoke.MethodType.methodType(int.class, Object.class)),
                        bindOne.apply("_setjmp", of.invoke(null, jInt, oneAddress)).asType(
                                java.lang.invoke.MethodType.methodType(int.class, Object.class)),
                        0L, arenaC.getMethod("ofConfined"), arenaC.getMethod("ofAuto"),
                        arenaC.getMethod("allocate", long.class, long.class), segC.getMethod("get", ofLongC, long.class),
                        java.lang.invoke.MethodHandles.publicLookup().unreflect(segC.getMethod("get", ofLongC, long.class))
                                .asType(java.lang.invoke.MethodType.methodType(long.class, Object.class, Object.class,
                                        long.class)), jLong);
                long[] bounds = f.bounds();
                long sp = f.pointer(f.buffer());
                if (bounds[1] <= 0 || sp <= bounds[0] || sp >= bounds[0] + bounds[1]) return null;
                return f.withFastPointer(segC, sp);
            } catch (ReflectiveOperationException | RuntimeException | Error e) {
                return null;  // no native access: the owner thread is not checked
            }
        }

        /** {address, size} of the stack. */
        long[] bounds() {
            try (AutoCloseable arena = (AutoCloseable) ofConfined.invoke(null)) {
                Object attr = allocate.invoke(arena, ATTR_BYTES, 16L);
                Object addr = allocate.invoke(arena, 8L, 8L);
                Object size = allocate.invoke(arena, 8L, 8L);
                long thread = (long) self.invoke();
                if ((int) getattr.invoke(thread, attr) != 0) throw new IllegalStateException("pthread_getattr_np failed");
                try {
                    if ((int) getstack.invoke(attr, addr, size) != 0) {
                        throw new IllegalStateException("pthread_attr_getstack failed");
                    }
                } finally {
                    destroy.invoke(attr);
                }
                return new long[] {(long) getLong.invoke(addr, javaLong, 0L), (long) getLong.invoke(size, javaLong, 0L)};
            } catch (IllegalStateException e) {
                throw e;
            } catch (Throwable t) {
                throw new IllegalStateException("cannot read the thread's stack: " + t, t);
            }
        }

        /**
         * This, reading the stack pointer with {@code _setjmp} (no system call, unlike
         * {@code getcontext}) when that gives the same answer: glibc saves the pointer mangled with
         * the process's pointer guard ({@code tcbhead_t.pointer_guard}, 48 bytes into the thread
         * control block {@code pthread_self()} points at): {@code rol(sp ^ guard, 17)}.
         */
        Foreign withFastPointer(Class<?> segC, long slowSp) {
            try {
                long tcb = (long) self.invoke();
                Object block = segC.getMethod("reinterpret", long.class)
                        .invoke(segC.getMethod("ofAddress", long.class).invoke(null, tcb), 64L);
                long guard = (long) getLong.invoke(block, javaLong, 48L);
                Foreign fast = new Foreign(self, getattr, getstack, destroy, getcontext, setjmp, guard, ofConfined,
                        ofAuto, allocate, getLong, readLong, javaLong);
                long sp = fast.pointer(fast.buffer());
                return guard != 0 && Math.abs(sp - slowSp) < (64 << 10) ? fast : this;
            } catch (Throwable t) {
                return this;
            }
        }

        Object buffer() {
            try {
                return allocate.invoke(ofAuto.invoke(null), UCONTEXT_BYTES, 16L);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot allocate native memory: " + e, e);
            }
        }

        long pointer(Object context) {
            try {
                if (guard != 0) {
                    int ignored = (int) setjmp.invokeExact(context);
                    return Long.rotateRight((long) readLong.invokeExact(context, javaLong, JMPBUF_RSP_OFFSET), 17) ^ guard;
                }
                if ((int) getcontext.invokeExact(context) != 0) throw new IllegalStateException("getcontext failed");
                return (long) readLong.invokeExact(context, javaLong, RSP_OFFSET);
            } catch (IllegalStateException e) {
                throw e;
            } catch (Throwable t) {
                throw new IllegalStateException("cannot read the stack pointer: " + t, t);
            }
        }
    }
}
