package org.mezite.admin.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.mezite.api.access.AccessChecker;
import org.mezite.api.access.Caller;
import org.mezite.api.admin.TokenAdmin;
import org.mezite.api.audit.AuditDetails;
import org.mezite.api.audit.AuditRecorder;
import org.mezite.api.join.IssuedJoinToken;
import org.mezite.api.join.JoinTokenInfo;
import org.mezite.api.join.JoinTokenRequest;
import org.mezite.api.join.JoinTokens;
import org.mezite.api.store.NotFoundException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Join tokens; {@link JoinTokens} audits creating and removing them, never with the token itself. */
@Component(service = TokenAdmin.class)
public final class TokenAdminService implements TokenAdmin {

    private static final Pattern TOKEN = Pattern.compile("[0-9a-f]{64}");

    private final JoinTokens tokens;
    private final AdminAccess access;

    @Activate
    public TokenAdminService(@Reference(name = "tokens") JoinTokens tokens,
            @Reference(name = "access") AccessChecker checker, @Reference(name = "audit") AuditRecorder audit) {
        this(tokens, new AdminAccess(checker, audit, Clock.systemUTC()));
    }

    TokenAdminService(JoinTokens tokens, AdminAccess access) {
        this.tokens = tokens;
        this.access = access;
    }

    @Override
    public IssuedJoinToken add(Caller caller, JoinTokenRequest request) {
        access.check(caller, Rules.TOKEN, Rules.CREATE, null);
        return tokens.create(request, caller.name());
    }

    @Override
    public List<JoinTokenInfo> list(Caller caller) {
        access.check(caller, Rules.TOKEN, Rules.LIST, null);
        return tokens.list();
    }

    @Override
    public void remove(Caller caller, String tokenOrId) {
        String token = tokenOrId == null ? "" : tokenOrId.strip().toLowerCase(Locale.ROOT);
        boolean secret = TOKEN.matcher(token).matches();
        // the token itself never goes into an audit event or a message: its public id does
        String shown = secret ? id(token) : tokenOrId;
        access.check(caller, Rules.TOKEN, Rules.DELETE, shown);
        if (!tokens.remove(tokenOrId, caller.name())) {
            throw new NotFoundException("join token " + AuditDetails.quote(String.valueOf(shown)) + " does not exist");
        }
    }

    /** The public id of a token: the first 16 hex digits of its SHA-256, as {@link JoinTokenInfo#id()}. */
    static String id(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.US_ASCII))).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }
}
