package org.mezite.node.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

import org.apache.sshd.common.channel.PtyMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the terminal modes of a {@code pty-req} to a new pseudo-terminal, as sshd does: the client's interrupt and
 * erase characters, echo, and so on. On Linux a {@code tcsetattr} on the master side sets the slave's modes. The
 * values are those of Linux's generic {@code termios} (x86, ARM, RISC-V); on other architectures the kernel's
 * defaults stay.
 */
final class TerminalModes {

    private static final Logger LOG = LoggerFactory.getLogger(TerminalModes.class);
    private static final Set<String> GENERIC_ARCHES = Set.of("amd64", "x86_64", "x86", "i386", "i686", "aarch64",
            "arm", "riscv64");

    /** {@code struct termios} of glibc on Linux: four flag words, the line discipline, 32 control characters. */
    private static final int IFLAG = 0;
    private static final int OFLAG = 4;
    private static final int CFLAG = 8;
    private static final int LFLAG = 12;
    private static final int CC = 17;
    private static final int SIZE = 60;
    private static final int TCSANOW = 0;
    private static final int CSIZE = 0x30;

    private static final Map<PtyMode, Integer> CHARACTERS = new EnumMap<>(PtyMode.class);
    private static final Map<PtyMode, int[]> FLAGS = new EnumMap<>(PtyMode.class);

    static {
        CHARACTERS.put(PtyMode.VINTR, 0);
        CHARACTERS.put(PtyMode.VQUIT, 1);
        CHARACTERS.put(PtyMode.VERASE, 2);
        CHARACTERS.put(PtyMode.VKILL, 3);
        CHARACTERS.put(PtyMode.VEOF, 4);
        CHARACTERS.put(PtyMode.VSTART, 8);
        CHARACTERS.put(PtyMode.VSTOP, 9);
        CHARACTERS.put(PtyMode.VSUSP, 10);
        CHARACTERS.put(PtyMode.VEOL, 11);
        CHARACTERS.put(PtyMode.VREPRINT, 12);
        CHARACTERS.put(PtyMode.VDISCARD, 13);
        CHARACTERS.put(PtyMode.VWERASE, 14);
        CHARACTERS.put(PtyMode.VLNEXT, 15);
        CHARACTERS.put(PtyMode.VEOL2, 16);

        flag(PtyMode.IGNPAR, IFLAG, 0x4);
        flag(PtyMode.PARMRK, IFLAG, 0x8);
        flag(PtyMode.INPCK, IFLAG, 0x10);
        flag(PtyMode.ISTRIP, IFLAG, 0x20);
        flag(PtyMode.INLCR, IFLAG, 0x40);
        flag(PtyMode.IGNCR, IFLAG, 0x80);
        flag(PtyMode.ICRNL, IFLAG, 0x100);
        flag(PtyMode.IUCLC, IFLAG, 0x200);
        flag(PtyMode.IXON, IFLAG, 0x400);
        flag(PtyMode.IXANY, IFLAG, 0x800);
        flag(PtyMode.IXOFF, IFLAG, 0x1000);
        flag(PtyMode.IMAXBEL, IFLAG, 0x2000);
        flag(PtyMode.IUTF8, IFLAG, 0x4000);
        flag(PtyMode.OPOST, OFLAG, 0x1);
        flag(PtyMode.OLCUC, OFLAG, 0x2);
        flag(PtyMode.ONLCR, OFLAG, 0x4);
        flag(PtyMode.OCRNL, OFLAG, 0x8);
        flag(PtyMode.ONOCR, OFLAG, 0x10);
        flag(PtyMode.ONLRET, OFLAG, 0x20);
        flag(PtyMode.PARENB, CFLAG, 0x100);
        flag(PtyMode.PARODD, CFLAG, 0x200);
        flag(PtyMode.ISIG, LFLAG, 0x1);
        flag(PtyMode.ICANON, LFLAG, 0x2);
        flag(PtyMode.XCASE, LFLAG, 0x4);
        flag(PtyMode.ECHO, LFLAG, 0x8);
        flag(PtyMode.ECHOE, LFLAG, 0x10);
        flag(PtyMode.ECHOK, LFLAG, 0x20);
        flag(PtyMode.ECHONL, LFLAG, 0x40);
        flag(PtyMode.NOFLSH, LFLAG, 0x80);
        flag(PtyMode.TOSTOP, LFLAG, 0x100);
        flag(PtyMode.ECHOCTL, LFLAG, 0x200);
        flag(PtyMode.ECHOKE, LFLAG, 0x800);
        flag(PtyMode.PENDIN, LFLAG, 0x4000);
        flag(PtyMode.IEXTEN, LFLAG, 0x8000);
    }

    private TerminalModes() {
    }

    private static void flag(PtyMode mode, int word, int bit) {
        FLAGS.put(mode, new int[] {word, bit});
    }

    /** Sets what it can of {@code modes} on the terminal whose master is {@code masterFd}; logs what it cannot. */
    static void apply(int masterFd, Map<PtyMode, Integer> modes) {
        if (modes.isEmpty() || !GENERIC_ARCHES.contains(System.getProperty("os.arch"))) {
            return;
        }
        byte[] termios = new byte[SIZE + 4];
        if (Posix.C.tcgetattr(masterFd, termios) != 0) {
            LOG.debug("cannot read the terminal modes of the new terminal");
            return;
        }
        ByteBuffer struct = ByteBuffer.wrap(termios).order(ByteOrder.nativeOrder());
        for (Map.Entry<PtyMode, Integer> mode : modes.entrySet()) {
            int value = mode.getValue();
            Integer character = CHARACTERS.get(mode.getKey());
            int[] flag = FLAGS.get(mode.getKey());
            if (character != null) {
                // 255 is "disabled" in the SSH encoding, _POSIX_VDISABLE (0) for Linux
                termios[CC + character] = (byte) (value == 255 ? 0 : value);
            } else if (flag != null) {
                int word = struct.getInt(flag[0]);
                struct.putInt(flag[0], value != 0 ? word | flag[1] : word & ~flag[1]);
            } else if (mode.getKey() == PtyMode.CS7 && value != 0) {
                struct.putInt(CFLAG, (struct.getInt(CFLAG) & ~CSIZE) | 0x20);
            } else if (mode.getKey() == PtyMode.CS8 && value != 0) {
                struct.putInt(CFLAG, (struct.getInt(CFLAG) & ~CSIZE) | 0x30);
            }
        }
        if (Posix.C.tcsetattr(masterFd, TCSANOW, termios) != 0) {
            LOG.debug("cannot set the terminal modes of the new terminal");
        }
    }
}
