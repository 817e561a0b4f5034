package org.mezite.shell.internal;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.mezite.api.auth.Invitation;
import org.mezite.api.ca.CertificateAuthorities;
import org.mezite.api.hub.HubSettings;
import org.mezite.api.store.CaType;

/** What an administrator hands to an invited user. */
final class InviteText {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private InviteText() {
    }

    static String render(String headline, Invitation invitation, HubSettings settings,
            CertificateAuthorities authorities) {
        String pin = authorities == null ? "" : " --ca-pin " + authorities.authority(CaType.HOST).tlsPin();
        return headline + "\n"
                + "Invite token: " + invitation.token() + "\n"
                + "It works once, until " + UTC.format(invitation.expiresAt()) + ". Have " + invitation.username()
                + " run:\n"
                + "  msh signup --proxy " + ReachableAddress.of(settings.webListen()) + " --token " + invitation.token() + pin + "\n";
    }
}
