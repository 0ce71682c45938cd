package org.jsi4j.v8;

import com.caoccao.javet.exceptions.JavetException;
import com.caoccao.javet.interop.V8Runtime;
import com.caoccao.javet.values.reference.V8ValueSymbol;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jsi4j.JsSymbol;

/**
 * The symbols that crossed into Java, one {@link JsSymbol} token per V8 symbol so that equal
 * symbols are equal in Java. A token holds a V8 handle until the runtime closes (symbols are
 * few; they are not scoped like objects).
 */
final class V8Symbols {
    private final V8Runtime rt;
    private final org.jsi4j.spi.RuntimeServices services;
    private final Map<Integer, List<Token>> byHash = new HashMap<>();

    /** The engine symbol behind a {@link JsSymbol} of this runtime; equal only to itself. */
    private static final class Token {
        private final V8Symbols owner;
        private final V8ValueSymbol symbol;

        Token(V8Symbols owner, V8ValueSymbol symbol) {
            this.owner = owner;
            this.symbol = symbol;
        }

        V8Symbols owner() {
            return owner;
        }

        V8ValueSymbol symbol() {
            return symbol;
        }
    }

    V8Symbols(V8Runtime rt, org.jsi4j.spi.RuntimeServices services) {
        this.rt = rt;
        this.services = services;
    }

    /**
     * The {@link JsSymbol} for {@code symbol}; closes the handle given (it may be borrowed, or be
     * the result of a call that nothing else closes), the token keeping a clone of its own.
     */
    JsSymbol of(V8ValueSymbol symbol) throws JavetException {
        int hash = symbol.getIdentityHash();
        List<Token> candidates = byHash.computeIfAbsent(hash, h -> new ArrayList<>(1));
        for (Token t : candidates) {
            if (t.symbol().strictEquals(symbol)) {
                symbol.close();
                return services.symbol(t.symbol().getDescription(), t);
            }
        }
        // a handle of the token's own: the one given may be a callback's argument, which Javet closes on return
        V8ValueSymbol own = symbol.toClone();
        symbol.close();
        Token token = new Token(this, own);
        candidates.add(token);
        return services.symbol(own.getDescription(), token);
    }

    /** The V8 symbol behind {@code symbol}. */
    V8ValueSymbol handle(JsSymbol symbol) {
        if (symbol.token() instanceof Token t && t.owner() == this) return t.symbol();
        throw new IllegalArgumentException("The symbol " + symbol + " belongs to another runtime;"
                + " symbols cannot cross runtimes (make one with this runtime's newSymbol)");
    }

    void close() throws JavetException {
        for (List<Token> tokens : byHash.values()) {
            for (Token t : tokens) t.symbol().close();
        }
        byHash.clear();
    }

}
