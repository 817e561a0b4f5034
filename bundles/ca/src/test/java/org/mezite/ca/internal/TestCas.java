package org.mezite.ca.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/** Certificate authorities for tests: an in-memory store and a cheap KDF, so that each test can start its own. */
final class TestCas {

    static final String CLUSTER = "test-cluster";
    /** The smallest Argon2id cost; {@link KdfParameters#DEFAULT} is tested once, on its own. */
    static final KdfParameters FAST_KDF = new KdfParameters(64, 1, 1);

    private TestCas() {
    }

    static CertificateAuthorityService start() {
        return start(new InMemoryCertificateAuthorityRepository(), "", Clock.systemUTC());
    }

    static CertificateAuthorityService start(InMemoryCertificateAuthorityRepository repository, String passphrase) {
        return start(repository, passphrase, Clock.systemUTC());
    }

    static CertificateAuthorityService start(InMemoryCertificateAuthorityRepository repository, String passphrase,
            Clock clock) {
        return start(repository, Map.of(CaSettings.PASSPHRASE, passphrase), clock);
    }

    static CertificateAuthorityService start(InMemoryCertificateAuthorityRepository repository,
            Map<String, String> properties, Clock clock) {
        return new CertificateAuthorityService(CLUSTER, repository, new HashMap<>(properties), FAST_KDF, clock,
                new SecureRandom());
    }
}
