package org.qpspin.dynamics;

import java.util.Locale;

/**
 * A set of cluster states given by a condition on N and m, e.g. {@code N>=200}, {@code m>=10},
 * {@code N>=50 && m<=2}, {@code (N<=0) || m>=5}.
 *
 * <p>Grammar: {@code expr := and ('||' and)*; and := atom ('&&' atom)*; atom := '(' expr ')' | VAR OP INT}, with VAR one of
 * N, m (also S2 = N − 2m, twice the total spin) and OP one of {@code >= <= > < == !=}. {@code &&} binds tighter
 * than {@code ||}. Immutable.
 */
public final class TargetSet {

    @FunctionalInterface
    private interface Condition {
        boolean test(int n, int m);
    }

    private final String text;
    private final Condition condition;

    private TargetSet(String text, Condition condition) {
        this.text = text;
        this.condition = condition;
    }

    /**
     * Parses {@code text}.
     *
     * @param text conditions on N, m (and S2 = N − 2m) joined by {@code &&} and {@code ||}, e.g. {@code N>=8}
     * @return the set
     * @throws IllegalArgumentException naming the position and what was expected
     */
    public static TargetSet parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty target; e.g. 'N>=200', 'm>=10', 'N>=50 && m<=2'");
        }
        Parser p = new Parser(text);
        Condition c = p.expression();
        p.skipSpaces();
        if (p.pos != text.length()) {
            throw p.error("unexpected '" + text.substring(p.pos) + "'");
        }
        return new TargetSet(text.trim(), c);
    }

    /**
     * {@return whether (N, m) is in the set}
     *
     * @param n N
     * @param m m
     */
    public boolean contains(int n, int m) {
        return condition.test(n, m);
    }

    @Override
    public String toString() {
        return text;
    }

    private static final class Parser {
        private final String s;
        int pos;

        Parser(String s) {
            this.s = s;
        }

        Condition expression() {
            Condition left = conjunction();
            while (accept("||")) {
                Condition a = left;
                Condition b = conjunction();
                left = (n, m) -> a.test(n, m) || b.test(n, m);
            }
            return left;
        }

        Condition conjunction() {
            Condition left = atom();
            while (accept("&&")) {
                Condition a = left;
                Condition b = atom();
                left = (n, m) -> a.test(n, m) && b.test(n, m);
            }
            return left;
        }

        Condition atom() {
            if (accept("(")) {
                Condition c = expression();
                if (!accept(")")) {
                    throw error("expected ')'");
                }
                return c;
            }
            skipSpaces();
            String variable;
            if (s.startsWith("S2", pos)) {
                variable = "S2";
            } else if (pos < s.length() && (s.charAt(pos) == 'N' || s.charAt(pos) == 'm')) {
                variable = String.valueOf(s.charAt(pos));
            } else {
                throw error("expected N, m or S2");
            }
            pos += variable.length();
            skipSpaces();
            String op = null;
            for (String candidate : new String[] {">=", "<=", "==", "!=", ">", "<"}) {
                if (s.startsWith(candidate, pos)) {
                    op = candidate;
                    break;
                }
            }
            if (op == null) {
                throw error("expected one of >= <= > < == != after " + variable);
            }
            pos += op.length();
            skipSpaces();
            int start = pos;
            if (pos < s.length() && (s.charAt(pos) == '-' || s.charAt(pos) == '+')) {
                pos++;
            }
            while (pos < s.length() && Character.isDigit(s.charAt(pos))) {
                pos++;
            }
            long value;
            try {
                value = Long.parseLong(s.substring(start, pos));
            } catch (NumberFormatException e) {
                pos = start;
                throw error("expected an integer after " + variable + op);
            }
            String var = variable;
            String o = op;
            return (n, m) -> compare(var.equals("N") ? n : var.equals("m") ? m : (long) n - 2L * m, o, value);
        }

        private static boolean compare(long x, String op, long v) {
            switch (op) {
                case ">=":
                    return x >= v;
                case "<=":
                    return x <= v;
                case ">":
                    return x > v;
                case "<":
                    return x < v;
                case "==":
                    return x == v;
                default:
                    return x != v;
            }
        }

        boolean accept(String token) {
            skipSpaces();
            if (s.startsWith(token, pos)) {
                pos += token.length();
                return true;
            }
            return false;
        }

        void skipSpaces() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }

        IllegalArgumentException error(String what) {
            return new IllegalArgumentException(String.format(Locale.ROOT, "bad target '%s' at position %d: %s",
                    s, pos + 1, what));
        }
    }
}
