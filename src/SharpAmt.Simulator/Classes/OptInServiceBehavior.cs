using System.Globalization;
using SharpAmt.WsMan.Amt;
using SharpAmt.WsMan.Wire;

namespace SharpAmt.Simulator.Classes;

/// <summary>IPS_OptInService: the consent policy (Put) and the code flow (StartOptIn, SendOptInCode, CancelOptIn).</summary>
internal sealed class OptInServiceBehavior : ClassBehavior
{
    private const int NotPermitted = 16;
    private const int InvalidParameter = 36;

    public override string ClassName => AmtClassNames.OptInService;

    public override IReadOnlyList<WsManObject> Instances(SimulatedDevice device, IReadOnlyList<WsManObject> templates)
    {
        var consent = device.Consent;
        return templates.Select(template => template
            .With("CanModifyOptInPolicy", consent.CanModifyPolicy ? 1 : 0)
            .With("OptInCodeTimeout", (long)consent.CodeTimeout.TotalSeconds)
            .With("OptInDisplayTimeout", (long)consent.DisplayTimeout.TotalSeconds)
            .With("OptInRequired", consent.Required)
            .With("OptInState", (int)consent.State)).ToArray();
    }

    public override WsManObject Put(SimulatedDevice device, WsManObject current, WsManObject requested)
    {
        var consent = device.Consent;
        if (requested.GetInt64("OptInRequired") is { } required && required != consent.Required)
        {
            if (required is not (OptIn.RequiredNone or OptIn.RequiredKvm or OptIn.RequiredAll))
            {
                throw Refused(InvalidParameter);
            }

            if (!consent.CanModifyPolicy)
            {
                throw Refused(NotPermitted);
            }

            consent.Required = (uint)required;
            device.RaiseSettings($"consent policy: {DescribePolicy(consent.Required)}");
        }

        if (requested.GetInt64("OptInCodeTimeout") is { } codeTimeout and > 0)
        {
            consent.CodeTimeout = TimeSpan.FromSeconds(codeTimeout);
        }

        if (requested.GetInt64("OptInDisplayTimeout") is { } displayTimeout and > 0)
        {
            consent.DisplayTimeout = TimeSpan.FromSeconds(displayTimeout);
        }

        return Instances(device, [current])[0];
    }

    public override WsManObject Invoke(SimulatedDevice device, WsManObject instance, string method, WsManObject input)
    {
        var consent = device.Consent;
        switch (method)
        {
            case AmtMethods.StartOptIn:
                var started = consent.Start();
                if (started == 0)
                {
                    device.RaiseConsent($"user consent code {consent.DisplayedCode} shown on the host screen");
                }

                return Output(method, started);

            case AmtMethods.SendOptInCode:
                // MeshCommander sends the code as a number, so leading zeros may be missing.
                var code = input.GetInt64("OptInCode");
                var text = code is >= 0 and < 1_000_000 ? code.Value.ToString("D6", CultureInfo.InvariantCulture) : input.GetString("OptInCode") ?? "";
                var result = consent.SendCode(text);
                device.RaiseConsent(result == 0 ? "user consent granted" : "wrong user consent code entered");
                return Output(method, result);

            case AmtMethods.CancelOptIn:
                var cancelled = consent.Cancel();
                if (cancelled == 0)
                {
                    device.RaiseConsent("user consent cancelled");
                }

                return Output(method, cancelled);

            default:
                return base.Invoke(device, instance, method, input);
        }
    }

    private static string DescribePolicy(uint required) => required switch
    {
        OptIn.RequiredNone => "none",
        OptIn.RequiredKvm => "KVM",
        _ => "all redirection",
    };
}
