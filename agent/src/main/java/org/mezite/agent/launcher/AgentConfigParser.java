package org.mezite.agent.launcher;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the agent configuration file: one {@code key = value} a line, {@code #} comments and blank lines ignored.
 * Every mistake is reported with the file, the line and the key, so that an operator can fix it without reading code.
 *
 * <pre>
 * node_name = node-01
 * hub       = hub.example.com:3025
 * data_dir  = /var/lib/mezd
 * labels    = env=prod,team=db
 * token     = 64 hex digits from mezite:token-add, needed until the node has joined
 * ca_pin    = sha256:HEX of the cluster CA, as mezite:token-add prints it
 * proxy     = hub.example.com:3024, the proxy's tunnel listener (default: the hub's host, port 3024)
 * ssh_listen          = 0.0.0.0:3022, a direct SSH listener beside the tunnel (default: none)
 * client_idle_timeout = 30m, ends SSH sessions without traffic (default: none; s, m or h)
 * </pre>
 */
final class AgentConfigParser {

    static final String NODE_NAME = "node_name";
    static final String HUB = "hub";
    static final String DATA_DIR = "data_dir";
    static final String LABELS = "labels";
    static final String TOKEN = "token";
    static final String CA_PIN = "ca_pin";
    static final String PROXY = "proxy";
    static final String SSH_LISTEN = "ssh_listen";
    static final String CLIENT_IDLE_TIMEOUT = "client_idle_timeout";
    static final List<String> KEYS = List.of(NODE_NAME, HUB, DATA_DIR, LABELS, TOKEN, CA_PIN, PROXY, SSH_LISTEN,
            CLIENT_IDLE_TIMEOUT);

    /** Used when the file names no data_dir. */
    static final Path DEFAULT_DATA_DIR = Path.of("/var/lib/mezd");

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");
    private static final Pattern LABEL_KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]{0,62}");
    private static final Pattern LABEL_VALUE = Pattern.compile("[A-Za-z0-9._/:@-]{0,255}");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9._-]+|\\[[0-9A-Fa-f:.]+\\]");
    private static final Pattern TOKEN_FORMAT = Pattern.compile("[0-9A-Fa-f]{64}");
    private static final Pattern DURATION = Pattern.compile("[1-9][0-9]{0,5}[smh]");
    private static final Pattern PIN_FORMAT = Pattern.compile("sha256:[0-9A-Fa-f]{64}");

    private AgentConfigParser() {
    }

    static AgentConfig parse(Path file) throws ConfigException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigException(file + ": no such file");
        } catch (MalformedInputException e) {
            throw new ConfigException(file + ": not UTF-8 text");
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read: " + e.getMessage(), e);
        }
        return parse(file, lines);
    }

    static AgentConfig parse(Path file, List<String> lines) throws ConfigException {
        Map<String, String> values = new HashMap<>();
        Map<String, Integer> lineOf = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            int number = i + 1;
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 0) {
                throw error(file, number, "expected KEY = VALUE, found \"" + line + "\"");
            }
            String key = line.substring(0, eq).strip();
            String value = line.substring(eq + 1).strip();
            if (!KEYS.contains(key)) {
                throw error(file, number, "unknown key \"" + key + "\" (known keys: " + String.join(", ", KEYS) + ")");
            }
            if (lineOf.containsKey(key)) {
                throw error(file, number, key + ": already set on line " + lineOf.get(key));
            }
            if (value.isEmpty()) {
                throw error(file, number, key + ": no value");
            }
            values.put(key, value);
            lineOf.put(key, number);
        }

        String nodeName = values.get(NODE_NAME);
        if (nodeName == null) {
            throw new ConfigException(file + ": " + NODE_NAME + " is required, e.g. \"" + NODE_NAME + " = node-01\"");
        }
        if (!NAME.matcher(nodeName).matches()) {
            throw error(file, lineOf.get(NODE_NAME), NODE_NAME + ": \"" + nodeName
                    + "\" must be 1-63 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        Optional<String> hub = Optional.ofNullable(values.get(HUB));
        if (hub.isPresent()) {
            checkHostPort(HUB, hub.get(), "of the hub's Auth service, e.g. hub.example.com:3025", file,
                    lineOf.get(HUB));
        }
        Map<String, String> network = new LinkedHashMap<>();
        for (String key : List.of(PROXY, SSH_LISTEN)) {
            if (values.containsKey(key)) {
                checkHostPort(key, values.get(key), key.equals(PROXY)
                        ? "of the proxy's tunnel listener, e.g. hub.example.com:3024"
                        : "to listen on for direct SSH, e.g. 0.0.0.0:3022", file, lineOf.get(key));
                network.put(key, values.get(key));
            }
        }
        if (values.containsKey(CLIENT_IDLE_TIMEOUT)) {
            String timeout = values.get(CLIENT_IDLE_TIMEOUT);
            if (!DURATION.matcher(timeout).matches()) {
                throw error(file, lineOf.get(CLIENT_IDLE_TIMEOUT), CLIENT_IDLE_TIMEOUT + ": \"" + timeout
                        + "\" must be a number and s, m or h, e.g. 30m");
            }
            network.put(CLIENT_IDLE_TIMEOUT, timeout);
        }
        Path dataDir = dataDir(values.get(DATA_DIR), file, lineOf.get(DATA_DIR));
        Map<String, String> labels = values.containsKey(LABELS)
                ? labels(values.get(LABELS), file, lineOf.get(LABELS)) : Map.of();
        Optional<String> token = Optional.ofNullable(values.get(TOKEN));
        Optional<String> caPin = Optional.ofNullable(values.get(CA_PIN)).map(p -> p.toLowerCase(Locale.ROOT));
        if (token.isPresent()) {
            int line = lineOf.get(TOKEN);
            // the token is a secret: messages never repeat it
            if (!TOKEN_FORMAT.matcher(token.get()).matches()) {
                throw error(file, line, TOKEN + ": must be the 64 hex digits that mezite:token-add printed");
            }
            if (hub.isEmpty()) {
                throw error(file, line, TOKEN + ": set hub too, the hub to join");
            }
            if (caPin.isEmpty()) {
                throw error(file, line, TOKEN + ": set ca_pin too, so that the agent can tell the real hub"
                        + " (mezite:token-add prints both)");
            }
        }
        if (caPin.isPresent() && !PIN_FORMAT.matcher(caPin.get()).matches()) {
            throw error(file, lineOf.get(CA_PIN), CA_PIN + ": \"" + values.get(CA_PIN)
                    + "\" must be sha256: and 64 hex digits, as mezite:token-add prints it");
        }
        return new AgentConfig(nodeName, hub, dataDir, labels, token.map(t -> t.toLowerCase(Locale.ROOT)), caPin,
                network);
    }

    private static void checkHostPort(String key, String value, String what, Path file, int line)
            throws ConfigException {
        int colon = value.lastIndexOf(':');
        String host = colon > 0 ? value.substring(0, colon) : "";
        String port = colon > 0 ? value.substring(colon + 1) : "";
        if (!HOST.matcher(host).matches() || !port.matches("[0-9]{1,5}")
                || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535) {
            throw error(file, line, key + ": \"" + value + "\" must be HOST:PORT " + what);
        }
    }

    /** Relative paths are taken from the configuration file's folder, so that the agent's working folder doesn't matter. */
    private static Path dataDir(String value, Path file, Integer line) throws ConfigException {
        if (value == null) {
            return DEFAULT_DATA_DIR;
        }
        try {
            Path base = file.toAbsolutePath().getParent();
            return base.resolve(value).normalize();
        } catch (InvalidPathException e) {
            throw error(file, line, DATA_DIR + ": \"" + value + "\" is not a valid path: " + e.getReason());
        }
    }

    private static Map<String, String> labels(String value, Path file, int line) throws ConfigException {
        Map<String, String> labels = new LinkedHashMap<>();
        for (String pair : value.split(",", -1)) {
            String entry = pair.strip();
            int eq = entry.indexOf('=');
            String key = eq < 0 ? entry : entry.substring(0, eq).strip();
            String labelValue = eq < 0 ? "" : entry.substring(eq + 1).strip();
            if (eq < 0 || !LABEL_KEY.matcher(key).matches()) {
                throw error(file, line, LABELS + ": \"" + entry + "\" must be KEY=VALUE, the key made of letters,"
                        + " digits, '.', '_', '/' or '-'");
            }
            if (!LABEL_VALUE.matcher(labelValue).matches()) {
                throw error(file, line, LABELS + ": value of \"" + key + "\" may only hold letters, digits and"
                        + " '.', '_', '/', ':', '@', '-'");
            }
            if (labels.put(key, labelValue) != null) {
                throw error(file, line, LABELS + ": \"" + key + "\" is given twice");
            }
        }
        return labels;
    }

    private static ConfigException error(Path file, int line, String message) {
        return new ConfigException(file + " line " + line + ": " + message);
    }
}
