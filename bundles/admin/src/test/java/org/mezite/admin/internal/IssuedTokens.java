package org.mezite.admin.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.mezite.api.join.IssuedJoinToken;
import org.mezite.api.join.JoinTokenInfo;
import org.mezite.api.join.JoinTokenRequest;
import org.mezite.api.join.JoinTokenType;
import org.mezite.api.join.JoinTokens;

/** Join tokens that note every call with its actor. */
final class IssuedTokens implements JoinTokens {

    final List<String> calls = new ArrayList<>();
    final List<JoinTokenInfo> tokens = new ArrayList<>();

    @Override
    public IssuedJoinToken create(JoinTokenRequest request, String actor) {
        calls.add("create by " + actor);
        JoinTokenInfo info = new JoinTokenInfo("0123456789abcdef", JoinTokenType.NODE, request.labels(),
                Instant.EPOCH, Instant.EPOCH.plus(request.ttl()), null);
        tokens.add(info);
        return new IssuedJoinToken("a".repeat(64), info);
    }

    @Override
    public List<JoinTokenInfo> list() {
        return List.copyOf(tokens);
    }

    @Override
    public boolean remove(String tokenOrId, String actor) {
        calls.add("remove " + tokenOrId + " by " + actor);
        return tokens.removeIf(t -> t.id().equals(tokenOrId));
    }

    static JoinTokenInfo info(String id) {
        return new JoinTokenInfo(id, JoinTokenType.NODE, Map.of(), Instant.EPOCH, Instant.EPOCH, null);
    }
}
