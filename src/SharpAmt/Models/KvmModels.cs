namespace SharpAmt;

/// <summary>
/// KVM as the device has it configured (IPS_KVMRedirectionSettingData, reference section 4.5), with whether KVM
/// is enabled (CIM_KVMRedirectionSAP) and whether the redirection listener that KVM sessions use is open.
/// </summary>
/// <param name="DefaultScreen">The display KVM shows, from 0.</param>
/// <param name="MaxDefaultScreen">The highest display this firmware offers: 1, or 2 from AMT 10.</param>
/// <param name="SessionTimeoutMinutes">SessionTimeout.</param>
/// <param name="ConsentRequired">OptInPolicy: a KVM session needs user consent.</param>
/// <param name="ConsentTimeoutSeconds">OptInPolicyTimeout; null when the device does not report it (it omits it while consent is off).</param>
/// <param name="Port5900Enabled">Is5900PortEnabled: standard VNC on port 5900, without TLS, with the RFB password.</param>
/// <param name="EnabledByMebx">KVM was allowed in MEBx; a client cannot change this.</param>
/// <param name="GrayscaleSupported">GrayscalePixelFormatSupported; null on firmware that does not report it.</param>
/// <param name="ZlibSupported">ZlibControlSupported; null on firmware that does not report it.</param>
/// <param name="KvmEnabled">CIM_KVMRedirectionSAP is enabled.</param>
/// <param name="ListenerEnabled">AMT_RedirectionService.ListenerEnabled: ports 16994/16995 accept sessions.</param>
/// <param name="ActiveDisplays">
/// The displays the device reports connected (IPS_ScreenSettingData); null before AMT 8, which has no such class, or when
/// the device does not answer for it.
/// </param>
public sealed record KvmSettings(
    int DefaultScreen,
    int MaxDefaultScreen,
    int SessionTimeoutMinutes,
    bool ConsentRequired,
    int? ConsentTimeoutSeconds,
    bool Port5900Enabled,
    bool EnabledByMebx,
    bool? GrayscaleSupported,
    bool? ZlibSupported,
    bool KvmEnabled,
    bool ListenerEnabled,
    KvmDisplays? ActiveDisplays = null);

/// <summary>KVM settings to change; null leaves one as it is. Everything is checked before the first request.</summary>
public sealed record KvmSettingsChange
{
    public int? DefaultScreen { get; init; }

    public int? SessionTimeoutMinutes { get; init; }

    /// <summary>OptInPolicy. Turning it off needs a device that allows changing the consent policy (admin control mode).</summary>
    public bool? ConsentRequired { get; init; }

    public int? ConsentTimeoutSeconds { get; init; }

    /// <summary>Turning port 5900 on needs <see cref="RfbPassword"/>, and firmware before AMT 16.</summary>
    public bool? Port5900Enabled { get; init; }

    /// <summary>A new password for VNC authentication on port 5900.</summary>
    public RfbPassword? RfbPassword { get; init; }

    /// <summary>Switches KVM itself (CIM_KVMRedirectionSAP).</summary>
    public bool? KvmEnabled { get; init; }

    public bool IsEmpty => DefaultScreen is null && SessionTimeoutMinutes is null && ConsentRequired is null && ConsentTimeoutSeconds is null
        && Port5900Enabled is null && RfbPassword is null && KvmEnabled is null;
}
