package org.mezite.hub.internal;

import java.net.InetSocketAddress;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.mezite.api.hub.DatabaseKind;
import org.mezite.api.hub.DatabaseSettings;
import org.mezite.api.hub.HubRole;
import org.mezite.api.hub.HubSettings;

/**
 * Turns the raw properties of {@code etc/org.mezite.hub.cfg} into {@link HubSettings}, or says exactly which key is
 * wrong and why. Every key has a default, so an empty file gives a working combined-mode hub on SQLite.
 */
public final class HubSettingsParser {

    public static final String CLUSTER_NAME = "cluster_name";
    public static final String SERVICES = "services";
    public static final String AUTH_LISTEN = "auth.listen";
    public static final String WEB_LISTEN = "proxy.web.listen";
    public static final String SSH_LISTEN = "proxy.ssh.listen";
    public static final String TUNNEL_LISTEN = "proxy.tunnel.listen";
    public static final String DATA_DIR = "data_dir";
    public static final String DB_KIND = "database.kind";
    public static final String DB_URL = "database.url";
    public static final String DB_USER = "database.user";
    public static final String DB_PASSWORD = "database.password";
    public static final String DB_POOL_SIZE = "database.pool_size";

    private static final Set<String> KEYS = Set.of(CLUSTER_NAME, SERVICES, AUTH_LISTEN, WEB_LISTEN, SSH_LISTEN,
            TUNNEL_LISTEN, DATA_DIR, DB_KIND, DB_URL, DB_USER, DB_PASSWORD, DB_POOL_SIZE);
    /** Keys that Config Admin, File Install and DS add on their own. */
    private static final List<String> FRAMEWORK_PREFIXES = List.of("service.", "felix.", "component.", "osgi.", ".");
    private static final Pattern CLUSTER_NAME_PATTERN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");

    private final Path defaultDataDir;

    /** @param defaultDataDir the data directory used when {@code data_dir} is not set (the hub's {@code data/}) */
    public HubSettingsParser(Path defaultDataDir) {
        this.defaultDataDir = defaultDataDir;
    }

    public HubSettings parse(Map<String, ?> raw) throws InvalidSettingException {
        for (String key : raw.keySet()) {
            if (!KEYS.contains(key) && FRAMEWORK_PREFIXES.stream().noneMatch(key::startsWith)) {
                throw new InvalidSettingException(key, "unknown key; known keys are " + new TreeSet<>(KEYS));
            }
        }
        String clusterName = string(raw, CLUSTER_NAME, "mezite");
        if (!CLUSTER_NAME_PATTERN.matcher(clusterName).matches()) {
            throw new InvalidSettingException(CLUSTER_NAME, quote(clusterName)
                    + " must be 1-63 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        Set<HubRole> roles = roles(string(raw, SERVICES, "auth,proxy"));
        Path dataDir = dataDir(raw);
        return new HubSettings(clusterName, roles,
                address(raw, AUTH_LISTEN, "127.0.0.1:3025"),
                address(raw, WEB_LISTEN, "0.0.0.0:3080"),
                address(raw, SSH_LISTEN, "0.0.0.0:3023"),
                address(raw, TUNNEL_LISTEN, "0.0.0.0:3024"),
                dataDir, database(raw, dataDir));
    }

    private static Set<HubRole> roles(String value) throws InvalidSettingException {
        Set<HubRole> roles = EnumSet.noneOf(HubRole.class);
        for (String part : value.split(",")) {
            String name = part.trim().toLowerCase(Locale.ROOT);
            if (name.isEmpty()) {
                continue;
            }
            HubRole role = switch (name) {
                case "auth" -> HubRole.AUTH;
                case "proxy" -> HubRole.PROXY;
                default -> throw new InvalidSettingException(SERVICES,
                        quote(part.trim()) + " is not a service; use auth, proxy or both (auth,proxy)");
            };
            roles.add(role);
        }
        if (roles.isEmpty()) {
            throw new InvalidSettingException(SERVICES, "names no service; use auth, proxy or both (auth,proxy)");
        }
        return roles;
    }

    private Path dataDir(Map<String, ?> raw) throws InvalidSettingException {
        String value = string(raw, DATA_DIR, "");
        if (value.isEmpty()) {
            return defaultDataDir;
        }
        try {
            Path path = Path.of(value);
            return path.isAbsolute() ? path.normalize() : defaultDataDir.getParent().resolve(path).normalize();
        } catch (InvalidPathException e) {
            throw new InvalidSettingException(DATA_DIR, quote(value) + " is not a valid path: " + e.getReason());
        }
    }

    private static DatabaseSettings database(Map<String, ?> raw, Path dataDir) throws InvalidSettingException {
        String kindName = string(raw, DB_KIND, "sqlite").toLowerCase(Locale.ROOT);
        DatabaseKind kind = switch (kindName) {
            case "sqlite" -> DatabaseKind.SQLITE;
            case "postgresql", "postgres" -> DatabaseKind.POSTGRESQL;
            default -> throw new InvalidSettingException(DB_KIND, quote(kindName) + " is not one of sqlite, postgresql");
        };
        String url = string(raw, DB_URL, "");
        if (kind == DatabaseKind.SQLITE) {
            if (url.isEmpty()) {
                url = "jdbc:sqlite:" + dataDir.resolve("mezite.db");
            } else if (!url.startsWith("jdbc:sqlite:") || url.length() == "jdbc:sqlite:".length()) {
                throw new InvalidSettingException(DB_URL, quote(url)
                        + " is not a SQLite JDBC URL; expected jdbc:sqlite:/path/to/mezite.db (or leave it empty for "
                        + dataDir.resolve("mezite.db") + ")");
            }
        } else if (url.isEmpty()) {
            throw new InvalidSettingException(DB_URL,
                    "is required when database.kind = postgresql, e.g. jdbc:postgresql://127.0.0.1:5432/mezite");
        } else if (!url.startsWith("jdbc:postgresql://")) {
            throw new InvalidSettingException(DB_URL, quote(new DatabaseSettings(kind, url, "", "", 1).maskedUrl())
                    + " is not a PostgreSQL JDBC URL; expected jdbc:postgresql://HOST:PORT/DATABASE");
        }
        int poolSize = integer(raw, DB_POOL_SIZE, kind == DatabaseKind.SQLITE ? 4 : 10, 1, 200);
        return new DatabaseSettings(kind, url, string(raw, DB_USER, ""), string(raw, DB_PASSWORD, ""), poolSize);
    }

    private static InetSocketAddress address(Map<String, ?> raw, String key, String fallback)
            throws InvalidSettingException {
        String value = string(raw, key, fallback);
        int colon = value.lastIndexOf(':');
        if (colon <= 0 || colon == value.length() - 1) {
            throw new InvalidSettingException(key, quote(value) + " must be HOST:PORT, e.g. " + fallback);
        }
        String host = value.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(value.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new InvalidSettingException(key, quote(value) + ": port " + quote(value.substring(colon + 1))
                    + " is not a number");
        }
        if (port < 0 || port > 65535) {
            throw new InvalidSettingException(key, quote(value) + ": port " + port + " is outside 0-65535");
        }
        InetSocketAddress address = new InetSocketAddress(host, port);
        if (address.isUnresolved()) {
            throw new InvalidSettingException(key, quote(value) + ": host " + quote(host) + " does not resolve");
        }
        return address;
    }

    private static int integer(Map<String, ?> raw, String key, int fallback, int min, int max)
            throws InvalidSettingException {
        String value = string(raw, key, Integer.toString(fallback));
        try {
            int n = Integer.parseInt(value);
            if (n < min || n > max) {
                throw new InvalidSettingException(key, n + " is outside " + min + "-" + max);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new InvalidSettingException(key, quote(value) + " is not a whole number");
        }
    }

    private static String string(Map<String, ?> raw, String key, String fallback) {
        Object value = raw.get(key);
        if (value == null) {
            return fallback;
        }
        String s = value instanceof String[] array ? String.join(",", array) : value.toString().trim();
        return s.isEmpty() && !fallback.isEmpty() ? fallback : s;
    }

    private static String quote(String s) {
        return "\"" + s + "\"";
    }
}
