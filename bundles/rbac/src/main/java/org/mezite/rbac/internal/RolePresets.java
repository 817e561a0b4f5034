package org.mezite.rbac.internal;

import java.util.ArrayList;
import java.util.List;

import org.mezite.api.access.RoleDocument;
import org.mezite.api.access.RoleDocuments;
import org.mezite.api.store.ConflictException;
import org.mezite.api.store.RoleRepository;
import org.mezite.api.store.StoreException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the preset roles ({@code access}, {@code editor}, {@code auditor}) that do not exist yet when the hub starts,
 * like Teleport. A preset an administrator changed is left as it is; one they deleted comes back at the next start.
 */
@Component(immediate = true)
public final class RolePresets {

    private static final Logger LOG = LoggerFactory.getLogger(RolePresets.class);

    @Activate
    public RolePresets(@Reference RoleRepository roles, @Reference RoleDocuments documents) {
        List<String> created = new ArrayList<>();
        for (RoleDocument preset : documents.presets()) {
            try {
                if (roles.findByName(preset.name()).isEmpty()) {
                    roles.create(preset.name(), preset.yaml());
                    created.add(preset.name());
                }
            } catch (ConflictException e) {
                // another hub on the same database created it a moment ago
            } catch (StoreException e) {
                LOG.warn("Cannot create the preset role \"{}\": {}", preset.name(), e.getMessage());
            }
        }
        if (!created.isEmpty()) {
            LOG.info("Created the preset roles {}", String.join(", ", created));
        }
    }
}
