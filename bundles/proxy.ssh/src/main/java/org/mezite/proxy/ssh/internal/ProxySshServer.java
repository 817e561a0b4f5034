package org.mezite.proxy.ssh.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.sshd.common.config.keys.KeyUtils;
import org.mezite.api.access.AccessChecker;
import org.mezite.api.access.AccessPolicySource;
import org.mezite.api.audit.AuditRecorder;
import org.mezite.api.ca.CertificateAuthorities;
import org.mezite.api.ca.HostCertificateSigner;
import org.mezite.api.ca.SshCertificate;
import org.mezite.api.hub.HubRole;
import org.mezite.api.hub.HubSettings;
import org.mezite.api.hub.Listener;
import org.mezite.api.join.NodeRegistry;
import org.mezite.api.recording.Recordings;
import org.mezite.api.store.CaType;
import org.mezite.api.tunnel.NodeTunnels;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The proxy's SSH listener on {@code proxy.ssh.listen} (:3023) when this hub runs the Proxy role, published as the
 * {@code proxy-ssh} {@link Listener} while it listens.
 * <p>
 * Users come in with their Mezite user certificate only. Stock OpenSSH reaches a node with {@code ssh -J}
 * ({@code direct-tcpip} to {@code NODE:22}, {@code NODE} a node's name or id, optionally {@code .CLUSTER}); msh opens
 * the subsystem {@code proxy:LOGIN@NODE:22}. Either way the proxy finds the node, asks the access checker, dials the
 * node through its tunnel and then only moves bytes: the SSH session runs end to end between the client and the
 * node's agent. msh also lists nodes with {@code ls [KEY=VALUE ...]}, and lists and fetches session recordings with
 * {@code recordings ls|get} when the hub has {@link Recordings}. A user with a lock in force is refused at login,
 * and connections a new lock applies to are closed with its message ({@link LockEnforcement}, driven by the
 * {@link AccessPolicySource}).
 * <p>
 * The host key lives in {@code DATA_DIR/proxy/ssh_host_ed25519_key}; its certificate from the host CA names the
 * cluster, this machine, loopback and the proxy's public host ({@code public_addr} of
 * {@code etc/org.mezite.proxy.web.cfg}, whose configuration this component reads), and is renewed while the hub runs.
 */
@Component(configurationPid = ProxySshServer.PUBLIC_ADDRESS_PID, configurationPolicy = ConfigurationPolicy.OPTIONAL,
        immediate = true)
public final class ProxySshServer {

    static final String LISTENER_NAME = "proxy-ssh";
    /** The proxy's public address is configured once, for the web listener; the SSH host is the same. */
    static final String PUBLIC_ADDRESS_PID = "org.mezite.proxy.web";
    static final String PUBLIC_ADDRESS_KEY = "public_addr";
    static final String LISTEN_KEY = "proxy.ssh.listen";
    private static final Logger LOG = LoggerFactory.getLogger(ProxySshServer.class);

    private final HubSettings settings;
    private final String clusterName;
    private final String machineHostname;
    private final ProxyWorkers workers;
    private final HostCertificateRenewal certificate;
    private final SshEndpoint endpoint;
    private final ServiceRegistration<Listener> registration;
    private final AutoCloseable lockWatch;
    /** The hub's recordings for {@code recordings ls|get}, while a recording feature is installed. */
    private final AtomicReference<Recordings> recordings = new AtomicReference<>();

    @Activate
    public ProxySshServer(BundleContext context, Map<String, Object> config,
            @Reference(name = "settings") HubSettings settings,
            @Reference(name = "authorities") CertificateAuthorities authorities,
            @Reference(name = "hostSigner") HostCertificateSigner hostSigner,
            @Reference(name = "nodes") NodeRegistry nodes,
            @Reference(name = "tunnels") NodeTunnels tunnels,
            @Reference(name = "access") AccessChecker access,
            @Reference(name = "policies") AccessPolicySource policies,
            @Reference(name = "audit") AuditRecorder audit) throws IOException {
        this(context, config, settings, authorities, hostSigner, nodes, tunnels, access, policies, audit,
                machineHostname(), Clock.systemUTC());
    }

    ProxySshServer(BundleContext context, Map<String, Object> config, HubSettings settings,
            CertificateAuthorities authorities, HostCertificateSigner hostSigner, NodeRegistry nodes,
            NodeTunnels tunnels, AccessChecker access, AccessPolicySource policies, AuditRecorder audit,
            String machineHostname, Clock clock) throws IOException {
        this.settings = settings;
        this.clusterName = authorities.clusterName();
        this.machineHostname = machineHostname;
        if (!settings.runs(HubRole.PROXY)) {
            LOG.info("Proxy SSH server not started: this hub runs {}", settings.roles());
            workers = null;
            certificate = null;
            endpoint = null;
            registration = null;
            lockWatch = null;
            return;
        }
        workers = new ProxyWorkers();
        HostCertificateRenewal renewal = null;
        SshEndpoint started = null;
        AutoCloseable watch = null;
        try {
            Path keyFile = settings.dataDir().resolve("proxy").resolve(HostKeyFile.FILE_NAME);
            KeyPair hostKey = HostKeyFile.loadOrCreate(keyFile);
            renewal = new HostCertificateRenewal(hostSigner, hostKey, names(config), workers.background(), clock);

            ProxyAudit proxyAudit = new ProxyAudit(audit, workers.background());
            UserCertificateCheck users = new UserCertificateCheck(authorities.clusterName(),
                    () -> authorities.authority(CaType.USER).authorizedKey(), clock);
            NodeRouter router = new NodeRouter(new NodeResolver(nodes, authorities.clusterName()), access, tunnels,
                    proxyAudit, workers.routing());
            RecordingAccess recordingAccess = new RecordingAccess(recordings::get, access, proxyAudit,
                    workers.routing());
            ProxyCommands commands = new ProxyCommands(router, new NodeListing(nodes, access, tunnels),
                    recordingAccess, workers.routing());
            LockEnforcement locks = new LockEnforcement(access, proxyAudit, workers.routing());
            started = SshEndpoint.start(settings.sshListen(), LISTEN_KEY, hostKey, renewal, users, router, commands,
                    proxyAudit, locks);
            watch = policies.subscribe(locks);

            BoundListener listener = new BoundListener(LISTENER_NAME, "ssh", started.address());
            registration = context.registerService(Listener.class, listener, properties(listener));
            SshCertificate presented = renewal.current();
            LOG.info("Proxy SSH listening on {}: host key {} in {}, host certificate for {} valid until {}",
                    Addresses.format(started.address()), KeyUtils.getFingerPrint(hostKey.getPublic()), keyFile,
                    presented.principals(), presented.validBefore());
        } catch (IOException | RuntimeException e) {
            LOG.error("the proxy's SSH listener cannot start: {}", e.getMessage());
            close(watch);
            if (started != null) {
                started.close();
            }
            if (renewal != null) {
                renewal.close();
            }
            workers.close();
            throw e;
        }
        certificate = renewal;
        endpoint = started;
        lockWatch = watch;
    }

    /** Recordings come and go with their feature; the commands ask for them at each use. */
    @Reference(name = "recordings", cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindRecordings(Recordings service) {
        recordings.set(service);
    }

    void unbindRecordings(Recordings service) {
        recordings.compareAndSet(service, null);
    }

    /**
     * The proxy's public address changed ({@code etc/org.mezite.proxy.web.cfg}): a host certificate for the new names,
     * without dropping a connection.
     */
    @Modified
    void modified(Map<String, Object> config) {
        if (certificate != null) {
            try {
                certificate.rename(names(config));
            } catch (RuntimeException e) {
                LOG.error("proxy-ssh: cannot get a host certificate for the new public address, keeping the current"
                        + " one: {}", e.getMessage(), e);
            }
        }
    }

    private HostNames names(Map<String, Object> config) {
        Object publicAddress = config == null ? null : config.get(PUBLIC_ADDRESS_KEY);
        return HostNames.of(clusterName, settings.sshListen(), publicAddress == null ? "" : publicAddress.toString(),
                machineHostname);
    }

    /** The address the server listens on, or {@code null} when this hub does not run the proxy. */
    InetSocketAddress address() {
        return endpoint == null ? null : endpoint.address();
    }

    /** The host certificate presented now, or {@code null} when this hub does not run the proxy. */
    SshCertificate hostCertificate() {
        return certificate == null ? null : certificate.current();
    }

    @Deactivate
    void deactivate() {
        if (endpoint == null) {
            return;
        }
        registration.unregister();
        close(lockWatch);
        endpoint.close();
        certificate.close();
        workers.close();
        LOG.info("Proxy SSH on {} stopped", Addresses.format(endpoint.address()));
    }

    private static void close(AutoCloseable subscription) {
        if (subscription == null) {
            return;
        }
        try {
            subscription.close();
        } catch (Exception e) {
            LOG.warn("proxy-ssh: cannot stop watching the access policy: {}", e.getMessage());
        }
    }

    /** This machine's name, for the host certificate; {@code null} when it has none that resolves. */
    private static String machineHostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            LOG.warn("this machine's host name does not resolve ({}); the proxy's host certificate will not name it",
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
