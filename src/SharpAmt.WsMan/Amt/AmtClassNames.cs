namespace SharpAmt.WsMan.Amt;

/// <summary>The AMT, CIM and IPS classes both the client and the simulated device work with.</summary>
public static class AmtClassNames
{
    public const string GeneralSettings = "AMT_GeneralSettings";
    public const string SoftwareIdentity = "CIM_SoftwareIdentity";
    public const string ComputerSystem = "CIM_ComputerSystem";
    public const string ComputerSystemPackage = "CIM_ComputerSystemPackage";
    public const string SetupAndConfigurationService = "AMT_SetupAndConfigurationService";
    public const string HostBasedSetupService = "IPS_HostBasedSetupService";
    public const string EthernetPortSettings = "AMT_EthernetPortSettings";
    public const string EthernetPort = "CIM_EthernetPort";
    public const string Ipv6PortSettings = "IPS_IPv6PortSettings";
    public const string ElementSettingData = "CIM_ElementSettingData";
    public const string TimeSynchronizationService = "AMT_TimeSynchronizationService";
    public const string ServiceAvailableToElement = "CIM_ServiceAvailableToElement";
    public const string AssociatedPowerManagementService = "CIM_AssociatedPowerManagementService";
    public const string PowerManagementService = "CIM_PowerManagementService";
    public const string OsPowerManagementService = "IPS_PowerManagementService";
    public const string BootCapabilities = "AMT_BootCapabilities";
    public const string BootSettingData = "AMT_BootSettingData";
    public const string BootConfigSetting = "CIM_BootConfigSetting";
    public const string BootSourceSetting = "CIM_BootSourceSetting";
    public const string BootService = "CIM_BootService";
    public const string RedirectionService = "AMT_RedirectionService";
    public const string KvmRedirectionSap = "CIM_KVMRedirectionSAP";
    public const string KvmRedirectionSettingData = "IPS_KVMRedirectionSettingData";
    public const string OptInService = "IPS_OptInService";
    public const string ScreenSettingData = "IPS_ScreenSettingData";

    /// <summary>Secure I/O: its DefaultScreen is the display the user-consent code appears on.</summary>
    public const string SecIoService = "IPS_SecIOService";
}
