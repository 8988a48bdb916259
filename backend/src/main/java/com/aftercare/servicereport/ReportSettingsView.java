package com.aftercare.servicereport;

import java.util.List;

/**
 * A contract's report settings as the contract page shows them. policyCode: the contract's policy, whose levels these are. enabled: scheduled reports are made (the settings
 * were saved once); majorLevel: the level in force (the contract's choice or its policy's default); levels: the
 * policy's levels, most severe first, to choose from.
 */
public record ReportSettingsView(long contractId, String policyCode, boolean enabled, List<String> recipients, String majorLevel,
        boolean majorLevelChosen, List<String> levels) {
}
