package org.mezite.client;

import java.util.EnumMap;
import java.util.Map;

import org.apache.sshd.common.channel.PtyChannelConfigurationHolder;
import org.apache.sshd.common.channel.PtyMode;

/**
 * The local terminal's modes for the node's PTY, as OpenSSH sends them: its control characters (so that Backspace,
 * Ctrl-C, Ctrl-Z and the rest mean there what they mean here) and its main flags, read from GNU {@code stty -g}
 * ({@code iflag:oflag:cflag:lflag:cc0:cc1:...} in hex, Linux's termios layout).
 */
final class TtyModes {

    private static final int POSIX_VDISABLE = 0;
    private static final int SSH_VDISABLE = 255;
    /** Linux's c_cc indices, in PtyMode order. */
    private static final Object[][] CHARACTERS = {
        {PtyMode.VINTR, 0}, {PtyMode.VQUIT, 1}, {PtyMode.VERASE, 2}, {PtyMode.VKILL, 3}, {PtyMode.VEOF, 4},
        {PtyMode.VEOL, 11}, {PtyMode.VEOL2, 16}, {PtyMode.VSTART, 8}, {PtyMode.VSTOP, 9}, {PtyMode.VSUSP, 10},
        {PtyMode.VREPRINT, 12}, {PtyMode.VWERASE, 14}, {PtyMode.VLNEXT, 15}, {PtyMode.VDISCARD, 13},
    };
    private static final Object[][] INPUT_FLAGS = {
        {PtyMode.IGNPAR, 0x4}, {PtyMode.PARMRK, 0x8}, {PtyMode.INPCK, 0x10}, {PtyMode.ISTRIP, 0x20},
        {PtyMode.INLCR, 0x40}, {PtyMode.IGNCR, 0x80}, {PtyMode.ICRNL, 0x100}, {PtyMode.IXON, 0x400},
        {PtyMode.IXANY, 0x800}, {PtyMode.IXOFF, 0x1000}, {PtyMode.IMAXBEL, 0x2000}, {PtyMode.IUTF8, 0x4000},
    };
    private static final Object[][] OUTPUT_FLAGS = {
        {PtyMode.OPOST, 0x1}, {PtyMode.ONLCR, 0x4}, {PtyMode.OCRNL, 0x8},
    };
    private static final Object[][] LOCAL_FLAGS = {
        {PtyMode.ISIG, 0x1}, {PtyMode.ICANON, 0x2}, {PtyMode.ECHO, 0x8}, {PtyMode.ECHOE, 0x10},
        {PtyMode.ECHOK, 0x20}, {PtyMode.ECHONL, 0x40}, {PtyMode.NOFLSH, 0x80}, {PtyMode.TOSTOP, 0x100},
        {PtyMode.ECHOCTL, 0x200}, {PtyMode.ECHOKE, 0x800}, {PtyMode.IEXTEN, 0x8000},
    };

    private TtyModes() {
    }

    /** @param sttyG what {@code stty -g} printed, or {@code null}: then MINA's sensible defaults */
    static Map<PtyMode, Integer> of(String sttyG) {
        Map<PtyMode, Integer> modes = new EnumMap<>(PtyChannelConfigurationHolder.DEFAULT_PTY_MODES);
        if (sttyG == null) {
            return modes;
        }
        String[] fields = sttyG.strip().split(":");
        if (fields.length < 4 + 17) {
            return modes;
        }
        try {
            long iflag = Long.parseLong(fields[0], 16);
            long oflag = Long.parseLong(fields[1], 16);
            long lflag = Long.parseLong(fields[3], 16);
            for (Object[] character : CHARACTERS) {
                int value = Integer.parseInt(fields[4 + (Integer) character[1]], 16);
                modes.put((PtyMode) character[0], value == POSIX_VDISABLE ? SSH_VDISABLE : value);
            }
            flags(modes, INPUT_FLAGS, iflag);
            flags(modes, OUTPUT_FLAGS, oflag);
            flags(modes, LOCAL_FLAGS, lflag);
        } catch (NumberFormatException e) {
            return new EnumMap<>(PtyChannelConfigurationHolder.DEFAULT_PTY_MODES);
        }
        return modes;
    }

    private static void flags(Map<PtyMode, Integer> modes, Object[][] table, long bits) {
        for (Object[] flag : table) {
            modes.put((PtyMode) flag[0], (bits & (Integer) flag[1]) != 0 ? 1 : 0);
        }
    }
}
