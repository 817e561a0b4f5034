package org.mezite.proxy.web.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.mezite.api.auth.LocalAuthenticator;
import org.mezite.api.auth.LocalUserInvites;
import org.mezite.api.auth.UserCredentialsIssuer;
import org.mezite.api.ca.CertificateAuthorities;
import org.mezite.api.ca.X509CertificateIssuer;
import org.mezite.api.hub.HubRole;
import org.mezite.api.hub.HubSettings;
import org.mezite.api.hub.Listener;
import org.mezite.api.store.CaType;
import org.mezite.ca.tls.RenewableKeyManager;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The proxy's HTTPS API on {@code proxy.web.listen} (:3080) when this hub runs the Proxy role, published as the
 * {@code proxy-web} {@link Listener} while it listens. Its certificate comes from {@code etc/org.mezite.proxy.web.cfg}
 * or, when none is configured, from the cluster's host CA (renewed while the hub runs).
 * <p>
 * The CAs are mandatory: the listener's certificate and the ping's CA pins come from them. Local users are a plugin
 * and Auth's certificate issuance may run elsewhere or restart; while either is missing, login (and signup without
 * local users) answers 503 and the listener stays up.
 */
@Component(configurationPid = ProxyWebSettings.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL,
        immediate = true)
@Designate(ocd = ProxyWebConfig.class)
public final class ProxyWebServer {

    static final String LISTENER_NAME = "proxy-web";
    private static final Logger LOG = LoggerFactory.getLogger(ProxyWebServer.class);

    private final AtomicReference<LocalAuthenticator> authenticator = new AtomicReference<>();
    private final AtomicReference<LocalUserInvites> invites = new AtomicReference<>();
    private final AtomicReference<UserCredentialsIssuer> credentialsIssuer = new AtomicReference<>();
    private final HttpsEndpoint endpoint;
    private final CertificateRenewal renewal;
    private final ServiceRegistration<Listener> registration;

    @Activate
    public ProxyWebServer(BundleContext context, ProxyWebConfig config,
            @Reference(name = "settings") HubSettings settings,
            @Reference(name = "authorities") CertificateAuthorities authorities,
            @Reference(name = "x509Issuer") X509CertificateIssuer x509Issuer) throws Exception {
        if (!settings.runs(HubRole.PROXY)) {
            LOG.info("Proxy HTTPS API not started: this hub runs {}", settings.roles());
            endpoint = null;
            renewal = null;
            registration = null;
            return;
        }
        ProxyWebSettings web;
        ServerNames names;
        ServerIdentity identity;
        Supplier<ServerIdentity> issue = null;
        try {
            web = ProxyWebSettings.of(config, settings.webListen().getPort(), home(context));
            names = ServerNames.of(settings.webListen(), web.publicAddresses(), machineHostname());
            if (web.hasConfiguredCertificate()) {
                identity = PemIdentity.load(web.certificateFile(), web.keyFile());
            } else {
                issue = new HostCaCertificate(x509Issuer, names);
                identity = issue.get();
            }
        } catch (IllegalArgumentException e) {
            LOG.error("the proxy's HTTPS API cannot start: {}", e.getMessage());
            throw e;
        }
        RenewableKeyManager keys = new RenewableKeyManager(identity.key(), identity.chain());
        endpoint = HttpsEndpoint.bind(LISTENER_NAME, settings.webListen(), "proxy.web.listen", keys);
        try {
            PublicAddress webAddress = web.publicAddresses().isEmpty()
                    ? new PublicAddress(names.publicHost(), endpoint.address().getPort())
                    : web.publicAddresses().get(0);
            PublicAddress sshAddress = new PublicAddress(webAddress.host(), settings.sshListen().getPort());
            Json json = new Json();
            ApiHandler api = new ApiHandler(json,
                    new PingEndpoint(authorities, MeziteVersion.of(context.getBundle().getVersion()),
                            webAddress.toString(), sshAddress.toString()),
                    new LoginEndpoint(authenticator::get, credentialsIssuer::get),
                    new SignupEndpoint(invites::get));
            endpoint.start(api, new JsonErrorHandler(json));
            BoundListener listener = new BoundListener(LISTENER_NAME, "https", endpoint.address());
            registration = context.registerService(Listener.class, listener, properties(listener));
        } catch (Exception e) {
            endpoint.close();
            throw e;
        }
        renewal = issue == null ? null : new CertificateRenewal(keys, identity, issue, Clock.systemUTC());
        LOG.info("Proxy HTTPS API listening on {}: certificate for {} {}, valid until {}",
                Addresses.format(endpoint.address()), names.dnsNames(), names.ipAddresses(), identity.notAfter());
        if (issue != null) {
            LOG.info("the certificate is from the host CA: clients verify it with --ca-pin {}",
                    authorities.authority(CaType.HOST).tlsPin());
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindLocalAuthenticator(LocalAuthenticator service) {
        authenticator.set(service);
    }

    void unbindLocalAuthenticator(LocalAuthenticator service) {
        // a greedy replacement is bound before the old service is unbound
        authenticator.compareAndSet(service, null);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindLocalUserInvites(LocalUserInvites service) {
        invites.set(service);
    }

    void unbindLocalUserInvites(LocalUserInvites service) {
        invites.compareAndSet(service, null);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindUserCredentialsIssuer(UserCredentialsIssuer service) {
        credentialsIssuer.set(service);
    }

    void unbindUserCredentialsIssuer(UserCredentialsIssuer service) {
        credentialsIssuer.compareAndSet(service, null);
    }

    @Deactivate
    void deactivate() {
        if (endpoint == null) {
            return;
        }
        registration.unregister();
        if (renewal != null) {
            renewal.close();
        }
        endpoint.close();
        LOG.info("Proxy HTTPS API on {} stopped", Addresses.format(endpoint.address()));
    }

    private static Path home(BundleContext context) {
        String home = context.getProperty("karaf.home");
        return Path.of(home != null ? home : "").toAbsolutePath().normalize();
    }

    /** This machine's name, for the certificate; {@code null} when it has none that resolves. */
    private static String machineHostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            LOG.warn("this machine's host name does not resolve ({}); the proxy's certificate will not name it",
                    e.getMessage());
            return null;
        }
    }

    private static Dictionary<String, Object> properties(BoundListener listener) {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("mezite.listener.name", listener.name());
        properties.put("mezite.listener.protocol", listener.protocol());
        return properties;
    }
}
