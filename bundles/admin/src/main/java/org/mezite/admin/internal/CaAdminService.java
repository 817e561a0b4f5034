package org.mezite.admin.internal;

import java.time.Clock;
import java.util.List;

import org.mezite.api.access.AccessChecker;
import org.mezite.api.access.Caller;
import org.mezite.api.admin.CaAdmin;
import org.mezite.api.admin.CaInfo;
import org.mezite.api.audit.AuditRecorder;
import org.mezite.api.ca.CertificateAuthorities;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The public side of the cluster's CAs. */
@Component(service = CaAdmin.class)
public final class CaAdminService implements CaAdmin {

    private final CertificateAuthorities authorities;
    private final AdminAccess access;

    @Activate
    public CaAdminService(@Reference(name = "authorities") CertificateAuthorities authorities,
            @Reference(name = "access") AccessChecker checker, @Reference(name = "audit") AuditRecorder audit) {
        this(authorities, new AdminAccess(checker, audit, Clock.systemUTC()));
    }

    CaAdminService(CertificateAuthorities authorities, AdminAccess access) {
        this.authorities = authorities;
        this.access = access;
    }

    @Override
    public List<CaInfo> list(Caller caller) {
        access.check(caller, Rules.CERT_AUTHORITY, Rules.LIST, null);
        return authorities.all().stream().map(ca -> new CaInfo(ca.type(), ca.clusterName(), ca.authorizedKey(),
                ca.sshFingerprint(), ca.tlsPin(), ca.certificatePem())).toList();
    }
}
