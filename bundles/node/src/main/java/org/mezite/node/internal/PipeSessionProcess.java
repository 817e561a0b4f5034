package org.mezite.node.internal;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A session process without a terminal: stdin, stdout and stderr are pipes, stderr goes to the channel's extended
 * data, and the client's EOF closes the process's stdin. When the process exits, its output is delivered up to EOF;
 * if a background child keeps a pipe open and stays silent, the session ends anyway rather than hang (the child's
 * later output is lost, as its writes then fail).
 */
final class PipeSessionProcess implements SessionProcess {

    private static final Logger LOG = LoggerFactory.getLogger(PipeSessionProcess.class);
    private static final int CHUNK = 32 * 1024;
    /** After the process exits, how long its pipes may stay silent before the session ends without their EOF. */
    private static final long QUIET_MILLIS = 300;

    private final Process process;
    private final Executor executor;
    private final SftpRequestAudit inputAudit;

    private PipeSessionProcess(Process process, Executor executor, SftpRequestAudit inputAudit) {
        this.process = process;
        this.executor = executor;
        this.inputAudit = inputAudit;
    }

    /**
     * @param command    the command line, already wrapped to run as the login in a session of its own
     * @param inputAudit what reads the client's input on its way to the process (sftp), or {@code null}
     * @throws IOException when the process cannot be started
     */
    static PipeSessionProcess start(List<String> command, Map<String, String> environment, String directory,
            Executor executor, SftpRequestAudit inputAudit) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(new File(directory));
        builder.environment().clear();
        builder.environment().putAll(environment);
        return new PipeSessionProcess(builder.start(), executor, inputAudit);
    }

    @Override
    public int pump(InputStream input, OutputStream output, OutputStream error, Traffic traffic)
            throws InterruptedException {
        CountDownLatch outputsDone = new CountDownLatch(2);
        AtomicLong delivered = new AtomicLong();
        executor.execute(() -> copyInput(input, process.getOutputStream(), traffic, inputAudit));
        executor.execute(() -> copyOutput(process.getInputStream(), output, traffic, delivered, outputsDone));
        executor.execute(() -> copyOutput(process.getErrorStream(), error, traffic, delivered, outputsDone));
        int status = process.waitFor();
        long seen = -1;
        while (!outputsDone.await(QUIET_MILLIS, TimeUnit.MILLISECONDS)) {
            long now = delivered.get();
            if (now == seen) {
                LOG.debug("a child of the finished process {} keeps its output open; ending the session",
                        process.pid());
                break;
            }
            seen = now;
        }
        return status;
    }

    private static void copyInput(InputStream input, OutputStream toProcess, Traffic traffic,
            SftpRequestAudit audit) {
        byte[] buffer = new byte[CHUNK];
        try (toProcess) {
            for (int n; (n = input.read(buffer)) >= 0;) {
                if (n > 0) {
                    traffic.received(n);
                    if (audit != null) {
                        audit.accept(buffer, 0, n);
                    }
                    toProcess.write(buffer, 0, n);
                    toProcess.flush();
                }
            }
        } catch (IOException e) {
            LOG.debug("process input ends: {}", e.toString());
        }
    }

    private static void copyOutput(InputStream fromProcess, OutputStream channel, Traffic traffic,
            AtomicLong delivered, CountDownLatch done) {
        byte[] buffer = new byte[CHUNK];
        try (fromProcess) {
            for (int n; (n = fromProcess.read(buffer)) >= 0;) {
                if (n > 0) {
                    channel.write(buffer, 0, n);
                    channel.flush();
                    traffic.sent(n);
                    delivered.addAndGet(n);
                }
            }
        } catch (IOException e) {
            LOG.debug("process output ends: {}", e.toString());
        } finally {
            done.countDown();
        }
    }

    @Override
    public void signal(int number) {
        ProcessSignals.toGroup(process.pid(), number);
    }

    @Override
    public void resize(int columns, int rows, int width, int height) {
        // no terminal
    }

    @Override
    public void hangup() {
        signal(Signals.HUP);
    }
}
