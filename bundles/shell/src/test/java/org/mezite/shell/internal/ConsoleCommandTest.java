package org.mezite.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.karaf.shell.support.CommandException;
import org.junit.jupiter.api.Test;
import org.mezite.api.access.AccessDeniedException;
import org.mezite.api.access.InvalidRoleException;
import org.mezite.api.store.ConflictException;
import org.mezite.api.store.NotFoundException;

class ConsoleCommandTest {

    @Test
    void mistakesEndInOneLineNamingThem() {
        assertThat(lineFor(new ConflictException("user \"alice\" already exists")))
                .isEqualTo("Error executing command: user \"alice\" already exists");
        assertThat(lineFor(new NotFoundException("role \"x\" does not exist")))
                .isEqualTo("Error executing command: role \"x\" does not exist");
        assertThat(lineFor(new IllegalArgumentException("role \"x\" does not exist")))
                .isEqualTo("Error executing command: role \"x\" does not exist");
        assertThat(lineFor(new InvalidRoleException("role \"dev\": spec.allow.node_labels.region: invalid regular"
                + " expression \"^(eu\"")))
                .isEqualTo("Error executing command: role \"dev\": spec.allow.node_labels.region: invalid regular"
                        + " expression \"^(eu\"");
        assertThat(lineFor(new AccessDeniedException("no role of bob allows delete on role")))
                .isEqualTo("Error executing command: access denied: no role of bob allows delete on role");
    }

    @Test
    void bugsAreLeftToKaraf() {
        ConsoleCommand broken = new ConsoleCommand() {
            @Override
            protected Object run() {
                throw new IllegalStateException("bug");
            }
        };

        assertThatThrownBy(broken::execute).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theCommandsValueComesBack() throws Exception {
        ConsoleCommand fine = new ConsoleCommand() {
            @Override
            protected Object run() {
                return "ok";
            }
        };

        assertThat(fine.execute()).isEqualTo("ok");
    }

    private static String lineFor(RuntimeException e) {
        ConsoleCommand failing = new ConsoleCommand() {
            @Override
            protected Object run() {
                throw e;
            }
        };
        try {
            failing.execute();
        } catch (CommandException thrown) {
            assertThat(thrown.getCause()).isSameAs(e);
            return thrown.getNiceHelp();
        } catch (Exception other) {
            throw new AssertionError("not a CommandException: " + other, other);
        }
        throw new AssertionError("no exception");
    }
}
