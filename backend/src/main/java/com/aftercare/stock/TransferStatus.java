package com.aftercare.stock;

/**
 * Where a transfer between warehouses is: on the road (in neither warehouse's stock), received at the target, or
 * withdrawn while on the road (its parts back in the source).
 */
public enum TransferStatus { IN_TRANSIT, RECEIVED, CANCELLED }
