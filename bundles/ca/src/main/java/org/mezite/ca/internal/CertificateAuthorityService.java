package org.mezite.ca.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.mezite.api.ca.CaPublicIdentity;
import org.mezite.api.ca.CertificateAuthorities;
import org.mezite.api.ca.HostCertificateRequest;
import org.mezite.api.ca.HostCertificateSigner;
import org.mezite.api.ca.IssuedX509Certificate;
import org.mezite.api.ca.SshCertificate;
import org.mezite.api.ca.TlsIdentity;
import org.mezite.api.ca.UserCertificateRequest;
import org.mezite.api.ca.UserCertificateSigner;
import org.mezite.api.ca.X509CertificateIssuer;
import org.mezite.api.ca.X509CertificateRequest;
import org.mezite.api.hub.Durations;
import org.mezite.api.hub.HubSettings;
import org.mezite.api.store.CaType;
import org.mezite.api.store.CertificateAuthorityRepository;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cluster's user CA and host CA. At activation it loads both from the store and decrypts them with
 * {@code ca_key_passphrase} ({@code etc/org.mezite.ca.cfg}), making and storing them on the cluster's first start;
 * it then offers signing and the CAs' public side as services. A CA that does not decrypt fails activation, so no
 * service appears and nothing signs with a wrong key.
 */
@Component(configurationPid = CaSettings.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL, immediate = true,
        service = {UserCertificateSigner.class, HostCertificateSigner.class, X509CertificateIssuer.class,
                CertificateAuthorities.class})
@Designate(ocd = CaSettingsDefinition.class)
public final class CertificateAuthorityService
        implements UserCertificateSigner, HostCertificateSigner, X509CertificateIssuer, CertificateAuthorities {

    static final String NO_PASSPHRASE_WARNING = "CA private keys are stored without a passphrase; set "
            + CaSettings.PASSPHRASE + " in " + CaSettings.CONFIG_FILE;

    private static final Logger LOG = LoggerFactory.getLogger(CertificateAuthorityService.class);

    private final String clusterName;
    private final CaKeyring keyring;
    private final UserCertificates users;
    private final HostCertificates hosts;
    private final X509Certificates x509;

    @Activate
    public CertificateAuthorityService(@Reference(name = "hub") HubSettings hub,
            @Reference(name = "repository") CertificateAuthorityRepository repository, Map<String, Object> properties) {
        this(hub.clusterName(), repository, properties, KdfParameters.DEFAULT, Clock.systemUTC(), new SecureRandom());
    }

    CertificateAuthorityService(String clusterName, CertificateAuthorityRepository repository,
            Map<String, ?> properties, KdfParameters kdf, Clock clock, SecureRandom random) {
        this.clusterName = clusterName;
        try {
            CaSettings settings = CaSettings.parse(properties);
            PrivateKeyEnvelope envelope = new PrivateKeyEnvelope(settings.passphrase(), kdf, random);
            Arrays.fill(settings.passphrase(), (byte) 0);
            if (!envelope.hasPassphrase()) {
                LOG.warn("{}", NO_PASSPHRASE_WARNING);
            }
            this.keyring = CaKeyring.loadOrCreate(clusterName, repository, envelope, random);
            SshCertificateEncoder encoder = new SshCertificateEncoder(random);
            this.users = new UserCertificates(keyring.get(CaType.USER), settings.userCertMaxTtl(), encoder, clock);
            this.hosts = new HostCertificates(keyring.get(CaType.HOST), settings.hostCertMaxTtl(), encoder, clock);
            this.x509 = new X509Certificates(keyring::get, settings::maxTtl, clock, random);
            LOG.info("cluster {}: user CA {}, host CA {} (TLS pin {}); user certificates up to {}, host certificates"
                    + " up to {}", clusterName, keyring.get(CaType.USER).identity().sshFingerprint(),
                    keyring.get(CaType.HOST).identity().sshFingerprint(),
                    keyring.get(CaType.HOST).identity().tlsPin(), Durations.format(settings.userCertMaxTtl()),
                    Durations.format(settings.hostCertMaxTtl()));
        } catch (CaStartupException e) {
            LOG.error("the certificate authorities cannot start: {}", e.getMessage());
            throw e;
        }
    }

    @Override
    public SshCertificate sign(UserCertificateRequest request) {
        return users.sign(request);
    }

    @Override
    public SshCertificate sign(HostCertificateRequest request) {
        return hosts.sign(request);
    }

    @Override
    public IssuedX509Certificate issue(String publicKey, X509CertificateRequest request) {
        return x509.issue(publicKey, request);
    }

    @Override
    public TlsIdentity generate(X509CertificateRequest request) {
        return x509.generate(request);
    }

    @Override
    public String clusterName() {
        return clusterName;
    }

    @Override
    public CaPublicIdentity authority(CaType type) {
        return keyring.get(RequestChecks.required("type", type)).identity();
    }

    @Override
    public List<CaPublicIdentity> all() {
        return List.of(authority(CaType.USER), authority(CaType.HOST));
    }
}
