package com.aftercare.configitem;

/** What a configuration item is (seed 003 配置管理: 分类). Devices, the hardware, are the asset archive's. */
public enum ConfigItemKind {
    /** 应用系统: what the customer's people use, e.g. 视频监控平台, 门禁管理系统. */
    APPLICATION,
    /** 平台软件: software the applications rest on, e.g. a recorder's management server, a database. */
    SOFTWARE,
    /** 网络链路: a line or network segment, e.g. 公安专网链路, a VLAN. */
    NETWORK,
    /** 业务服务: what the unit relies on, e.g. 110 联网共享, 录像调阅. */
    SERVICE
}
