package org.mezite.client;

import java.time.Clock;
import java.util.Map;

/**
 * What commands use from outside msh: its directory, the person to ask, the clock, the standard streams as bytes and
 * the environment. Tests give their own; msh itself makes one from the environment on first use.
 */
record MshContext(MshHome home, Prompts prompts, Clock clock, StdIo stdio, Map<String, String> environment) {

    MshContext(MshHome home, Prompts prompts, Clock clock) {
        this(home, prompts, clock, StdIo.ofThisProcess(), System.getenv());
    }
}
