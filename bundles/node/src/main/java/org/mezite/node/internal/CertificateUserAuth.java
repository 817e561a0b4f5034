package org.mezite.node.internal;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.util.Arrays;

import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.config.keys.OpenSshCertificate;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.common.util.buffer.ByteArrayBuffer;
import org.apache.sshd.server.auth.pubkey.UserAuthPublicKey;
import org.apache.sshd.server.auth.pubkey.UserAuthPublicKeyFactory;
import org.apache.sshd.server.session.ServerSession;
import org.mezite.api.access.AccessChecker;
import org.mezite.api.access.AccessDecision;
import org.mezite.api.access.SshUser;
import org.mezite.node.internal.UserCertificateVerifier.Accepted;
import org.mezite.node.internal.UserCertificateVerifier.Refused;
import org.mezite.node.internal.UserCertificateVerifier.Verdict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Public-key authentication that takes only a Mezite user certificate: the certificate is checked before MINA looks
 * at the request (so a plain key or a bad certificate fails with its reason on record), MINA then checks the CA's
 * signature and the proof of possession, and only then is the user's access to the login on this node asked for, so
 * that nobody learns what a user may do from the user's public certificate alone.
 */
final class CertificateUserAuth extends UserAuthPublicKey {

    private static final Logger LOG = LoggerFactory.getLogger(CertificateUserAuth.class);

    private final UserCertificateVerifier verifier;
    private final AccessChecker access;
    private final NodeAudit audit;

    CertificateUserAuth(UserCertificateVerifier verifier, AccessChecker access, NodeAudit audit) {
        this.verifier = verifier;
        this.access = access;
        this.audit = audit;
    }

    /** Makes one {@link CertificateUserAuth} per authentication exchange. */
    static final class Factory extends UserAuthPublicKeyFactory {
        private final UserCertificateVerifier verifier;
        private final AccessChecker access;
        private final NodeAudit audit;

        Factory(UserCertificateVerifier verifier, AccessChecker access, NodeAudit audit) {
            this.verifier = verifier;
            this.access = access;
            this.audit = audit;
        }

        @Override
        public UserAuthPublicKey createUserAuth(ServerSession session) {
            return new CertificateUserAuth(verifier, access, audit);
        }
    }

    /** The one check MINA's authenticator hook still makes: that the key is the certificate verified just before. */
    static boolean isVerified(String username, PublicKey key, ServerSession session) {
        Connection connection = Connection.of(session);
        OpenSshCertificate pending = connection == null ? null : connection.pending();
        return pending != null && key instanceof OpenSshCertificate offered
                && Arrays.equals(pending.getMessage(), offered.getMessage())
                && Arrays.equals(pending.getSignature(), offered.getSignature());
    }

    @Override
    public Boolean doAuth(Buffer buffer, boolean init) throws Exception {
        ServerSession session = getServerSession();
        String login = getUsername();
        Connection connection = Connection.of(session);
        if (connection == null) {
            return Boolean.FALSE;
        }
        PublicKey key = peek(buffer);
        if (key == null) {
            connection.authFailed(new Connection.AuthFailure("the offered key cannot be read", login, false, 0, null));
            return Boolean.FALSE;
        }
        if (!(key instanceof OpenSshCertificate certificate)) {
            connection.authFailed(new Connection.AuthFailure(
                    "a plain public key was offered; this node accepts only Mezite user certificates", login, false,
                    0, null));
            return Boolean.FALSE;
        }
        Verdict verdict = verifier.verify(certificate, login, connection.identity(), connection.origin());
        if (verdict instanceof Refused refused) {
            connection.authFailed(new Connection.AuthFailure(refused.reason(), login, true,
                    certificate.getSerial(), usernameOf(certificate)));
            explain(session, connection, "mezd: " + refused.reason());
            return Boolean.FALSE;
        }
        SshUser user = ((Accepted) verdict).user();
        Boolean result;
        connection.pending(certificate);
        try {
            result = super.doAuth(buffer, init);
        } catch (Exception e) {
            connection.authFailed(new Connection.AuthFailure("the certificate or the request's signature does not "
                    + "verify: " + e.getMessage(), login, true, certificate.getSerial(), user.username()));
            throw e;
        } finally {
            connection.pending(null);
        }
        if (!Boolean.TRUE.equals(result)) {
            if (result != null) {
                connection.authFailed(new Connection.AuthFailure("the certificate's CA signature or the request's "
                        + "signature does not verify", login, true, certificate.getSerial(), user.username()));
            }
            return result; // null: a query answered with PK_OK, the client signs next
        }
        AccessDecision decision = access.checkLogin(user, login, connection.identity().target());
        if (!decision.allowed()) {
            if (connection.markRejected()) {
                audit.rejected(connection, user, login, null, decision.reason());
                LOG.info("{} may not log in as {} on this node: {}", user.username(), login, decision.reason());
            }
            explain(session, connection, "mezd: access denied: " + decision.reason());
            return Boolean.FALSE;
        }
        // the options the user's roles give sessions here (max_sessions, the idle timeout); they take effect once MINA
        // reports the connection authenticated (LiveAccess), and follow every new policy from then on
        connection.authenticated(user, login, access.sessionOptions(user, connection.identity().target()));
        return Boolean.TRUE;
    }

    /** The source address is checked against the user's real address, by {@link UserCertificateVerifier}. */
    @Override
    protected void verifyCertificateSources(ServerSession session, OpenSshCertificate certificate)
            throws CertificateException {
        // checked already: the session's peer is the tunnel's loopback socket, not the user
    }

    private static String usernameOf(OpenSshCertificate certificate) {
        String user = certificate.getExtensionsMap().get(UserCertificateVerifier.EXTENSION_USER);
        return user == null || user.isBlank() ? certificate.getId() : user;
    }

    /** Tells the user why, once per connection, as an authentication banner (OpenSSH prints it). */
    private static void explain(ServerSession session, Connection connection, String message) {
        if (!connection.markBannerSent()) {
            return;
        }
        try {
            byte[] text = (message + "\r\n").getBytes(StandardCharsets.UTF_8);
            Buffer banner = session.createBuffer(SshConstants.SSH_MSG_USERAUTH_BANNER, text.length + 16);
            banner.putBytes(text);
            banner.putString("");
            session.writePacket(banner);
        } catch (Exception e) {
            LOG.debug("cannot send the authentication banner: {}", e.toString());
        }
    }

    /** The key of a {@code publickey} request, read without moving the buffer; {@code null} when unreadable. */
    private static PublicKey peek(Buffer buffer) {
        int rpos = buffer.rpos();
        int wpos = buffer.wpos();
        try {
            buffer.getBoolean(); // signed or a query
            buffer.getString(); // algorithm
            return new ByteArrayBuffer(buffer.getBytes()).getRawPublicKey();
        } catch (Exception e) {
            return null;
        } finally {
            buffer.rpos(rpos);
            buffer.wpos(wpos);
        }
    }
}
