package org.mezite.auth.local.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.mezite.api.audit.AuditRecorder;
import org.mezite.api.auth.Invitation;
import org.mezite.api.auth.LocalAuthenticator;
import org.mezite.api.auth.LocalUserInvites;
import org.mezite.api.auth.LoginResult;
import org.mezite.api.auth.SignupChallenge;
import org.mezite.api.hub.HubSettings;
import org.mezite.api.store.InviteRepository;
import org.mezite.api.store.UserRepository;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Local users as a service: validates {@code etc/org.mezite.auth.local.cfg}, loads the TOTP key and hands the work
 * to {@link PasswordLogin} and {@link Invites}. Invalid settings stop activation with a message naming the key.
 */
@Component(configurationPid = LocalUserService.PID, service = {LocalAuthenticator.class, LocalUserInvites.class})
@Designate(ocd = LocalUserConfig.class)
public final class LocalUserService implements LocalAuthenticator, LocalUserInvites {

    static final String PID = "org.mezite.auth.local";
    static final String CONFIG_FILE = "etc/" + PID + ".cfg";
    /**
     * Measured on the 2-core build machines (BouncyCastle 1.87, Java 17): cost 10 takes 60 ms per check, 11 takes
     * 120 ms, 12 takes 238 ms. 11 sits in the middle of the 100-250 ms a login can spend on it; 12 would be at the edge
     * and let two logins (or two guesses at unknown names, which cost the same) occupy both cores for a quarter second.
     */
    static final int DEFAULT_BCRYPT_COST = 11;
    static final int MIN_BCRYPT_COST = 10;
    static final int MAX_BCRYPT_COST = 16;

    private static final Logger LOG = LoggerFactory.getLogger(LocalUserService.class);

    private final PasswordLogin login;
    private final Invites invites;

    @Activate
    public LocalUserService(LocalUserConfig config, @Reference(name = "users") UserRepository users,
            @Reference(name = "invites") InviteRepository invites,
            @Reference(name = "audit") AuditRecorder audit,
            @Reference(name = "settings") HubSettings settings) {
        this(config, users, invites, audit, settings, Clock.systemUTC(), new SecureRandom());
    }

    LocalUserService(LocalUserConfig config, UserRepository users, InviteRepository inviteRepository,
            AuditRecorder auditRepository, HubSettings settings, Clock clock, SecureRandom random) {
        int cost = config.bcrypt_cost();
        if (cost < MIN_BCRYPT_COST || cost > MAX_BCRYPT_COST) {
            throw invalid("bcrypt.cost: must be between " + MIN_BCRYPT_COST + " and " + MAX_BCRYPT_COST + ", not "
                    + cost);
        }
        TotpKeys keys = new TotpKeys(totpKey(config, settings, random));
        PasswordHasher hasher = new PasswordHasher(cost, random);
        TotpSecretCipher cipher = keys.cipher(random);
        AuthAudit audit = new AuthAudit(auditRepository, clock);
        this.login = new PasswordLogin(users, hasher, cipher, audit, clock);
        this.invites = new Invites(users, inviteRepository, new InviteTokens(random), hasher, keys, cipher, audit,
                settings.clusterName(), clock);
        LOG.info("local users: bcrypt cost {}", cost);
    }

    private static byte[] totpKey(LocalUserConfig config, HubSettings settings, SecureRandom random) {
        String configured = config.totp_key_file().strip();
        try {
            if (!configured.isEmpty()) {
                return TotpKeySource.fromFile(settings.dataDir().resolve(configured)).key();
            }
            TotpKeySource.Loaded loaded = TotpKeySource.fromDataDir(settings.dataDir(), random);
            if (loaded.created()) {
                LOG.warn("made {}: it encrypts the TOTP secrets of local users. Back it up with the database; losing"
                        + " it means resetting every user. With more than one Auth server, give each the same key"
                        + " file (totp.key.file in {})", loaded.file(), CONFIG_FILE);
            }
            return loaded.key();
        } catch (IllegalArgumentException e) {
            throw configured.isEmpty() ? unavailable(e.getMessage() + "; restore it from a backup")
                    : invalid("totp.key.file: " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or make the TOTP key file: " + e, e);
        }
    }

    private static IllegalArgumentException invalid(String problem) {
        return unavailable(CONFIG_FILE + ": " + problem);
    }

    private static IllegalArgumentException unavailable(String message) {
        LOG.error("local users not available: {}", message);
        return new IllegalArgumentException(message);
    }

    @Override
    public LoginResult login(String username, char[] password, String totpCode, String clientAddr) {
        return login.login(username, password, totpCode, clientAddr);
    }

    @Override
    public Invitation createUser(String username, List<String> roles, Map<String, List<String>> traits,
            String actor) {
        return invites.createUser(username, roles, traits, actor);
    }

    @Override
    public Invitation resetUser(String username, String actor) {
        return invites.resetUser(username, actor);
    }

    @Override
    public SignupChallenge signupChallenge(String token) {
        return invites.signupChallenge(token);
    }

    @Override
    public void signup(String token, char[] password, String totpCode, String clientAddr) {
        invites.signup(token, password, totpCode, clientAddr);
    }
}
