package org.jsi4j.hostile;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jsi4j.JsTerminatedException;

/**
 * The outcome a hostile case must have. A case passes only when it threw what its expectation
 * says, so that a case fails when the behaviour regresses. Made with {@link Expect}.
 */
public sealed interface Expectation permits Expectation.Threw, Expectation.AnyOf, Expectation.Returned {

    /** Why {@code o} does not meet this expectation, or empty when it does. */
    Optional<String> mismatch(Observation o);

    /** The expectation in words, for the matrix. */
    String describe();

    /**
     * An exception of exactly {@code type}, with optional details.
     *
     * @param type the exception class
     * @param jsName for a {@code JsError}: the {@code name()} it must have, {@code ""} for none, {@code null} for any
     * @param reason for a {@code JsTerminatedException}: the reason it must have, or {@code null} for any
     * @param mentioning words (lower case) the message must contain, or {@code null}
     * @param jsMessage for a {@code JsError}: its exact {@code jsMessage()} (escaped as {@link Text#escape}), or {@code null}
     * @param cause the class its cause must be, or {@code null} for any
     */
    record Threw(Class<? extends Throwable> type, String jsName, JsTerminatedException.Reason reason, String mentioning,
                 String jsMessage, Class<? extends Throwable> cause) implements Expectation {

        /** The same, and the message must contain {@code words} (case-insensitive). */
        public Threw mentioning(String words) {
            return new Threw(type, jsName, reason, words.toLowerCase(Locale.ROOT), jsMessage, cause);
        }

        /** The same, and the {@code JsError}'s JavaScript message must be exactly {@code message}. */
        public Threw jsMessage(String message) {
            return new Threw(type, jsName, reason, mentioning, Text.escape(message), cause);
        }

        /** The same, and the cause must be a {@code causeType}. */
        public Threw causedBy(Class<? extends Throwable> causeType) {
            return new Threw(type, jsName, reason, mentioning, jsMessage, causeType);
        }

        @Override
        public Optional<String> mismatch(Observation o) {
            if (o.kind() != Observation.Kind.THREW) return Optional.of("expected " + describe());
            if (!type.getName().equals(o.type())) return Optional.of("expected a " + type.getSimpleName());
            if (jsName != null && !jsName.equals(o.jsName())) {
                return Optional.of("expected " + (jsName.isEmpty() ? "no name" : "name " + jsName));
            }
            if (reason != null && !reason.name().equals(o.reason())) return Optional.of("expected reason " + reason);
            if (mentioning != null && (o.message() == null || !o.message().toLowerCase(Locale.ROOT).contains(mentioning))) {
                return Optional.of("expected the message to mention '" + mentioning + "'");
            }
            if (jsMessage != null && !jsMessage.equals(o.jsMessage())) {
                return Optional.of("expected jsMessage '" + jsMessage + "'");
            }
            if (cause != null && !cause.getName().equals(o.cause())) {
                return Optional.of("expected a cause of type " + cause.getSimpleName());
            }
            return Optional.empty();
        }

        @Override
        public String describe() {
            StringBuilder b = new StringBuilder(type.getSimpleName());
            if (jsName != null) b.append(jsName.isEmpty() ? " without name" : " named " + jsName);
            if (reason != null) b.append(' ').append(reason);
            if (mentioning != null) b.append(" mentioning '").append(mentioning).append('\'');
            if (jsMessage != null) b.append(" with message '").append(jsMessage).append('\'');
            if (cause != null) b.append(" caused by ").append(cause.getSimpleName());
            return b.toString();
        }
    }

    /**
     * A normal end, for the few cases where one is a correct outcome (a damaged snapshot blob whose
     * tag was remade with the right key may still decode to a working setup).
     */
    record Returned() implements Expectation {
        @Override
        public Optional<String> mismatch(Observation o) {
            return o.kind() == Observation.Kind.RETURNED ? Optional.empty() : Optional.of("expected " + describe());
        }

        @Override
        public String describe() {
            return "a normal end";
        }
    }

    /** Any one of several outcomes, where the language allows more than one (a bomb may hit a limit or a RangeError). */
    record AnyOf(List<Expectation> options) implements Expectation {
        /** Copies the options. */
        public AnyOf {
            options = List.copyOf(options);
        }

        @Override
        public Optional<String> mismatch(Observation o) {
            for (Expectation e : options) if (e.mismatch(o).isEmpty()) return Optional.empty();
            return Optional.of("expected " + describe());
        }

        @Override
        public String describe() {
            return options.stream().map(Expectation::describe).collect(Collectors.joining(" or "));
        }
    }
}
