package org.mezite.auth.local.internal;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/** A real bcrypt hasher that remembers the cost of every password check it ran, dummy checks included. */
final class CountingHasher extends PasswordHasher {

    final List<Integer> checkCosts = new ArrayList<>();

    CountingHasher(int cost) {
        super(cost, new SecureRandom());
    }

    @Override
    boolean matches(String hash, byte[] password) {
        checkCosts.add(Integer.parseInt(hash.substring(4, 6)));
        return super.matches(hash, password);
    }

    @Override
    void checkDummy(byte[] password) {
        checkCosts.add(cost());
        super.checkDummy(password);
    }
}
