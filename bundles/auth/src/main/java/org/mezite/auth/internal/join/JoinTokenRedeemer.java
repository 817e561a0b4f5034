package org.mezite.auth.internal.join;

import java.time.Clock;
import java.time.Instant;

import org.mezite.api.join.JoinTokenInfo;
import org.mezite.api.join.JoinTokenType;
import org.mezite.api.store.JoinToken;
import org.mezite.api.store.JoinTokenRepository;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The joining side of tokens: checking one and using it up. A service of this bundle only, kept apart from the
 * {@code JoinTokens} registration on purpose: a framework hides a service from bundles that cannot see every one of
 * its types, and no other bundle sees this one.
 */
@Component(service = JoinTokenRedeemer.class)
public final class JoinTokenRedeemer {

    private final JoinTokenRepository tokens;
    private final Clock clock;

    @Activate
    public JoinTokenRedeemer(@Reference(name = "tokens") JoinTokenRepository tokens) {
        this(tokens, Clock.systemUTC());
    }

    JoinTokenRedeemer(JoinTokenRepository tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    /**
     * Whether the token could be used now, without using it.
     *
     * @throws JoinRefusedException when it is unknown, expired, used or for something else
     */
    public JoinTokenInfo check(String token, JoinTokenType type) {
        JoinToken stored = find(token);
        Instant now = clock.instant();
        if (stored.usedAt() != null) {
            throw new JoinRefusedException(JoinRefusedException.Reason.USED_TOKEN);
        }
        if (!stored.expiresAt().isAfter(now)) {
            throw new JoinRefusedException(JoinRefusedException.Reason.EXPIRED_TOKEN);
        }
        if (!type.id().equals(stored.type())) {
            throw new JoinRefusedException(JoinRefusedException.Reason.WRONG_TOKEN_TYPE);
        }
        return info(stored);
    }

    /**
     * Uses the token up, atomically: of two agents racing with one token, one wins.
     *
     * @throws JoinRefusedException when it is unknown, expired, used or for something else
     */
    public JoinTokenInfo redeem(String token, JoinTokenType type) {
        JoinTokenInfo checked = check(token, type);
        String hash = TokenHashes.hash(TokenHashes.canonicalToken(token).orElseThrow());
        return tokens.consume(hash, clock.instant()).filter(used -> TokenHashes.same(hash, used.tokenHash()))
                .map(JoinTokenRedeemer::info)
                // another agent used it (or it expired) between the check and now
                .orElseThrow(() -> new JoinRefusedException(checked.expiresAt().isAfter(clock.instant())
                        ? JoinRefusedException.Reason.USED_TOKEN : JoinRefusedException.Reason.EXPIRED_TOKEN));
    }

    private JoinToken find(String token) {
        String canonical = TokenHashes.canonicalToken(token)
                .orElseThrow(() -> new JoinRefusedException(JoinRefusedException.Reason.UNKNOWN_TOKEN));
        String hash = TokenHashes.hash(canonical);
        return tokens.find(hash).filter(stored -> TokenHashes.same(hash, stored.tokenHash()))
                .orElseThrow(() -> new JoinRefusedException(JoinRefusedException.Reason.UNKNOWN_TOKEN));
    }

    /** A stored token as administrators see it. */
    static JoinTokenInfo info(JoinToken token) {
        return new JoinTokenInfo(TokenHashes.id(token.tokenHash()), JoinTokenType.fromId(token.type()), token.labels(),
                token.createdAt(), token.expiresAt(), token.usedAt());
    }
}
