package org.jsi4j;

/** The standard JavaScript error constructors a host can throw. */
public enum JsErrorType {
    ERROR("Error"),
    TYPE_ERROR("TypeError"),
    RANGE_ERROR("RangeError"),
    REFERENCE_ERROR("ReferenceError"),
    SYNTAX_ERROR("SyntaxError"),
    EVAL_ERROR("EvalError"),
    URI_ERROR("URIError");

    private final String constructorName;

    JsErrorType(String constructorName) {
        this.constructorName = constructorName;
    }

    /** The global constructor's name, e.g. {@code TypeError}. */
    public String constructorName() {
        return constructorName;
    }
}
