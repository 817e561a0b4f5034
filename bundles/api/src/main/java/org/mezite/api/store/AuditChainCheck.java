package org.mezite.api.store;

/**
 * The outcome of checking the audit hash chain.
 *
 * @param checked  how many events were checked
 * @param brokenAt the id of the first event whose link or hash does not match, or 0 when the chain is intact
 * @param problem  what is wrong at {@code brokenAt}, or empty
 */
public record AuditChainCheck(long checked, long brokenAt, String problem) {

    public boolean intact() {
        return brokenAt == 0;
    }
}
