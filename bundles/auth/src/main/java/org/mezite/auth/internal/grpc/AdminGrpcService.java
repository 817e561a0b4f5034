package org.mezite.auth.internal.grpc;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;

import org.mezite.api.access.Caller;
import org.mezite.api.store.CaType;
import org.mezite.ca.tls.ClusterPeer;
import org.mezite.proto.auth.v1.AdminCall;
import org.mezite.proto.auth.v1.AdminReply;
import org.mezite.proto.auth.v1.AdminServiceGrpc;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;

/**
 * {@code mezite.auth.v1.AdminService}: the administrative API ({@code org.mezite.api.admin}) for a hub that does not
 * run it itself. The caller is the user of the client certificate, from the cluster's User CA, with the
 * certificate's roles; the admin services decide and audit every call by those roles' rules, as for any user. This
 * class only identifies the caller, finds the method and carries arguments, result and refusal.
 */
final class AdminGrpcService extends AdminServiceGrpc.AdminServiceImplBase {

    /** Finds the running implementation of an admin interface, if there is one. */
    @FunctionalInterface
    interface AdminServices {
        Optional<Object> find(Class<?> api);
    }

    private static final Logger LOG = LoggerFactory.getLogger(AdminGrpcService.class);

    private final AdminServices services;
    private final AdminJson json = new AdminJson();

    AdminGrpcService(AdminServices services) {
        this.services = services;
    }

    @Override
    public void call(AdminCall request, StreamObserver<AdminReply> response) {
        String name = request.getService() + "." + request.getMethod();
        try {
            Caller caller = caller(ClientCertificateInterceptor.PEER.get());
            Method method = AdminMethods.find(request.getService(), request.getMethod());
            Object service = services.find(method.getDeclaringClass()).orElseThrow(() -> AdminErrors.status(
                    Status.UNAVAILABLE, AdminErrors.UNAVAILABLE, "the admin service " + request.getService()
                            + " is not running on this hub"));
            Object[] arguments = json.arguments(method, request.getArgumentsJson());
            arguments[0] = caller;
            LOG.debug("admin call {} by {}", name, caller);
            Object result = invoke(name, method, service, arguments);
            response.onNext(AdminReply.newBuilder().setResultJson(json.result(method, result)).build());
            response.onCompleted();
        } catch (StatusRuntimeException e) {
            response.onError(e);
        } catch (IllegalArgumentException e) {
            response.onError(AdminErrors.status(Status.INVALID_ARGUMENT, AdminErrors.INVALID_ARGUMENT,
                    e.getMessage()));
        } catch (Exception e) {
            LOG.error("admin call {} failed", name, e);
            response.onError(AdminErrors.status(Status.INTERNAL, AdminErrors.INTERNAL, name
                    + " failed on the Auth server; its log has the details"));
        }
    }

    /** The caller a user certificate names; anything else is refused. */
    private static Caller caller(PeerIdentity peer) {
        if (peer == null) {
            // the interceptor lets no call of this service through without a client certificate
            throw Status.UNAUTHENTICATED.withDescription("the admin API needs a client certificate")
                    .asRuntimeException();
        }
        ClusterPeer certificate = peer.certificate();
        if (certificate.issuer() != CaType.USER) {
            throw AdminErrors.status(Status.PERMISSION_DENIED, AdminErrors.ACCESS_DENIED, "the client certificate is "
                    + peer + "; the admin API takes a user certificate from the cluster's user CA (msh login)");
        }
        return Caller.user(certificate.commonName(), certificate.organizations(), Map.of());
    }

    private static Object invoke(String name, Method method, Object service, Object[] arguments) throws Exception {
        try {
            return method.invoke(service, arguments);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException failure) {
                StatusRuntimeException status = AdminErrors.of(failure);
                if (status != null) {
                    LOG.debug("admin call {} refused: {}", name, failure.getMessage());
                    throw status;
                }
            }
            if (cause instanceof Exception failure) {
                throw failure;
            }
            throw e;
        }
    }
}
