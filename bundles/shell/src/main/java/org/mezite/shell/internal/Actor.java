package org.mezite.shell.internal;

import org.apache.karaf.shell.support.ShellUtil;

/** Who runs a console command, for the audit log. */
final class Actor {

    private Actor() {
    }

    static String current() {
        String user = ShellUtil.getCurrentUserName();
        return user == null || user.isBlank() ? "console" : user;
    }
}
