namespace SharpAmt.WsMan.Amt;

/// <summary>The methods both the client and the simulated device invoke or serve, by their wire names.</summary>
public static class AmtMethods
{
    public const string RequestPowerStateChange = "RequestPowerStateChange";
    public const string RequestOsPowerSavingStateChange = "RequestOSPowerSavingStateChange";
    public const string ChangeBootOrder = "ChangeBootOrder";
    public const string SetBootConfigRole = "SetBootConfigRole";
    public const string RequestStateChange = "RequestStateChange";
    public const string StartOptIn = "StartOptIn";
    public const string SendOptInCode = "SendOptInCode";
    public const string CancelOptIn = "CancelOptIn";
}
