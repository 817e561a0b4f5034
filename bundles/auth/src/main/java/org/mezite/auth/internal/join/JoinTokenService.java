package org.mezite.auth.internal.join;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.mezite.api.audit.AuditDetails;
import org.mezite.api.audit.AuditRecorder;
import org.mezite.api.join.IssuedJoinToken;
import org.mezite.api.join.JoinTokenInfo;
import org.mezite.api.join.JoinTokenRequest;
import org.mezite.api.join.JoinTokens;
import org.mezite.api.store.JoinToken;
import org.mezite.api.store.JoinTokenRepository;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Join tokens on top of the store, as administrators handle them: made here, kept there as hashes. */
@Component(service = JoinTokens.class)
public final class JoinTokenService implements JoinTokens {

    private final JoinTokenRepository tokens;
    private final JoinAudit audit;
    private final Clock clock;
    private final SecureRandom random;

    @Activate
    public JoinTokenService(@Reference(name = "tokens") JoinTokenRepository tokens,
            @Reference(name = "audit") AuditRecorder audit) {
        this(tokens, audit, Clock.systemUTC(), new SecureRandom());
    }

    JoinTokenService(JoinTokenRepository tokens, AuditRecorder audit, Clock clock, SecureRandom random) {
        this.tokens = tokens;
        this.audit = new JoinAudit(audit, clock);
        this.clock = clock;
        this.random = random;
    }

    @Override
    public IssuedJoinToken create(JoinTokenRequest request, String actor) {
        Duration ttl = request.ttl();
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("ttl: must be positive, got " + ttl.toSeconds() + "s");
        }
        if (ttl.compareTo(JoinTokenRequest.MAX_TTL) > 0) {
            throw new IllegalArgumentException("ttl: at most " + JoinTokenRequest.MAX_TTL.toHours()
                    + "h, got " + ttl.toHours() + "h");
        }
        Map<String, String> labels = Labels.check("labels", request.labels());
        String token = TokenHashes.newToken(random);
        Instant expiresAt = clock.instant().plus(ttl);
        JoinToken stored = tokens.create(TokenHashes.hash(token), request.type().id(), labels, expiresAt);
        JoinTokenInfo info = JoinTokenRedeemer.info(stored);
        audit.adminAction(JoinAudit.TOKEN_CREATE, actor, "join_token/" + info.id(), new AuditDetails()
                .put("token_id", info.id()).put("type", info.type().id()).put("ttl_seconds", ttl.toSeconds())
                .put("expires_at", info.expiresAt().toString()).put("labels", info.labels()));
        return new IssuedJoinToken(token, info);
    }

    @Override
    public List<JoinTokenInfo> list() {
        return tokens.list().stream().map(JoinTokenRedeemer::info).toList();
    }

    @Override
    public boolean remove(String tokenOrId, String actor) {
        Optional<String> hash = TokenHashes.canonicalToken(tokenOrId).map(TokenHashes::hash)
                .or(() -> TokenHashes.canonicalId(tokenOrId).flatMap(this::hashOfId));
        if (hash.isEmpty() || !tokens.delete(hash.get())) {
            return false;
        }
        String id = TokenHashes.id(hash.get());
        audit.adminAction(JoinAudit.TOKEN_DELETE, actor, "join_token/" + id, new AuditDetails().put("token_id", id));
        return true;
    }

    /** The full hash of the one token with this id; empty when none or (never seen in practice) several have it. */
    private Optional<String> hashOfId(String id) {
        List<String> matches = tokens.list().stream().map(JoinToken::tokenHash)
                .filter(hash -> TokenHashes.same(id, TokenHashes.id(hash))).toList();
        return matches.size() == 1 ? Optional.of(matches.get(0)) : Optional.empty();
    }
}
