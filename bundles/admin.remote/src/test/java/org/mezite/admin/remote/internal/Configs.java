package org.mezite.admin.remote.internal;

import java.lang.reflect.Proxy;
import java.util.Map;

/** {@code etc/org.mezite.admin.remote.cfg} as DS hands it to the component. */
final class Configs {

    private Configs() {
    }

    static RemoteAdminConfig remote(String authAddress, String certificate, String key, String caPin) {
        Map<String, String> values = Map.of("auth__address", authAddress, "certificate", certificate, "key", key,
                "ca__pin", caPin);
        return (RemoteAdminConfig) Proxy.newProxyInstance(RemoteAdminConfig.class.getClassLoader(),
                new Class<?>[] {RemoteAdminConfig.class}, (self, method, args) -> {
                    String value = values.get(method.getName());
                    if (value == null) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    return value;
                });
    }
}
