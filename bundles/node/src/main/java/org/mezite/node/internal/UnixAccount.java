package org.mezite.node.internal;

/**
 * A login as the host's user database knows it.
 *
 * @param name  the login name
 * @param uid   its user id
 * @param gid   its primary group id
 * @param home  its home directory
 * @param shell its login shell, {@code /bin/sh} when the database names none
 */
record UnixAccount(String name, int uid, int gid, String home, String shell) {

    boolean isRoot() {
        return uid == 0;
    }
}
