package org.mezite.client;

import java.security.Provider;
import java.security.Security;
import java.util.Optional;

import org.apache.sshd.common.util.security.AbstractSecurityProviderRegistrar;
import org.apache.sshd.common.util.security.eddsa.generic.EdDSASupport;

/**
 * Registers {@link JdkEdDSASupport} with MINA. It claims no algorithm of its own: MINA keeps asking the JDK's
 * providers for every algorithm, this registrar only tells it that Ed25519 keys are Java's {@code EdECKey}s.
 */
final class JdkEdDSARegistrar extends AbstractSecurityProviderRegistrar {

    private static final String PROVIDER = "SunEC";

    JdkEdDSARegistrar() {
        super("JdkEdDSA");
    }

    @Override
    public String getProviderName() {
        return PROVIDER;
    }

    @Override
    public boolean isNamedProviderUsed() {
        return false;
    }

    @Override
    public Provider getSecurityProvider() {
        return Security.getProvider(PROVIDER);
    }

    @Override
    public boolean isSupported() {
        return getSecurityProvider() != null;
    }

    @Override
    public Optional<EdDSASupport<?, ?>> getEdDSASupport() {
        return Optional.of(new JdkEdDSASupport());
    }
}
