package org.mezite.node.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The host's programs a session is started through: util-linux's {@code setpriv} (to become the login) and
 * {@code setsid} (a session of its own for a command without a terminal), {@code getent} and OpenSSH's
 * {@code sftp-server}. Each is looked for where Debian, Ubuntu, RHEL and Alpine put it.
 */
record HostPrograms(Optional<Path> setpriv, Optional<Path> setsid, Path getent, Optional<Path> sftpServer) {

    private static final List<String> BIN = List.of("/usr/bin", "/bin", "/usr/sbin", "/sbin");
    private static final List<String> SFTP_SERVER = List.of("/usr/lib/openssh/sftp-server", "/usr/lib/sftp-server",
            "/usr/libexec/openssh/sftp-server", "/usr/libexec/sftp-server", "/usr/lib/ssh/sftp-server");

    static HostPrograms find() {
        return new HostPrograms(first(BIN, "setpriv"), first(BIN, "setsid"),
                first(BIN, "getent").orElse(Path.of("getent")), first(SFTP_SERVER, null));
    }

    private static Optional<Path> first(List<String> places, String name) {
        for (String place : places) {
            Path candidate = name == null ? Path.of(place) : Path.of(place, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
