package com.aftercare.asset;

public enum DeviceType {
    CAMERA, NVR, SWITCH, UPS, SERVER, OTHER
}
