package org.mezite.rbac.internal;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A value that names a trait of the user, {@code {{internal.logins}}} or {@code {{external.team}}}, possibly with text
 * around it ({@code {{external.team}}-admins}). It stands for each of the user's values of that trait; a user without
 * the trait (or with no values for it) gives no value, so a rule made of it matches nothing. Expanded values are
 * literals: a trait value is never read as a pattern.
 *
 * <p>Matching compares against the trait values in place, without building the expanded strings, so that checking a
 * template costs no allocation on the access path.
 */
final class Template {

    private static final Pattern VARIABLE = Pattern.compile("\\{\\{\\s*([^{}\\s]*)\\s*\\}\\}");
    private static final Pattern NAMESPACED = Pattern.compile("(internal|external)\\.([A-Za-z0-9_][A-Za-z0-9_.:/-]*)");

    private final String text;
    private final String prefix;
    private final String trait;
    private final String suffix;

    private Template(String text, String prefix, String trait, String suffix) {
        this.text = text;
        this.prefix = prefix;
        this.trait = trait;
        this.suffix = suffix;
    }

    /** Whether the value contains template syntax at all. */
    static boolean isTemplate(String value) {
        return value.contains("{{") || value.contains("}}");
    }

    /**
     * Reads a template.
     *
     * @throws IllegalArgumentException saying what is wrong with it: malformed, more than one variable, an unknown
     *         variable
     */
    static Template parse(String value) {
        Matcher variable = VARIABLE.matcher(value);
        if (!variable.find()) {
            throw new IllegalArgumentException("malformed template \"" + value
                    + "\" (use {{internal.logins}} or {{external.NAME}})");
        }
        String prefix = value.substring(0, variable.start());
        String suffix = value.substring(variable.end());
        if (isTemplate(prefix) || isTemplate(suffix)) {
            throw new IllegalArgumentException("\"" + value + "\": only one template variable per value");
        }
        String name = variable.group(1);
        Matcher namespaced = NAMESPACED.matcher(name);
        if (!namespaced.matches() || namespaced.group(1).equals("internal") && !namespaced.group(2).equals("logins")) {
            throw new IllegalArgumentException("unknown template variable \"{{" + name
                    + "}}\" (known: {{internal.logins}}, {{external.NAME}})");
        }
        return new Template(value, prefix, namespaced.group(2), suffix);
    }

    /** Whether the value is one of this template's expansions for a user with these traits. */
    boolean matches(String value, Map<String, List<String>> traits) {
        List<String> values = traits.get(trait);
        if (values == null) {
            return false;
        }
        int fixed = prefix.length() + suffix.length();
        for (int i = 0, n = values.size(); i < n; i++) {
            String candidate = values.get(i);
            if (candidate.isEmpty()) {
                continue;
            }
            if (value.length() == fixed + candidate.length() && value.startsWith(prefix)
                    && value.startsWith(candidate, prefix.length()) && value.endsWith(suffix)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a user with these traits gets at least one value from this template. */
    boolean hasValues(Map<String, List<String>> traits) {
        List<String> values = traits.get(trait);
        if (values == null) {
            return false;
        }
        for (int i = 0, n = values.size(); i < n; i++) {
            if (!values.get(i).isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /** Gives each expansion for a user with these traits (none when the trait is missing or empty). */
    void expand(Map<String, List<String>> traits, Consumer<String> out) {
        List<String> values = traits.get(trait);
        if (values != null) {
            for (String value : values) {
                if (!value.isEmpty()) {
                    out.accept(prefix + value + suffix);
                }
            }
        }
    }

    @Override
    public String toString() {
        return text;
    }
}
