package org.mezite.rbac.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A list of accepted values as a role writes them (logins, or the values of one node label), compiled once: a
 * literal set, {@code *} (anything), regular expressions (starting with {@code ^}, matched against the whole value) and
 * templates. A value matches when any entry does; an empty list matches nothing.
 */
final class ValueMatcher {

    static final ValueMatcher NONE = new ValueMatcher(List.of(), false, new String[0], Set.of(), new Pattern[0],
            new Template[0]);

    /** Above this many literals a hash set beats comparing one by one. */
    private static final int LINEAR_LITERALS = 4;

    private final List<String> entries;
    private final boolean any;
    private final String[] literals;
    private final Set<String> literalSet;
    private final Pattern[] patterns;
    /** Per pattern, the literal text every match starts with, checked first so most misses need no matcher. */
    private final String[] patternPrefixes;
    private final Template[] templates;

    private ValueMatcher(List<String> entries, boolean any, String[] literals, Set<String> literalSet,
            Pattern[] patterns, Template[] templates) {
        this.entries = entries;
        this.any = any;
        this.literals = literals;
        this.literalSet = literalSet;
        this.patterns = patterns;
        this.patternPrefixes = new String[patterns.length];
        for (int i = 0; i < patterns.length; i++) {
            patternPrefixes[i] = literalPrefix(patterns[i]);
        }
        this.templates = templates;
    }

    /**
     * Compiles the entries.
     *
     * @param literalCheck checks a literal (e.g. that a login is a valid login), throwing with what is wrong
     * @throws IllegalArgumentException for an invalid regular expression or template, or a literal the check refuses
     */
    static ValueMatcher compile(List<String> entries, Consumer<String> literalCheck) {
        if (entries.isEmpty()) {
            return NONE;
        }
        boolean any = false;
        List<String> literals = new ArrayList<>();
        List<Pattern> patterns = new ArrayList<>();
        List<Template> templates = new ArrayList<>();
        for (String entry : entries) {
            if (entry.equals("*")) {
                any = true;
            } else if (Template.isTemplate(entry)) {
                templates.add(Template.parse(entry));
            } else if (isRegex(entry)) {
                patterns.add(compilePattern(entry));
            } else {
                literalCheck.accept(entry);
                if (!literals.contains(entry)) {
                    literals.add(entry);
                }
            }
        }
        String[] literalArray = literals.toArray(new String[0]);
        Set<String> literalSet = literals.size() > LINEAR_LITERALS ? new HashSet<>(literals) : Set.of();
        return new ValueMatcher(List.copyOf(entries), any, literalArray, literalSet, patterns.toArray(new Pattern[0]),
                templates.toArray(new Template[0]));
    }

    /** Values starting with {@code ^} are regular expressions (usually {@code ^...$}; they match whole values). */
    private static boolean isRegex(String entry) {
        return entry.startsWith("^");
    }

    private static Pattern compilePattern(String regex) {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            // e.getMessage() spans several lines (the pattern and a caret); the description and index say it all
            throw new IllegalArgumentException("invalid regular expression \"" + regex + "\": " + e.getDescription()
                    + (e.getIndex() >= 0 ? " near index " + e.getIndex() : ""));
        }
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }

    /** Whether {@code *} is among the entries. */
    boolean matchesAnything() {
        return any;
    }

    boolean matches(String value, Map<String, List<String>> traits) {
        if (any) {
            return true;
        }
        if (literalSet.isEmpty()) {
            for (String literal : literals) {
                if (literal.equals(value)) {
                    return true;
                }
            }
        } else if (literalSet.contains(value)) {
            return true;
        }
        for (Template template : templates) {
            if (template.matches(value, traits)) {
                return true;
            }
        }
        for (int i = 0; i < patterns.length; i++) {
            if (value.startsWith(patternPrefixes[i]) && patterns[i].matcher(value).matches()) {
                return true;
            }
        }
        return false;
    }

    /** How expensive matching is: 0 for {@code *} and literals only, 1 with templates, 2 with regular expressions. */
    int cost() {
        return patterns.length > 0 ? 2 : templates.length > 0 ? 1 : 0;
    }

    /**
     * The plain characters after the {@code ^} up to the first character with a meaning in a regular expression
     * ({@code ^eu-(west|central)} gives {@code eu-}); without the last one when a quantifier follows it. Empty when
     * the expression starts with anything else (a group, a class, flags).
     */
    static String literalPrefix(Pattern pattern) {
        String regex = pattern.pattern();
        if (pattern.flags() != 0 || !regex.startsWith("^") || hasTopLevelAlternation(regex)) {
            return "";
        }
        int end = 1;
        while (end < regex.length() && "\\.[]{}()*+?^$|".indexOf(regex.charAt(end)) < 0) {
            end++;
        }
        if (end < regex.length() && "?*{".indexOf(regex.charAt(end)) >= 0) {
            end--; // the character before a quantifier may be absent or repeated
        }
        return end <= 1 ? "" : regex.substring(1, end);
    }

    /** Whether {@code a|b} splits the whole expression ({@code ^eu|us$}), where a prefix says nothing. */
    private static boolean hasTopLevelAlternation(String regex) {
        int depth = 0;
        boolean inClass = false;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
            } else if (inClass) {
                inClass = c != ']';
            } else if (c == '[') {
                inClass = true;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '|' && depth == 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether some value could match for a user with these traits: {@code *}, a literal, a regular expression, or a
     * template the user has values for.
     */
    boolean canMatch(Map<String, List<String>> traits) {
        if (any || literals.length > 0 || patterns.length > 0) {
            return true;
        }
        for (Template template : templates) {
            if (template.hasValues(traits)) {
                return true;
            }
        }
        return false;
    }

    /** Whether some entry is a pattern ({@code *} or a regular expression) rather than a plain value. */
    boolean hasPatterns() {
        return any || patterns.length > 0;
    }

    /** The plain values for a user with these traits, in the role's order: literals and expanded templates. */
    void plainValues(Map<String, List<String>> traits, Consumer<String> out) {
        for (String entry : entries) {
            if (Template.isTemplate(entry)) {
                for (Template template : templates) {
                    if (template.toString().equals(entry)) {
                        template.expand(traits, out);
                        break;
                    }
                }
            } else if (!entry.equals("*") && !isRegex(entry)) {
                out.accept(entry);
            }
        }
    }

    /** Whether one of the plain values for a user with these traits passes the test. */
    boolean anyPlainValue(Map<String, List<String>> traits, Predicate<String> test) {
        for (String literal : literals) {
            if (test.test(literal)) {
                return true;
            }
        }
        for (Template template : templates) {
            boolean[] found = {false};
            template.expand(traits, value -> found[0] |= test.test(value));
            if (found[0]) {
                return true;
            }
        }
        return false;
    }

    /** The entries as the role writes them. */
    List<String> entries() {
        return entries;
    }
}
