package org.mezite.proxy.web.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * A Jetty server with one HTTPS/1.1 connector. Binding and serving are two steps, so that the handler can be built
 * knowing the port actually bound. Closing stops accepting at once and gives requests in flight a grace period.
 */
final class HttpsEndpoint implements AutoCloseable {

    static final long STOP_GRACE_MILLIS = 5_000;

    private final Server server;
    private final InetSocketAddress address;

    private HttpsEndpoint(Server server, InetSocketAddress address) {
        this.server = server;
        this.address = address;
    }

    /**
     * Binds the socket; nothing is served until {@link #start(Handler)}.
     *
     * @param name    the listener's name for messages
     * @param setting the configuration key that chose {@code listen}, named when binding fails
     * @param keys    the server's key and certificate
     * @throws IOException naming the address and the setting when the socket cannot be bound
     */
    static HttpsEndpoint bind(String name, InetSocketAddress listen, String setting, KeyManager keys)
            throws IOException {
        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName(name);
        Server server = new Server(threads);
        server.setStopTimeout(STOP_GRACE_MILLIS);

        SslContextFactory.Server tls = new SslContextFactory.Server();
        tls.setSslContext(sslContext(keys));
        tls.setSniRequired(false);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        // one certificate for every name: no SNI check, clients reaching the proxy by IP address send no SNI
        http.addCustomizer(new SecureRequestCustomizer(false));
        ServerConnector connector = new ServerConnector(server, new SslConnectionFactory(tls, "http/1.1"),
                new HttpConnectionFactory(http));
        connector.setHost(listen.getHostString());
        connector.setPort(listen.getPort());
        server.addConnector(connector);
        try {
            connector.open();
        } catch (IOException e) {
            throw new IOException(name + ": cannot listen on " + Addresses.format(listen) + " (" + setting + "): "
                    + rootMessage(e), e);
        }
        return new HttpsEndpoint(server, new InetSocketAddress(listen.getAddress(), connector.getLocalPort()));
    }

    /** The bound address, with the real port when 0 was asked for. */
    InetSocketAddress address() {
        return address;
    }

    /** Serves {@code handler}, with {@code errors} answering what never reaches it. */
    void start(Handler handler, org.eclipse.jetty.server.Request.Handler errors) throws Exception {
        server.setHandler(handler);
        server.setErrorHandler(errors);
        try {
            server.start();
        } catch (Exception e) {
            close();
            throw e;
        }
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop the HTTPS server on " + Addresses.format(address) + ": "
                    + e.getMessage(), e);
        }
    }

    private static SSLContext sslContext(KeyManager keys) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(new KeyManager[] {keys}, null, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM has no usable TLS: " + e.getMessage(), e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
    }
}
