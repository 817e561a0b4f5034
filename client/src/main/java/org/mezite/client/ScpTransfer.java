package org.mezite.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;
import org.apache.sshd.sftp.common.SftpConstants;
import org.apache.sshd.sftp.common.SftpException;

/**
 * Carries out {@code msh scp} over SFTP on node sessions through the proxy, the way scp behaves: a target that is
 * a directory receives the sources by their names, otherwise it is the copy's name; directories only with
 * {@code -r}; modes kept, times with {@code -p}. Each failure is one line on standard error and the copy goes on
 * with the next source; the exit status is 1 when anything failed.
 */
final class ScpTransfer {

    private static final int BUFFER = 64 * 1024;
    private static final int MODE_BITS = 07777;

    private final MshContext context;
    private final PrintWriter err;
    private boolean failed;

    ScpTransfer(MshContext context, PrintWriter err) {
        this.context = context;
        this.err = err;
    }

    int run(ScpSettings settings) {
        Credentials credentials = Credentials.load(context.home(), context.clock().instant());
        List<ScpOperand> sources = new ArrayList<>();
        for (String source : settings.sources()) {
            sources.add(ScpOperand.parse(source, credentials.cluster()));
        }
        ScpOperand target = ScpOperand.parse(settings.target(), credentials.cluster());
        boolean download = sources.stream().anyMatch(ScpOperand::remote);
        if (download && target.remote()) {
            throw MshException.usage("copying from one node to another is not supported; copy through this machine");
        }
        if (!download && !target.remote()) {
            throw MshException.usage("neither the sources nor the target is on a node ([LOGIN@]NODE:PATH)");
        }
        if (download && sources.stream().anyMatch(source -> !source.remote())) {
            throw MshException.usage("the sources are partly local, partly on a node; copy them in two runs");
        }
        try (ClusterConnection cluster = ClusterConnection.open(context.home(), credentials,
                ClusterConnection.Options.NONE)) {
            Nodes nodes = new Nodes(cluster, settings, credentials.defaultLogin());
            try {
                if (download) {
                    download(nodes, sources, Path.of(target.path().isEmpty() ? "." : target.path()), settings);
                } else {
                    upload(nodes.sftp(target), settings.sources().stream().map(Path::of).toList(), target,
                            settings);
                }
            } finally {
                nodes.close();
            }
        }
        err.flush();
        return failed ? MshException.FAILED : 0;
    }

    private void upload(SftpClient sftp, List<Path> sources, ScpOperand target, ScpSettings settings) {
        String remote = target.sftpPath();
        SftpClient.Attributes existing = remoteStat(sftp, remote);
        boolean intoDirectory = existing != null && existing.isDirectory();
        if (sources.size() > 1 && !intoDirectory) {
            fail(target.text() + ": not a directory");
            return;
        }
        for (Path source : sources) {
            if (!Files.exists(source)) {
                fail(source + ": No such file or directory");
                continue;
            }
            String name = source.toAbsolutePath().normalize().getFileName() == null ? ""
                    : source.toAbsolutePath().normalize().getFileName().toString();
            String destination = intoDirectory ? child(remote, name) : remote;
            if (Files.isDirectory(source) && !settings.recursive()) {
                fail(source + ": not a regular file (use -r for directories)");
                continue;
            }
            uploadTree(sftp, source, destination, target, settings);
        }
    }

    private void uploadTree(SftpClient sftp, Path source, String destination, ScpOperand target,
            ScpSettings settings) {
        String where = target.destination().node() + ":" + destination;
        try {
            if (Files.isDirectory(source)) {
                SftpClient.Attributes existing = remoteStat(sftp, destination);
                if (existing == null) {
                    sftp.mkdir(destination);
                } else if (!existing.isDirectory()) {
                    fail(where + ": not a directory");
                    return;
                }
                try (Stream<Path> children = Files.list(source)) {
                    for (Path child : children.sorted().toList()) {
                        uploadTree(sftp, child, child(destination, child.getFileName().toString()), target,
                                settings);
                    }
                }
            } else if (Files.isRegularFile(source)) {
                try (InputStream in = Files.newInputStream(source);
                        OutputStream out = sftp.write(destination, BUFFER)) {
                    in.transferTo(out);
                }
            } else {
                fail(source + ": not a regular file");
                return;
            }
            SftpClient.Attributes attributes = new SftpClient.Attributes().perms(localMode(source));
            if (settings.preserveTimes()) {
                attributes.modifyTime(Files.getLastModifiedTime(source)).accessTime(Files.getLastModifiedTime(source));
            }
            sftp.setStat(destination, attributes);
        } catch (NoSuchFileException e) {
            fail(e.getFile() + ": No such file or directory");
        } catch (SftpException e) {
            fail(where + ": " + sftpMessage(e));
        } catch (IOException e) {
            fail(where + ": " + ClusterConnection.message(e));
        }
    }

    private void download(Nodes nodes, List<ScpOperand> sources, Path target, ScpSettings settings) {
        boolean intoDirectory = Files.isDirectory(target);
        if (sources.size() > 1 && !intoDirectory) {
            fail(target + ": not a directory");
            return;
        }
        for (ScpOperand source : sources) {
            SftpClient sftp = nodes.sftp(source);
            String remote = source.sftpPath();
            String where = source.destination().node() + ":" + remote;
            SftpClient.Attributes attributes = remoteStat(sftp, remote);
            if (attributes == null) {
                fail(where + ": No such file or directory");
                continue;
            }
            if (attributes.isDirectory() && !settings.recursive()) {
                fail(where + ": not a regular file (use -r for directories)");
                continue;
            }
            Path destination = intoDirectory ? target.resolve(remoteName(sftp, remote)) : target;
            downloadTree(sftp, remote, attributes, destination, source, settings);
        }
    }

    private void downloadTree(SftpClient sftp, String remote, SftpClient.Attributes attributes, Path destination,
            ScpOperand source, ScpSettings settings) {
        String where = source.destination().node() + ":" + remote;
        try {
            if (attributes.isDirectory()) {
                if (!Files.isDirectory(destination)) {
                    Files.createDirectory(destination);
                }
                List<SftpClient.DirEntry> entries = new ArrayList<>();
                for (SftpClient.DirEntry entry : sftp.readDir(remote)) {
                    if (!entry.getFilename().equals(".") && !entry.getFilename().equals("..")) {
                        entries.add(entry);
                    }
                }
                entries.sort((a, b) -> a.getFilename().compareTo(b.getFilename()));
                for (SftpClient.DirEntry entry : entries) {
                    String child = child(remote, entry.getFilename());
                    SftpClient.Attributes childAttributes = entry.getAttributes().isDirectory()
                            || entry.getAttributes().isRegularFile() ? entry.getAttributes() : remoteStat(sftp, child);
                    if (childAttributes == null) {
                        fail(source.destination().node() + ":" + child + ": No such file or directory");
                        continue;
                    }
                    downloadTree(sftp, child, childAttributes, destination.resolve(entry.getFilename()), source,
                            settings);
                }
            } else if (attributes.isRegularFile()) {
                try (InputStream in = sftp.read(remote, BUFFER);
                        OutputStream out = Files.newOutputStream(destination)) {
                    in.transferTo(out);
                }
            } else {
                fail(where + ": not a regular file");
                return;
            }
            setLocalMode(destination, attributes.getPermissions() & MODE_BITS);
            if (settings.preserveTimes() && attributes.getModifyTime() != null) {
                Files.setLastModifiedTime(destination, attributes.getModifyTime());
            }
        } catch (SftpException e) {
            fail(where + ": " + sftpMessage(e));
        } catch (IOException e) {
            fail(destination + ": " + ClusterConnection.message(e));
        }
    }

    /** The attributes, following links; {@code null} when there is nothing at the path. */
    private SftpClient.Attributes remoteStat(SftpClient sftp, String path) {
        try {
            return sftp.stat(path);
        } catch (SftpException e) {
            if (e.getStatus() == SftpConstants.SSH_FX_NO_SUCH_FILE) {
                return null;
            }
            throw MshException.failed(path + ": " + sftpMessage(e));
        } catch (IOException e) {
            throw MshException.failed(path + ": " + ClusterConnection.message(e));
        }
    }

    private String remoteName(SftpClient sftp, String remote) throws MshException {
        String name = remote.replaceAll("/+$", "");
        name = name.substring(name.lastIndexOf('/') + 1);
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            try {
                String canonical = sftp.canonicalPath(remote);
                name = canonical.substring(canonical.lastIndexOf('/') + 1);
            } catch (IOException e) {
                throw MshException.failed(remote + ": " + ClusterConnection.message(e));
            }
        }
        return name.isEmpty() ? "root" : name;
    }

    private static String child(String directory, String name) {
        if (directory.isEmpty() || directory.equals(".")) {
            return name;
        }
        return directory.endsWith("/") ? directory + name : directory + "/" + name;
    }

    private static String sftpMessage(SftpException e) {
        return switch (e.getStatus()) {
            case SftpConstants.SSH_FX_NO_SUCH_FILE -> "No such file or directory";
            case SftpConstants.SSH_FX_PERMISSION_DENIED -> "Permission denied";
            default -> e.getMessage();
        };
    }

    private static int localMode(Path file) throws IOException {
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS);
        int mode = 0;
        for (PosixFilePermission permission : permissions) {
            mode |= 1 << (8 - permission.ordinal());
        }
        return mode;
    }

    private static void setLocalMode(Path file, int mode) throws IOException {
        Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
        for (PosixFilePermission permission : PosixFilePermission.values()) {
            if ((mode & 1 << (8 - permission.ordinal())) != 0) {
                permissions.add(permission);
            }
        }
        Files.setPosixFilePermissions(file, permissions);
    }

    private void fail(String message) {
        err.println("msh: scp: " + message);
        err.flush();
        failed = true;
    }

    /** One SFTP session per node and login, opened when first needed. */
    private static final class Nodes implements AutoCloseable {
        private final ClusterConnection cluster;
        private final ScpSettings settings;
        private final String defaultLogin;
        private final Map<String, NodeSession> sessions = new LinkedHashMap<>();
        private final Map<String, SftpClient> clients = new LinkedHashMap<>();

        Nodes(ClusterConnection cluster, ScpSettings settings, String defaultLogin) {
            this.cluster = cluster;
            this.settings = settings;
            this.defaultLogin = defaultLogin;
        }

        SftpClient sftp(ScpOperand operand) {
            String login = operand.destination().login(settings.login(), defaultLogin);
            String node = operand.destination().node();
            String key = login + "@" + node;
            SftpClient client = clients.get(key);
            if (client == null) {
                NodeSession session = cluster.openNode(login, node, settings.port());
                sessions.put(key, session);
                try {
                    client = SftpClientFactory.instance().createSftpClient(session.session());
                } catch (IOException e) {
                    throw new MshException(MshException.CONNECTION, "node \"" + node + "\" offers no SFTP: "
                            + ClusterConnection.message(e));
                }
                clients.put(key, client);
            }
            return client;
        }

        @Override
        public void close() {
            for (SftpClient client : clients.values()) {
                try {
                    client.close();
                } catch (IOException e) {
                    // the session closes next
                }
            }
            sessions.values().forEach(NodeSession::close);
        }
    }
}
