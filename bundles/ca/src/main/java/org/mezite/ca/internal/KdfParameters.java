package org.mezite.ca.internal;

/**
 * Argon2id cost parameters, stored in every envelope so that they can be raised later without losing old keys.
 *
 * @param memoryKiB   memory in KiB
 * @param iterations  passes over the memory
 * @param parallelism lanes
 */
record KdfParameters(int memoryKiB, int iterations, int parallelism) {

    /**
     * RFC 9106's second recommended option (64 MiB, 3 passes, 4 lanes): memory-hard enough to make guessing a
     * passphrase from a stolen database slow, cheap enough for a hub to unwrap two keys at start (well under a second
     * each here). Lanes run one after another in BouncyCastle; they still shape the computation an attacker must do.
     */
    static final KdfParameters DEFAULT = new KdfParameters(64 * 1024, 3, 4);

    /** Limits on what a stored envelope may ask for, so a tampered row cannot exhaust the hub's memory or time. */
    static final int MAX_MEMORY_KIB = 1024 * 1024;
    static final int MAX_ITERATIONS = 64;
    static final int MAX_PARALLELISM = 16;

    KdfParameters {
        if (parallelism < 1 || parallelism > MAX_PARALLELISM) {
            throw new IllegalArgumentException("parallelism " + parallelism + " is outside 1.." + MAX_PARALLELISM);
        }
        if (iterations < 1 || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("iterations " + iterations + " is outside 1.." + MAX_ITERATIONS);
        }
        // Argon2 needs at least 8 KiB per lane
        if (memoryKiB < 8 * parallelism || memoryKiB > MAX_MEMORY_KIB) {
            throw new IllegalArgumentException("memory " + memoryKiB + " KiB is outside " + 8 * parallelism + ".."
                    + MAX_MEMORY_KIB + " KiB");
        }
    }
}
