package org.mezite.client;

import org.apache.sshd.client.auth.keyboard.UserInteraction;
import org.apache.sshd.client.session.ClientSession;

/**
 * Keeps the banner the proxy sends while it refuses a certificate (expired, from another cluster, a lock on the user):
 * the refusal itself only says that no method is left, the banner says why. MINA hands banners over only when
 * interaction is allowed; msh offers no method that prompts, and answers none.
 */
final class ProxyBanner implements UserInteraction {

    private volatile String banner = "";

    @Override
    public boolean isInteractionAllowed(ClientSession session) {
        return true;
    }

    @Override
    public void welcome(ClientSession session, String text, String lang) {
        banner = text == null ? "" : text.strip();
    }

    @Override
    public String[] interactive(ClientSession session, String name, String instruction, String lang, String[] prompt,
            boolean[] echo) {
        return null;
    }

    @Override
    public String getUpdatedPassword(ClientSession session, String prompt, String lang) {
        return null;
    }

    /** The last banner, stripped; empty when there was none. */
    String text() {
        return banner;
    }
}
