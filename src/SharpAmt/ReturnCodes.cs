namespace SharpAmt;

/// <summary>
/// Names for the values methods return (reference section 3.10): AMT PT_STATUS codes for AMT_* and IPS_*
/// methods, CIM generic codes for CIM_* methods.
/// </summary>
public static class ReturnCodes
{
    private static readonly Dictionary<uint, string> PtStatus = new()
    {
        [0x000] = "success",
        [0x001] = "internal error",
        [0x002] = "not ready or invalid state",
        [0x003] = "invalid AMT mode",
        [0x00C] = "invalid name",
        [0x00F] = "invalid byte count",
        [0x010] = "not permitted",
        [0x017] = "maximum limit reached",
        [0x018] = "invalid authentication type",
        [0x01A] = "invalid DHCP mode",
        [0x01B] = "invalid IP address",
        [0x01C] = "invalid domain name",
        [0x020] = "invalid provisioning state",
        [0x022] = "invalid time",
        [0x023] = "invalid index",
        [0x024] = "invalid parameter",
        [0x025] = "invalid netmask",
        [0x026] = "flash write limit exceeded",
        [0x400] = "disabled by policy",
        [0x800] = "network interface error",
        [0x801] = "unsupported OEM number",
        [0x802] = "unsupported boot option",
        [0x803] = "invalid command",
        [0x804] = "invalid special command",
        [0x805] = "invalid handle",
        [0x806] = "invalid password",
        [0x807] = "invalid realm",
        [0x808] = "ACL entry in use",
        [0x809] = "data missing",
        [0x80A] = "duplicate",
        [0x80B] = "event log frozen",
        [0x80C] = "PKI keys missing",
        [0x80D] = "PKI still generating keys",
        [0x80E] = "invalid key",
        [0x80F] = "invalid certificate",
        [0x810] = "certificate does not match the key",
        [0x811] = "maximum Kerberos domains reached",
        [0x812] = "unsupported",
        [0x813] = "invalid priority",
        [0x814] = "not found",
        [0x815] = "invalid credentials",
        [0x816] = "invalid passphrase",
        [0x818] = "no association",
        [0x821] = "user consent required",
    };

    private static readonly Dictionary<uint, string> CimGeneric = new()
    {
        [0] = "completed",
        [1] = "not supported",
        [2] = "unknown or unspecified error (often: not possible in the current state)",
        [3] = "timeout",
        [4] = "failed",
        [5] = "invalid parameter",
        [6] = "in use",
        [4096] = "job started",
        [4097] = "invalid state transition",
        [4098] = "timeout parameter not supported",
        [4099] = "busy",
    };

    /// <summary>A readable meaning of <paramref name="value"/> returned by a method of <paramref name="className"/>.</summary>
    public static string Describe(string className, uint value)
    {
        var table = className.StartsWith("CIM_", StringComparison.Ordinal) ? CimGeneric : PtStatus;
        return table.TryGetValue(value, out var text) ? text : $"code {value}";
    }

    /// <summary>A PT_STATUS name, as carried in "AMT-STATUS n" fault details.</summary>
    public static string DescribePtStatus(uint value) => PtStatus.TryGetValue(value, out var text) ? text : $"code {value}";
}
