package org.mezite.node.internal;

import com.sun.jna.Library;
import com.sun.jna.Native;

/** The few C library calls Java has no API for: signals to a process group, the effective uid, terminal modes. */
interface Posix extends Library {

    Posix C = Native.load("c", Posix.class);

    int kill(int pid, int signal);

    int geteuid();

    int tcgetattr(int fd, byte[] termios);

    int tcsetattr(int fd, int optionalActions, byte[] termios);
}
