package org.mezite.auth.local.internal;

import java.security.SecureRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

/**
 * bcrypt ({@code $2b$}) through BouncyCastle's OpenBSDBCrypt. Also checks passwords of unknown users against a dummy
 * hash of the same cost, so that a wrong user name costs as long as a wrong password.
 */
class PasswordHasher {

    static final String VERSION = "2b";
    static final int SALT_BYTES = 16;
    private static final Pattern COST = Pattern.compile("^\\$2[abxy]?\\$(\\d{2})\\$");

    private final int cost;
    private final SecureRandom random;
    private final String dummyHash;

    PasswordHasher(int cost, SecureRandom random) {
        this.cost = cost;
        this.random = random;
        byte[] dummyPassword = new byte[PasswordPolicy.MAX_BYTES];
        random.nextBytes(dummyPassword);
        this.dummyHash = hash(dummyPassword);
    }

    int cost() {
        return cost;
    }

    String hash(byte[] password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return OpenBSDBCrypt.generate(VERSION, password, salt, cost);
    }

    /**
     * @throws IllegalStateException when the stored hash is not a bcrypt hash
     */
    boolean matches(String hash, byte[] password) {
        try {
            return OpenBSDBCrypt.checkPassword(hash, password);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the stored password hash is not a bcrypt hash: " + e.getMessage());
        }
    }

    /** Spends the time of a password check, for a login that has no hash to check against. */
    void checkDummy(byte[] password) {
        OpenBSDBCrypt.checkPassword(dummyHash, password == null ? new byte[0] : password);
    }

    /** True when the hash has a lower cost than the configured one and should be redone at the next login. */
    boolean outdated(String hash) {
        Matcher m = COST.matcher(hash);
        return m.find() && Integer.parseInt(m.group(1)) < cost;
    }
}
