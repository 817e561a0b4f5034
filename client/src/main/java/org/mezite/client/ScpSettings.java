package org.mezite.client;

import java.util.List;

/**
 * What {@code msh scp} was asked to copy.
 *
 * @param sources       what to copy
 * @param target        where to
 * @param recursive     {@code -r}
 * @param preserveTimes {@code -p}
 * @param port          the node's SSH port
 * @param login         {@code -l}, or {@code null}
 */
record ScpSettings(List<String> sources, String target, boolean recursive, boolean preserveTimes, int port,
        String login) {
}
