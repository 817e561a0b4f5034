package org.mezite.shell.internal;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.mezite.api.store.User;
import org.mezite.api.store.UserRepository;

@Service
@Command(scope = "mezite", name = "user-list", description = "Lists local users: roles, logins and whether they can log in")
public class UserListCommand implements Action {

    @Option(name = "--format", description = "text or json")
    String format = "text";

    @Reference
    UserRepository users;

    @Override
    public Object execute() {
        boolean json = Output.json(format);
        List<User> all = users.list().stream().sorted(Comparator.comparing(User::username)).toList();
        java.time.Instant now = java.time.Instant.now();
        if (json) {
            System.out.println(Output.toJson(all.stream().map(u -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("username", u.username());
                m.put("roles", u.roles());
                m.put("logins", u.logins());
                m.put("state", state(u, now));
                m.put("created_at", u.createdAt() == null ? null : u.createdAt().toString());
                return m;
            }).toList()));
            return null;
        }
        ShellTable table = new ShellTable();
        table.column("User");
        table.column("Roles");
        table.column("Logins");
        table.column("State");
        for (User u : all) {
            table.addRow().addContent(u.username(), String.join(",", u.roles()), String.join(",", u.logins()),
                    state(u, now));
        }
        table.print(System.out);
        return null;
    }

    static String state(User u, java.time.Instant now) {
        if (u.lockedAt(now)) {
            return "locked until " + u.lockedUntil();
        }
        return u.passwordHash() == null ? "invited" : "active";
    }
}
