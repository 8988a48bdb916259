/**
 * Small classes that each break one rule of {@link com.aftercare.architecture.FeatureRules} exactly once,
 * as if {@code planted} were the application's root and {@code alpha}, {@code beta}, {@code workflow} its features.
 * Never used at run time; {@link com.aftercare.architecture.PlantedViolationsTest} imports them.
 */
package com.aftercare.architecture.planted;
