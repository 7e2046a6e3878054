namespace SharpAmt.WsMan.Amt;

/// <summary>InstanceIDs of the CIM_BootSourceSetting instances ChangeBootOrder takes.</summary>
public static class BootSourceIds
{
    public const string HardDrive = "Intel(r) AMT: Force Hard-drive Boot";
    public const string Pxe = "Intel(r) AMT: Force PXE Boot";
    public const string CdDvd = "Intel(r) AMT: Force CD/DVD Boot";
    public const string Diagnostic = "Intel(r) AMT: Force Diagnostic Boot";
}
