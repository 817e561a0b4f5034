package org.mezite.node.internal;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The signals SSH names (RFC 4254 6.10) with their Linux numbers. A process killed by a signal reaches the server as
 * exit status 128 + its number (that is how both pty4j and the JDK report it), so such a status is reported as the
 * signal: the one ambiguity is a program that exits with such a status itself.
 */
final class Signals {

    static final int HUP = 1;

    private static final Map<String, Integer> NUMBERS = Map.ofEntries(Map.entry("HUP", 1), Map.entry("INT", 2),
            Map.entry("QUIT", 3), Map.entry("ILL", 4), Map.entry("ABRT", 6), Map.entry("FPE", 8),
            Map.entry("KILL", 9), Map.entry("USR1", 10), Map.entry("SEGV", 11), Map.entry("USR2", 12),
            Map.entry("PIPE", 13), Map.entry("ALRM", 14), Map.entry("TERM", 15));
    private static final Map<Integer, String> NAMES = new TreeMap<>();

    static {
        NUMBERS.forEach((name, number) -> NAMES.put(number, name));
    }

    private Signals() {
    }

    /** The number of a signal by its SSH name ({@code INT}, also {@code SIGINT}); empty for any other. */
    static Optional<Integer> number(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String bare = name.startsWith("SIG") ? name.substring(3) : name;
        return Optional.ofNullable(NUMBERS.get(bare));
    }

    /** The signal that an exit status of 128 + n stands for, empty for a plain exit status. */
    static Optional<String> ofExitStatus(int status) {
        return status > 128 ? Optional.ofNullable(NAMES.get(status - 128)) : Optional.empty();
    }
}
