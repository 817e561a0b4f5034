package org.mezite.client;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "signup", description = {"Accept an invite: choose a password, enroll an authenticator app.",
    "Asks for the password twice and a current code; when standard input is not a terminal, reads one line each"
            + " from it."})
final class SignupCommand implements Callable<Integer> {

    /** As mezite:user-add prints it: 32 random bytes in hex. */
    private static final Pattern TOKEN = Pattern.compile("[0-9A-Fa-f]{64}");
    private static final int PASSWORD_TRIES = 3;

    @ParentCommand
    private Msh msh;

    @Spec
    private CommandSpec spec;

    @Option(names = "--proxy", paramLabel = "HOST:PORT", required = true,
            description = "The proxy's HTTPS address (port 3080 unless given)")
    String proxy;

    @Option(names = "--token", paramLabel = "TOKEN", required = true,
            description = "The invite token an administrator gave you")
    String token;

    @Mixin
    TrustOptions trust;

    @Override
    public Integer call() {
        MshContext context = msh.context();
        PrintWriter out = spec.commandLine().getOut();
        ProxyAddress address = ProxyAddress.parse(proxy);
        String invite = token.strip();
        if (!TOKEN.matcher(invite).matches()) {
            throw MshException.usage("--token: expected the 64 hex digits of an invite, as mezite:user-add prints"
                    + " them");
        }
        ProxyTrust proxyTrust = trust.resolve(null, spec.commandLine().getErr());
        ProxyClient client = new ProxyClient(address, proxyTrust);
        ProxyClient.Ping ping = client.ping();
        ProxyClient.SignupChallenge challenge;
        try {
            challenge = client.signupChallenge(invite);
        } catch (ApiError e) {
            throw MshException.failed("signup failed: " + e.getMessage());
        }

        out.println("Signing up " + challenge.user() + " on cluster " + ping.cluster() + ".");
        out.println();
        out.println("Add this account to your authenticator app (Google Authenticator, Aegis, 1Password, ...):");
        if (context.prompts().interactive() && !"dumb".equals(System.getenv("TERM"))) {
            out.print(QrCodeText.render(challenge.otpauthUri()));
        }
        out.println("  Secret: " + challenge.totpSecret());
        out.println("  URI:    " + challenge.otpauthUri());
        out.println();
        out.flush();

        char[] password = newPassword(context.prompts(), spec.commandLine().getErr());
        try {
            String code = context.prompts().line("Code from your authenticator app: ", "authenticator code").strip();
            client.signup(invite, password, code);
        } catch (ApiError e) {
            throw MshException.failed("signup failed: " + e.getMessage());
        } finally {
            Arrays.fill(password, '\0');
        }
        out.println("Signed up " + challenge.user() + ". Log in with:");
        out.println("  msh login --proxy " + address + " --user " + challenge.user()
                + (proxyTrust.pin() != null ? " --ca-pin " + proxyTrust.pin() : "")
                + (proxyTrust.insecure() ? " --insecure" : ""));
        out.flush();
        return 0;
    }

    /** The new password, typed twice; a person who mistyped is asked again. */
    private static char[] newPassword(Prompts prompts, PrintWriter err) {
        for (int attempt = 1;; attempt++) {
            char[] first = prompts.secret("New password (12 characters or more): ", "password");
            char[] second = prompts.secret("Type it again: ", "repeated password");
            boolean same = Arrays.equals(first, second);
            Arrays.fill(second, '\0');
            if (same) {
                return first;
            }
            Arrays.fill(first, '\0');
            if (!prompts.interactive()) {
                throw MshException.usage("the two passwords on standard input differ");
            }
            if (attempt == PASSWORD_TRIES) {
                throw MshException.usage("the passwords differed " + PASSWORD_TRIES + " times; run msh signup again");
            }
            err.println("The passwords differ; try again.");
            err.flush();
        }
    }
}
