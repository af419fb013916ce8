package org.manfadh.health;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.manfadh.platform.Page;
import org.manfadh.platform.PageRequest;

/**
 * Outbreak alerts and screening rules, made by health officers at headquarters and published to every post. At a
 * post they are read only. Mistakes are refused as {@link org.manfadh.platform.Rejection}s naming the field.
 */
public interface OutbreakAlerts {

    List<Disease> diseases();

    Alert create(HealthCommands.CreateAlert request, String username);

    /** Ends an alert; its rule applies no more from the day after {@code validUntil}. */
    Alert end(UUID id, HealthCommands.EndAlert request, String username);

    Optional<Alert> alert(UUID id);

    /** Alerts newest first; {@code active}: only those applying today (true) or only the others (false). */
    Page<Alert> alerts(Boolean active, PageRequest page);

    /** Every rule, standing and of alerts, the active first. */
    List<Rule> rules();

    Optional<Rule> rule(UUID id);

    Rule createRule(HealthCommands.RuleInput request, String username);

    Rule changeRule(UUID id, HealthCommands.RuleInput request, String username);
}
