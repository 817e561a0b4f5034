package org.mezite.client;

import java.time.Clock;

/**
 * What commands use from outside msh: its directory, the person to ask, the clock. Tests give their own; msh itself
 * makes one from the environment on first use.
 */
record MshContext(MshHome home, Prompts prompts, Clock clock) {
}
