package org.mezite.api.join;

import java.util.Objects;

/**
 * A join token just made: the only time the token itself exists outside the agent it is given to. Show it once;
 * {@link #toString()} leaves it out so that it never lands in a log by accident.
 *
 * @param token the secret: 64 lower-case hex digits (32 random bytes)
 * @param info  what it allows and until when
 */
public record IssuedJoinToken(String token, JoinTokenInfo info) {

    public IssuedJoinToken {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(info, "info");
    }

    @Override
    public String toString() {
        return "IssuedJoinToken[token=****, info=" + info + "]";
    }
}
