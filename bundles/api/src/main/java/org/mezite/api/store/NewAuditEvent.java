package org.mezite.api.store;

import java.time.Instant;
import java.util.Objects;

/**
 * An audit event to append; the store assigns its id and hashes. Build one with {@link #builder(String, String)}.
 *
 * @param time       when it happened, or {@code null} for the time it is appended
 * @param type       event type, e.g. {@code user.login}
 * @param code       event code, or {@code null}
 * @param username   the Mezite user, or {@code null}
 * @param login      the Unix login, or {@code null}
 * @param node       the node, or {@code null}
 * @param sessionId  the session, or {@code null}
 * @param clientAddr the client address, or {@code null}
 * @param resource   what was acted on, or {@code null}
 * @param action     what was done, or {@code null}
 * @param result     outcome, e.g. {@code success}
 * @param metadata   further details as a JSON object, {@code {}} when none
 */
public record NewAuditEvent(Instant time, String type, String code, String username, String login, String node,
        String sessionId, String clientAddr, String resource, String action, String result, String metadata) {

    public NewAuditEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(result, "result");
        metadata = metadata == null || metadata.isBlank() ? "{}" : metadata;
    }

    public static Builder builder(String type, String result) {
        return new Builder(type, result);
    }

    /** Collects the optional fields of an event. */
    public static final class Builder {
        private final String type;
        private final String result;
        private Instant time;
        private String code;
        private String username;
        private String login;
        private String node;
        private String sessionId;
        private String clientAddr;
        private String resource;
        private String action;
        private String metadata;

        private Builder(String type, String result) {
            this.type = Objects.requireNonNull(type, "type");
            this.result = Objects.requireNonNull(result, "result");
        }

        public Builder time(Instant value) {
            time = value;
            return this;
        }

        public Builder code(String value) {
            code = value;
            return this;
        }

        public Builder username(String value) {
            username = value;
            return this;
        }

        public Builder login(String value) {
            login = value;
            return this;
        }

        public Builder node(String value) {
            node = value;
            return this;
        }

        public Builder sessionId(String value) {
            sessionId = value;
            return this;
        }

        public Builder clientAddr(String value) {
            clientAddr = value;
            return this;
        }

        public Builder resource(String value) {
            resource = value;
            return this;
        }

        public Builder action(String value) {
            action = value;
            return this;
        }

        /** Further details as a JSON object. */
        public Builder metadata(String json) {
            metadata = json;
            return this;
        }

        public NewAuditEvent build() {
            return new NewAuditEvent(time, type, code, username, login, node, sessionId, clientAddr, resource, action,
                    result, metadata);
        }
    }
}
