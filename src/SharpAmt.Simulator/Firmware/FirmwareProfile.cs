namespace SharpAmt.Simulator.Firmware;

/// <summary>
/// What one AMT generation looks like on the wire. Every generation difference the simulator knows lives
/// here, so handlers never compare version numbers themselves.
/// </summary>
public sealed record FirmwareProfile
{
    public required FirmwareVersion Version { get; init; }

    public required int Build { get; init; }

    public int Sku { get; init; } = 16392;

    /// <summary>
    /// The version text in the Server header: three parts before AMT 11, four (with the build) from AMT 11.
    /// </summary>
    public string ServerVersion => Version.Major >= 11 ? $"{Version}.{Build}" : Version.ToString();

    /// <summary>CSME 16.1 and later refuse remote non-TLS connections: only 16993 listens.</summary>
    public bool TlsOnly => Version >= new FirmwareVersion(16, 1);

    /// <summary>The qop list of the 401 challenge: AMT 16.1 offers auth-int first.</summary>
    public string DigestQop => TlsOnly ? "auth-int, auth" : "auth";

    /// <summary>
    /// The legacy EOI SOAP services (/SecurityAdministrationService and the others): every generation up to 8;
    /// AMT 9.0 removed them (reference section 1.2).
    /// </summary>
    public bool ServesEoi => Version.Major <= 8;

    /// <summary>
    /// WS-Management at /wsman, from AMT 3.2 (DSP0226 1.0). AMT 3.0 had a pre-standard WS-Man that no client in
    /// scope speaks, so 2.x and 3.0 are EOI only here. AMT 3.2 to 8 serve both; each class from the catalogue
    /// generation that introduced it.
    /// </summary>
    public bool ServesWsMan => Version >= new FirmwareVersion(3, 2);

    /// <summary>
    /// The wired controller EOI's GetInterfaceSettings names in HardwareAddressDescription: the Intel PHY of the
    /// chipset generation that shipped this firmware (the exact text firmware used is unconfirmed).
    /// </summary>
    public string NetworkController { get; init; } = "Intel(R) Ethernet Connection I219-LM";

    /// <summary>Graceful off/reset, sleep and hibernate (12, 14, 4, 7) arrived with AMT 9.</summary>
    public bool HasOsPowerStates => Version.Major >= 9;

    /// <summary>User consent (IPS_OptInService) appeared with AMT 6.2.</summary>
    public bool HasUserConsent => Version >= new FirmwareVersion(6, 2);

    public bool HasKvm => Version.Major >= 6;

    /// <summary>IPS_PowerManagementService.OSPowerSavingState, AMT 10 and later.</summary>
    public bool HasOsPowerSaving => Version.Major >= 10;

    public bool Has(FirmwareVersion since) => Version >= since;

    public override string ToString() => ServerVersion;
}
