using SharpAmt.Cli.Infrastructure;
using SharpAmt.Cli.Output;

namespace SharpAmt.Cli.Commands.Kvm;

/// <summary>KVM settings as printed and as JSON; null members are values the firmware does not report. The RFB password is never part of it.</summary>
internal sealed record KvmSettingsView(
    string Endpoint,
    bool Kvm,
    bool RedirectionListener,
    bool EnabledByMebx,
    int DefaultScreen,
    int MaxDefaultScreen,
    int SessionTimeoutMinutes,
    bool Consent,
    int? ConsentTimeoutSeconds,
    bool Port5900,
    bool? GrayscaleSupported,
    bool? ZlibSupported,
    IReadOnlyList<int>? ActiveDisplays)
{
    public static KvmSettingsView From(string endpoint, KvmSettings settings) => new(
        endpoint,
        settings.KvmEnabled,
        settings.ListenerEnabled,
        settings.EnabledByMebx,
        settings.DefaultScreen,
        settings.MaxDefaultScreen,
        settings.SessionTimeoutMinutes,
        settings.ConsentRequired,
        settings.ConsentTimeoutSeconds,
        settings.Port5900Enabled,
        settings.GrayscaleSupported,
        settings.ZlibSupported,
        settings.ActiveDisplays?.Numbers);

    public static void Show(CommandContext context, KvmSettingsView view, string host)
    {
        context.Output.Result(view, KvmJsonContext.Default.KvmSettingsView, console => console.Write(Tables.Titled($"KVM settings of {view.Endpoint}", Tables.Properties()
            .Row("KVM", view.EnabledByMebx ? Names.OnOff(view.Kvm) : "off (disabled in MEBx)")
            .Row("Redirection listener", Names.OnOff(view.RedirectionListener))
            .Row("Default screen", $"{view.DefaultScreen} (0 to {view.MaxDefaultScreen})")
            .Row("Displays", Displays(view.ActiveDisplays))
            .Row("Session timeout", $"{view.SessionTimeoutMinutes} min")
            .Row("User consent", view.Consent ? "required" : "not required")
            .Row("Consent timeout", view.ConsentTimeoutSeconds is { } seconds ? $"{seconds} s" : "not reported")
            .Row("Port 5900 (VNC)", Names.OnOff(view.Port5900))
            .Row("Grayscale", Offered(view.GrayscaleSupported))
            .Row("Zlib", Offered(view.ZlibSupported)))));
        if (view.Kvm && !view.RedirectionListener)
        {
            context.Output.Diagnostic($"hint: the redirection listener is off, so KVM cannot be used; turn it on with: amt features {host} --redirection on");
        }
    }

    private static string Displays(IReadOnlyList<int>? active) => active switch
    {
        null => "not reported",
        [] => "none active",
        [var only] => $"1 active ({only})",
        _ => $"{active.Count} active ({string.Join(", ", active)})",
    };

    private static string Offered(bool? supported) => supported is { } value ? (value ? "supported" : "not supported") : "not reported";
}
