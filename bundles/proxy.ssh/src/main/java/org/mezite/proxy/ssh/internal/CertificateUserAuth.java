package org.mezite.proxy.ssh.internal;

import java.io.IOException;
import java.security.PublicKey;

import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.common.util.buffer.ByteArrayBuffer;
import org.apache.sshd.server.auth.pubkey.UserAuthPublicKey;
import org.apache.sshd.server.auth.pubkey.UserAuthPublicKeyFactory;
import org.apache.sshd.server.session.ServerSession;
import org.mezite.api.access.LockedException;
import org.mezite.api.access.SshUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Public key authentication that accepts Mezite user certificates only. Each key offered is first checked by
 * {@link UserCertificateCheck}, so that a refusal carries its reason (for the audit log, and for the user in an SSH
 * banner when a certificate was refused); then MINA verifies the CA's signature, the certificate's critical options and
 * the client's signature. A user with a lock in force is refused then, with the lock's message. The user the
 * certificate presents is kept on the connection once it is accepted.
 */
final class CertificateUserAuth extends UserAuthPublicKey {

    private static final Logger LOG = LoggerFactory.getLogger(CertificateUserAuth.class);

    private final UserCertificateCheck check;
    private final LockEnforcement locks;

    private CertificateUserAuth(UserCertificateCheck check, LockEnforcement locks) {
        this.check = check;
        this.locks = locks;
    }

    /** Makes one per authentication request. */
    static final class Factory extends UserAuthPublicKeyFactory {

        private final UserCertificateCheck check;
        private final LockEnforcement locks;

        Factory(UserCertificateCheck check, LockEnforcement locks) {
            this.check = check;
            this.locks = locks;
        }

        @Override
        public UserAuthPublicKey createUserAuth(ServerSession session) {
            return new CertificateUserAuth(check, locks);
        }
    }

    @Override
    public Boolean doAuth(Buffer buffer, boolean init) throws Exception {
        ServerSession session = getServerSession();
        SshUser user;
        try {
            user = check.check(offeredKey(buffer));
        } catch (CertificateRefusedException refusal) {
            refused(session, refusal);
            return Boolean.FALSE;
        }
        Boolean result;
        try {
            result = super.doAuth(buffer, init);
        } catch (Exception e) {
            failures(session).add(getUsername(), "the client's signature does not verify with the key of "
                    + user.username() + "'s certificate (serial " + Long.toUnsignedString(user.serial()) + ")",
                    user.username(), user.serial());
            throw e;
        }
        if (Boolean.FALSE.equals(result)) {
            refused(session, new CertificateRefusedException(user.username() + "'s certificate (serial "
                    + Long.toUnsignedString(user.serial()) + ") was refused: its CA signature does not verify or a"
                    + " critical option forbids this connection", user.serial(), user.username(), true));
        } else if (Boolean.TRUE.equals(result)) {
            // the user first, then the locks: a lock appearing meanwhile is seen here or by LockEnforcement's sweep
            session.setAttribute(ProxySessions.USER, user);
            String locked = lockedOut(user);
            if (locked != null) {
                session.removeAttribute(ProxySessions.USER);
                refused(session, new CertificateRefusedException(locked, user.serial(), user.username(), true));
                return Boolean.FALSE;
            }
            session.removeAttribute(ProxySessions.AUTH_FAILURES);
        }
        return result;
    }

    /** Why a lock keeps the user out, e.g. {@code locked (user=alice): call the SOC}, or {@code null}. */
    private String lockedOut(SshUser user) {
        try {
            return locks.lockAtLogin(user).map(LockedException::describe).orElse(null);
        } catch (IllegalStateException e) {
            return e.getMessage();
        }
    }

    /** Reads the key of a {@code publickey} request without moving the buffer. */
    private static PublicKey offeredKey(Buffer buffer) throws CertificateRefusedException {
        int start = buffer.rpos();
        try {
            buffer.getBoolean(); // has signature
            String algorithm = buffer.getString();
            byte[] blob = buffer.getBytes();
            try {
                return new ByteArrayBuffer(blob).getRawPublicKey();
            } catch (Exception e) {
                throw new CertificateRefusedException("an unreadable or unsupported " + algorithm + " key was offered: "
                        + e.getMessage(), null, null, false);
            }
        } finally {
            buffer.rpos(start);
        }
    }

    private void refused(ServerSession session, CertificateRefusedException refusal) {
        AuthFailures failures = failures(session);
        boolean isNew = failures.isNew(refusal.getMessage());
        failures.add(getUsername(), refusal);
        LOG.debug("proxy-ssh: {} from {}: {}", getUsername(), ProxySessions.clientAddress(session),
                refusal.getMessage());
        if (refusal.isCertificate() && isNew) {
            banner(session, "mezite proxy: " + refusal.getMessage() + "\n");
        }
    }

    private static AuthFailures failures(ServerSession session) {
        return session.computeAttributeIfAbsent(ProxySessions.AUTH_FAILURES, key -> new AuthFailures());
    }

    /** Tells the user why: OpenSSH and msh print an authentication banner on the terminal. */
    private static void banner(ServerSession session, String message) {
        try {
            Buffer banner = session.createBuffer(SshConstants.SSH_MSG_USERAUTH_BANNER, message.length() + 16);
            banner.putString(message);
            banner.putString("");
            session.writePacket(banner);
        } catch (IOException e) {
            LOG.debug("proxy-ssh: cannot send the authentication banner to {}: {}", session, e.getMessage());
        }
    }
}
