package org.mezite.api.auth;

import java.util.Objects;

/** The outcome of a login: {@link Success} with the user, or {@link Failure} with a reason and a message. */
public sealed interface LoginResult permits LoginResult.Success, LoginResult.Failure {

    /** @param user who logged in */
    record Success(AuthenticatedUser user) implements LoginResult {
        public Success {
            Objects.requireNonNull(user, "user");
        }
    }

    /**
     * @param reason  why, for programs
     * @param message why, for the user: e.g. {@code account locked until 14:05 UTC after 5 failed logins}
     */
    record Failure(LoginFailure reason, String message) implements LoginResult {
        public Failure {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(message, "message");
        }
    }
}
