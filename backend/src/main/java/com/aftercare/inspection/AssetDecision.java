package com.aftercare.inspection;

/** PM-5: where a correction found on site stands with the asset keeper. */
public enum AssetDecision { PROPOSED, APPROVED, REJECTED }
