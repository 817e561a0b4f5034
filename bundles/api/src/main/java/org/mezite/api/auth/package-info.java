/**
 * Authentication of Mezite users. {@link org.mezite.api.auth.LocalAuthenticator} checks local users (password and
 * TOTP) and {@link org.mezite.api.auth.LocalUserInvites} brings them in through one-time invites;
 * {@link org.mezite.api.auth.UserCredentialsIssuer} gives a user their certificates once a caller has decided they may
 * have them. SSO connectors (OIDC, SAML, GitHub, LDAP) will get their own SPI beside these and report the same
 * {@link org.mezite.api.auth.AuthenticatedUser}.
 */
@Export
@Version("1.0.0")
package org.mezite.api.auth;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
