package org.mezite.proxy.web.internal;

import java.lang.annotation.Annotation;
import java.net.InetSocketAddress;

import org.mezite.api.hub.HubSettings;
import org.mezite.api.hub.Listener;
import org.mezite.api.store.CaType;
import org.mezite.ca.internal.CertificateAuthorityService;

/** The component started on a loopback port with fake local users and a fake issuer, and a client for it. */
final class RunningProxy implements AutoCloseable {

    final RecordingBundleContext bundle = new RecordingBundleContext("0.1.0.SNAPSHOT");
    final CertificateAuthorityService cas = TestHub.cas();
    final FakeLocalUsers users = new FakeLocalUsers();
    final FakeCredentialsIssuer issuer = new FakeCredentialsIssuer(cas);
    final ProxyWebServer server;
    final InetSocketAddress address;
    final ApiClient client;

    RunningProxy() throws Exception {
        this(TestHub.settings(), config("", "", ""));
    }

    RunningProxy(HubSettings settings, ProxyWebConfig config) throws Exception {
        server = new ProxyWebServer(bundle.context(), config, settings, cas, cas);
        server.bindLocalAuthenticator(users);
        server.bindLocalUserInvites(users);
        server.bindUserCredentialsIssuer(issuer);
        address = bundle.live().isEmpty() ? null : ((Listener) bundle.live().get(0).service()).address();
        client = address == null ? null
                : new ApiClient(cas.authority(CaType.HOST).certificate(), "127.0.0.1", address.getPort());
    }

    @Override
    public void close() {
        server.deactivate();
    }

    static ProxyWebConfig config(String publicAddr, String certificateFile, String keyFile) {
        return new ProxyWebConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return ProxyWebConfig.class;
            }

            @Override
            public String public__addr() {
                return publicAddr;
            }

            @Override
            public String tls__cert__file() {
                return certificateFile;
            }

            @Override
            public String tls__key__file() {
                return keyFile;
            }
        };
    }
}
