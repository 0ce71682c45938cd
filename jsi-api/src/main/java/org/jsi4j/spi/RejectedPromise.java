package org.jsi4j.spi;

import org.jsi4j.JsObject;
import org.jsi4j.JsValue;

/**
 * Backend SPI: a promise that was rejected and has no handler (see
 * {@link EngineBackend#takeRejections()}).
 *
 * @param promise the promise, or {@code null} when the engine reports only the reason (Rhino)
 * @param reason the value it was rejected with
 */
public record RejectedPromise(JsObject promise, JsValue reason) {
}
