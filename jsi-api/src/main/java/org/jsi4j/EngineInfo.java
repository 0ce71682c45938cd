package org.jsi4j;

/**
 * What an engine is.
 *
 * @param id the engine id used to select it ({@code graal}, {@code v8}, {@code rhino})
 * @param name a human-readable name ({@code "Mozilla Rhino"})
 * @param version the engine's own version
 */
public record EngineInfo(String id, String name, String version) {
}
