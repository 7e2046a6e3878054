namespace SharpAmt;

/// <summary>The AMT classes AmtDevice uses, by name.</summary>
internal static class AmtClasses
{
    public const string GeneralSettings = "AMT_GeneralSettings";
    public const string SoftwareIdentity = "CIM_SoftwareIdentity";
    public const string ComputerSystemPackage = "CIM_ComputerSystemPackage";
    public const string SetupAndConfigurationService = "AMT_SetupAndConfigurationService";
    public const string ServiceAvailableToElement = "CIM_ServiceAvailableToElement";
    public const string AssociatedPowerManagementService = "CIM_AssociatedPowerManagementService";
    public const string PowerManagementService = "CIM_PowerManagementService";
    public const string OsPowerManagementService = "IPS_PowerManagementService";
    public const string ComputerSystem = "CIM_ComputerSystem";
    public const string BootCapabilities = "AMT_BootCapabilities";
    public const string BootSettingData = "AMT_BootSettingData";
    public const string BootConfigSetting = "CIM_BootConfigSetting";
    public const string BootSourceSetting = "CIM_BootSourceSetting";
    public const string BootService = "CIM_BootService";
    public const string RedirectionService = "AMT_RedirectionService";
    public const string KvmRedirectionSap = "CIM_KVMRedirectionSAP";
    public const string OptInService = "IPS_OptInService";

    public const string BootConfigurationInstance = "Intel(r) AMT: Boot Configuration 0";
}
