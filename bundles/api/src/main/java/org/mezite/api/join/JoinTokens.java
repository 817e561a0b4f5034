package org.mezite.api.join;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * One-time tokens that let an agent join the cluster. Only a hash of each token is stored; a token works once, until
 * it expires. Creating one is audited as {@code join_token.create} and removing one as {@code join_token.delete},
 * never with the token in the event. What an agent needs besides the token is the cluster's CA pin:
 * {@code CertificateAuthorities.authority(CaType.HOST).tlsPin()}, which Auth's TLS certificate chains up to.
 */
@ProviderType
public interface JoinTokens {

    /**
     * Makes a new token.
     *
     * @param actor who asks, for the audit log
     * @throws IllegalArgumentException when the TTL or a label is not acceptable; the message names it, e.g.
     *                                  {@code labels: "env x": key may only hold letters, digits, '.', '_', '/', '-'}
     */
    IssuedJoinToken create(JoinTokenRequest request, String actor);

    /** Every token, used and expired ones included, newest first. */
    List<JoinTokenInfo> list();

    /**
     * Removes a token so that it can no longer be used.
     *
     * @param tokenOrId the token itself or its {@link JoinTokenInfo#id() id}
     * @param actor     who asks, for the audit log
     * @return false when there was no such token
     */
    boolean remove(String tokenOrId, String actor);
}
