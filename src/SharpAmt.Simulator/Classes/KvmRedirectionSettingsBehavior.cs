using System.Globalization;
using SharpAmt.WsMan.Amt;
using SharpAmt.WsMan.Wire;

namespace SharpAmt.Simulator.Classes;

/// <summary>
/// IPS_KVMRedirectionSettingData (reference section 4.5): Get reads <see cref="SimulatedDevice.Kvm"/>, Put checks
/// every field it carries before changing any, as firmware refuses a Put whole.
/// </summary>
internal sealed class KvmRedirectionSettingsBehavior : ClassBehavior
{
    private const int NotPermitted = 16;
    private const int InvalidParameter = 36;

    public override string ClassName => AmtClassNames.KvmRedirectionSettingData;

    public override IReadOnlyList<WsManObject> Instances(SimulatedDevice device, IReadOnlyList<WsManObject> templates) =>
        templates.Select(template => Read(device, template)).ToArray();

    private static WsManObject Read(SimulatedDevice device, WsManObject template)
    {
        var kvm = device.Kvm;
        var instance = template
            .With("DefaultScreen", kvm.DefaultScreen)
            .With("EnabledByMEBx", kvm.EnabledByMEBx)
            .With("Is5900PortEnabled", kvm.Is5900PortEnabled)
            .With("OptInPolicy", kvm.OptInPolicy)
            // Never the stored password: the recordings always carry an empty element.
            .With("RFBPassword", "")
            .With("SessionTimeout", kvm.SessionTimeout);

        // The recorded Put of a device whose policy is off has no OptInPolicyTimeout; the AMT 12 Get, with the policy on, has it.
        instance = kvm.OptInPolicy
            ? instance.WithInOrder("OptInPolicyTimeout", kvm.OptInPolicyTimeout.ToString(CultureInfo.InvariantCulture))
            : instance.Without("OptInPolicyTimeout");
        if (kvm.ReportsFrameBufferControls)
        {
            instance = instance
                .WithInOrder("DoubleBufferActive", "false")
                .WithInOrder("DoubleBufferEnabled", "true")
                .WithInOrder("GrayscalePixelFormatSupported", Text(kvm.GrayscalePixelFormatSupported))
                .WithInOrder("InitialDecimationModeForLowRes", kvm.InitialDecimationModeForLowRes.ToString(CultureInfo.InvariantCulture))
                .WithInOrder("ZlibControlSupported", Text(kvm.ZlibControlSupported));
        }

        return instance;
    }

    public override WsManObject Put(SimulatedDevice device, WsManObject current, WsManObject requested)
    {
        var kvm = device.Kvm;
        var consent = device.Consent;

        var screen = BoundedNumber(requested, "DefaultScreen", 0, kvm.MaxDefaultScreen);
        var sessionTimeout = BoundedNumber(requested, "SessionTimeout", 0, ushort.MaxValue);
        var policyTimeout = BoundedNumber(requested, "OptInPolicyTimeout", 0, ushort.MaxValue);
        var policy = Flag(requested, "OptInPolicy");
        var port5900 = Flag(requested, "Is5900PortEnabled");
        _ = Flag(requested, "EnabledByMEBx");

        // An empty RFBPassword is what a Get returns, so a client that Puts back what it read keeps the password.
        var password = requested.GetString("RFBPassword") is { Length: > 0 } text ? text : null;
        if (password is not null && !Host.KvmSettings.IsValidRfbPassword(password))
        {
            throw Refused(InvalidParameter);
        }

        if (port5900 == true && !kvm.Is5900PortEnabled)
        {
            if (!kvm.Offers5900)
            {
                throw Refused(NotPermitted);
            }

            // A VNC viewer could not authenticate without one (unconfirmed that firmware checks this).
            if (password is null && kvm.RfbPassword is null)
            {
                throw Refused(InvalidParameter);
            }
        }

        if (policy == false && consent.Required != OptIn.RequiredNone && !consent.CanModifyPolicy)
        {
            throw Refused(NotPermitted);
        }

        var changes = new List<string>();
        if (screen is { } newScreen && newScreen != kvm.DefaultScreen)
        {
            kvm.DefaultScreen = newScreen;
            changes.Add($"default screen {newScreen}");
        }

        if (sessionTimeout is { } minutes && minutes != kvm.SessionTimeout)
        {
            kvm.SessionTimeout = minutes;
            changes.Add($"session timeout {minutes} min");
        }

        if (policyTimeout is { } seconds && seconds != kvm.OptInPolicyTimeout)
        {
            kvm.OptInPolicyTimeout = seconds;
            changes.Add($"consent timeout {seconds} s");
        }

        if (policy is { } required && required != kvm.OptInPolicy)
        {
            // Turning the KVM policy on asks for consent for KVM only; an "all redirection" policy already covers it.
            consent.Required = required ? OptIn.RequiredKvm : OptIn.RequiredNone;
            changes.Add($"KVM consent {(required ? "required" : "not required")}");
        }

        if (password is not null)
        {
            kvm.RfbPassword = password;
            changes.Add("RFB password changed");
        }

        if (port5900 is { } open && open != kvm.Is5900PortEnabled)
        {
            kvm.Is5900PortEnabled = open;
            changes.Add($"port 5900 {(open ? "enabled" : "disabled")}");
        }

        if (changes.Count > 0)
        {
            device.RaiseSettings("KVM settings: " + string.Join(", ", changes));
        }

        return Read(device, current);
    }

    private static bool? Flag(WsManObject requested, string name) => requested.GetString(name)?.Trim() switch
    {
        null => null,
        "true" or "1" => true,
        "false" or "0" => false,
        _ => throw Refused(InvalidParameter),
    };

    private static string Text(bool value) => value ? "true" : "false";
}
