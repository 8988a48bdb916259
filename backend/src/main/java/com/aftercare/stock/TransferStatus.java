package com.aftercare.stock;

/** Where a transfer between warehouses is: on the road (in neither warehouse's stock) or received at the target. */
public enum TransferStatus { IN_TRANSIT, RECEIVED }
