package org.mezite.hub.internal;

/** How the hub stops when it cannot run at all; a seam so that tests can see the call without exiting the JVM. */
@FunctionalInterface
interface HubAbort {

    void abort(String message, int exitStatus);

    /**
     * Prints the message where the operator looks (the terminal of {@code bin/mezhub}) and exits the JVM from another
     * thread, so that the component runtime is not blocked while Karaf's shutdown hook stops the framework.
     */
    static HubAbort exitJvm() {
        return (message, exitStatus) -> {
            System.err.println(message);
            Thread exit = new Thread(() -> System.exit(exitStatus), "mezhub-abort");
            exit.setDaemon(true);
            exit.start();
        };
    }
}
