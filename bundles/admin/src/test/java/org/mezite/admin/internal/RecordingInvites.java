package org.mezite.admin.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.mezite.api.auth.Invitation;
import org.mezite.api.auth.LocalUserInvites;
import org.mezite.api.auth.SignupChallenge;
import org.mezite.api.store.NotFoundException;

/** Creates users in the in-memory repository and notes who asked, as the real service would audit it. */
final class RecordingInvites implements LocalUserInvites {

    final List<String> calls = new ArrayList<>();
    private final InMemoryUsers users;
    private final Instant now;

    RecordingInvites(InMemoryUsers users, Instant now) {
        this.users = users;
        this.now = now;
    }

    @Override
    public Invitation createUser(String username, List<String> roles, Map<String, List<String>> traits,
            String actor) {
        users.create(username, roles, traits);
        calls.add("create " + username + " by " + actor);
        return new Invitation(username, "f".repeat(64), now.plusSeconds(3600));
    }

    @Override
    public Invitation resetUser(String username, String actor) {
        if (users.findByUsername(username).isEmpty()) {
            throw new NotFoundException("user \"" + username + "\" does not exist");
        }
        calls.add("reset " + username + " by " + actor);
        return new Invitation(username, "e".repeat(64), now.plusSeconds(3600));
    }

    @Override
    public SignupChallenge signupChallenge(String token) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void signup(String token, char[] password, String totpCode, String clientAddr) {
        throw new UnsupportedOperationException();
    }
}
