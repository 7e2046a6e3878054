namespace SharpAmt.Simulator.Classes;

/// <summary>The stateful classes, by class name. Behaviours hold no state of their own.</summary>
internal static class ClassBehaviors
{
    private static readonly Dictionary<string, ClassBehavior> ByName = new ClassBehavior[]
    {
        new GeneralSettingsBehavior(),
        new AssociatedPowerManagementServiceBehavior(),
        new PowerManagementServiceBehavior(),
        new OsPowerManagementServiceBehavior(),
        new BootSettingDataBehavior(),
        new BootCapabilitiesBehavior(),
        new BootSourceSettingBehavior(),
        new BootConfigSettingBehavior(),
        new BootServiceBehavior(),
        new RedirectionServiceBehavior(),
        new KvmRedirectionSapBehavior(),
        new KvmRedirectionSettingsBehavior(),
        new ScreenSettingDataBehavior(),
        new OptInServiceBehavior(),
        new SecIoServiceBehavior(),
        new SoftwareIdentityBehavior(),
        new SetupAndConfigurationServiceBehavior(),
        new HostBasedSetupServiceBehavior(),
        new ComputerSystemPackageBehavior(),
        new EthernetPortSettingsBehavior(),
        new ElementSettingDataBehavior(),
        new Ipv6PortSettingsBehavior(),
        new TimeSynchronizationServiceBehavior(),
    }.ToDictionary(behavior => behavior.ClassName, StringComparer.Ordinal);

    public static ClassBehavior? Find(string className) => ByName.GetValueOrDefault(className);

    public static IEnumerable<string> Names => ByName.Keys;
}
