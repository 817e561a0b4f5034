package org.mezite.proxy.web.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Locale;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.mezite.api.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The versioned JSON API under {@code /v1/}. Every answer is JSON, errors included ({@code {"error", "code"}}), and
 * none may be cached: they carry certificates and TOTP secrets. Request bodies are limited to {@link #MAX_BODY}.
 * <p>
 * Handling blocks (a login checks bcrypt and writes the store), which {@link Handler.Abstract}'s default blocking
 * invocation type tells Jetty, so it never runs on a selector thread.
 */
final class ApiHandler extends Handler.Abstract {

    /** Far above any real request (a login is a few hundred bytes), far below anything that costs memory. */
    static final int MAX_BODY = 16 * 1024;
    /** Refused bodies up to this size are still read, so that the client gets the 413 instead of a reset. */
    static final long DRAIN_LIMIT = 1024 * 1024;
    private static final String SIGNUP_PREFIX = "/v1/signup/";
    private static final Logger LOG = LoggerFactory.getLogger(ApiHandler.class);

    private final Json json;
    private final PingEndpoint ping;
    private final LoginEndpoint login;
    private final SignupEndpoint signup;

    ApiHandler(Json json, PingEndpoint ping, LoginEndpoint login, SignupEndpoint signup) {
        this.json = json;
        this.ping = ping;
        this.login = login;
        this.signup = signup;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String path = Request.getPathInContext(request);
        String method = request.getMethod();
        try {
            send(response, 200, route(method, path, request), callback);
        } catch (ApiException e) {
            send(response, e.status(), new ErrorBody(e.getMessage(), e.code()), callback);
        } catch (StoreException e) {
            LOG.error("{} {}: the store failed: {}", method, loggable(path), e.getMessage(), e);
            send(response, 503, new ErrorBody("the hub's database is not available right now; try again later",
                    "unavailable"), callback);
        } catch (RuntimeException | IOException e) {
            LOG.error("{} {} failed", method, loggable(path), e);
            send(response, 500, new ErrorBody("internal error; an administrator can find the cause in the hub's"
                    + " log", "internal"), callback);
        }
        return true;
    }

    private Object route(String method, String path, Request request) throws IOException {
        switch (path) {
            case "/v1/ping":
                allow(method, "GET");
                return ping.ping();
            case "/v1/login":
                allow(method, "POST");
                return login.login(json.read(body(request), LoginRequest.class), Request.getRemoteAddr(request));
            case "/v1/signup":
                allow(method, "POST");
                return signup.signup(json.read(body(request), SignupRequest.class), Request.getRemoteAddr(request));
            default:
                if (path.startsWith(SIGNUP_PREFIX) && path.indexOf('/', SIGNUP_PREFIX.length()) < 0
                        && path.length() > SIGNUP_PREFIX.length()) {
                    allow(method, "GET");
                    return signup.challenge(path.substring(SIGNUP_PREFIX.length()));
                }
                throw new ApiException(404, "not_found", "no such endpoint: " + method + " " + loggable(path));
        }
    }

    private static void allow(String method, String allowed) {
        if (!allowed.equals(method)) {
            throw new ApiException(405, "method_not_allowed", method + " is not allowed here; use " + allowed);
        }
    }

    /** The body, if it is JSON and not too long. */
    private static byte[] body(Request request) throws IOException {
        String type = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
        if (type != null && !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw new ApiException(415, "unsupported_media_type", "send the request body as application/json");
        }
        long declared = request.getHeaders().getLongField(HttpHeader.CONTENT_LENGTH);
        try (InputStream in = Content.Source.asInputStream(request)) {
            if (declared > MAX_BODY) {
                discardRest(in, declared);
                throw tooLarge();
            }
            byte[] body = in.readNBytes(MAX_BODY + 1);
            if (body.length > MAX_BODY) {
                discardRest(in, DRAIN_LIMIT);
                throw tooLarge();
            }
            return body;
        }
    }

    /**
     * Reads a refused body to its end when it is not huge: a server that answers and closes while the client is still
     * sending makes the client's TCP stack reset the connection, and the client never sees the 413.
     */
    private static void discardRest(InputStream in, long length) throws IOException {
        if (length <= DRAIN_LIMIT) {
            long left = length;
            long skipped;
            while (left > 0 && (skipped = in.skip(Math.min(left, 8192))) > 0) {
                left -= skipped;
            }
        }
    }

    private static ApiException tooLarge() {
        return new ApiException(413, "too_large", "the request body is larger than " + MAX_BODY + " bytes");
    }

    private void send(Response response, int status, Object body, Callback callback) {
        byte[] bytes = json.write(body);
        response.setStatus(status);
        HttpFields.Mutable headers = response.getHeaders();
        headers.put(HttpHeader.CONTENT_TYPE, "application/json");
        headers.put(HttpHeader.CONTENT_LENGTH, bytes.length);
        headers.put(HttpHeader.CACHE_CONTROL, "no-store");
        headers.put("X-Content-Type-Options", "nosniff");
        response.write(true, ByteBuffer.wrap(bytes), callback);
    }

    /** The path as it may appear in a log or a message: invite tokens are secrets. */
    static String loggable(String path) {
        String shown = path.startsWith(SIGNUP_PREFIX) ? SIGNUP_PREFIX + "{token}" : path;
        shown = shown.length() > 100 ? shown.substring(0, 100) + "..." : shown;
        return shown.replaceAll("\\p{Cntrl}", "?");
    }
}
