package org.mezite.bench;

import java.net.SocketAddress;
import java.security.PublicKey;

import org.apache.sshd.client.keyverifier.ServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.OpenSshCertificate;

/**
 * Trusts a server only when it presents a host certificate from the given host CA, like a known_hosts
 * {@code @cert-authority} line does for OpenSSH. MINA's key exchange has already checked the certificate's signature,
 * validity and that the connected host name is one of its principals; an invalid certificate reaches this verifier as
 * the plain key, and is refused here.
 */
final class HostCertificateVerifier implements ServerKeyVerifier {

    private final PublicKey hostCa;

    HostCertificateVerifier(PublicKey hostCa) {
        this.hostCa = hostCa;
    }

    @Override
    public boolean verifyServerKey(ClientSession session, SocketAddress remoteAddress, PublicKey serverKey) {
        if (!(serverKey instanceof OpenSshCertificate cert)) {
            System.err.println("host key of " + session.getConnectAddress() + " refused: "
                    + KeyUtils.getKeyType(serverKey) + " without a valid host certificate for that name");
            return false;
        }
        if (cert.getType() != OpenSshCertificate.Type.HOST || !KeyUtils.compareKeys(cert.getCaPubKey(), hostCa)) {
            System.err.println("host certificate of " + session.getConnectAddress() + " refused: type "
                    + cert.getType() + ", not signed by the host CA given with --host-ca");
            return false;
        }
        return true;
    }
}
