using System.Globalization;

namespace SharpAmt.Eoi;

/// <summary>
/// AMT PT_STATUS codes (reference section 3.10), the status every EOI reply starts with. Names are as the SDK
/// spells them; <see cref="Describe"/> gives amttool's wording.
/// </summary>
public static class PtStatus
{
    public const uint Success = 0x000;
    public const uint InternalError = 0x001;
    public const uint InvalidPtMode = 0x003;
    public const uint InvalidName = 0x00C;
    public const uint InvalidByteCount = 0x00F;
    public const uint NotPermitted = 0x010;
    public const uint MaxLimitReached = 0x017;
    public const uint InvalidAuthType = 0x018;
    public const uint InvalidDhcpMode = 0x01A;
    public const uint InvalidIpAddress = 0x01B;
    public const uint InvalidDomainName = 0x01C;
    public const uint InvalidProvisioningState = 0x020;
    public const uint InvalidTime = 0x022;
    public const uint InvalidIndex = 0x023;
    public const uint InvalidParameter = 0x024;
    public const uint InvalidNetmask = 0x025;
    public const uint FlashWriteLimitExceeded = 0x026;
    public const uint DisabledByPolicy = 0x400;
    public const uint NetworkIfErrorBase = 0x800;
    public const uint UnsupportedOemNumber = 0x801;
    public const uint UnsupportedBootOption = 0x802;
    public const uint InvalidCommand = 0x803;
    public const uint InvalidSpecialCommand = 0x804;
    public const uint InvalidHandle = 0x805;
    public const uint InvalidPassword = 0x806;
    public const uint InvalidRealm = 0x807;
    public const uint StorageAclEntryInUse = 0x808;
    public const uint DataMissing = 0x809;
    public const uint Duplicate = 0x80A;
    public const uint EventlogFrozen = 0x80B;
    public const uint PkiMissingKeys = 0x80C;
    public const uint PkiGeneratingKeys = 0x80D;
    public const uint InvalidKey = 0x80E;
    public const uint InvalidCert = 0x80F;
    public const uint CertKeyNotMatch = 0x810;
    public const uint MaxKerbDomainReached = 0x811;
    public const uint Unsupported = 0x812;
    public const uint InvalidPriority = 0x813;
    public const uint NotFound = 0x814;
    public const uint InvalidCredentials = 0x815;
    public const uint InvalidPassphrase = 0x816;
    public const uint NoAssociation = 0x818;
    public const uint UserConsentRequired = 0x821;

    private static readonly Dictionary<uint, string> Names = new()
    {
        [Success] = "SUCCESS",
        [InternalError] = "INTERNAL_ERROR",
        [InvalidPtMode] = "INVALID_PT_MODE",
        [InvalidName] = "INVALID_NAME",
        [InvalidByteCount] = "INVALID_BYTE_COUNT",
        [NotPermitted] = "NOT_PERMITTED",
        [MaxLimitReached] = "MAX_LIMIT_REACHED",
        [InvalidAuthType] = "INVALID_AUTH_TYPE",
        [InvalidDhcpMode] = "INVALID_DHCP_MODE",
        [InvalidIpAddress] = "INVALID_IP_ADDRESS",
        [InvalidDomainName] = "INVALID_DOMAIN_NAME",
        [InvalidProvisioningState] = "INVALID_PROVISIONING_STATE",
        [InvalidTime] = "INVALID_TIME",
        [InvalidIndex] = "INVALID_INDEX",
        [InvalidParameter] = "INVALID_PARAMETER",
        [InvalidNetmask] = "INVALID_NETMASK",
        [FlashWriteLimitExceeded] = "FLASH_WRITE_LIMIT_EXCEEDED",
        [DisabledByPolicy] = "DISABLED_BY_POLICY",
        [NetworkIfErrorBase] = "NETWORK_IF_ERROR_BASE",
        [UnsupportedOemNumber] = "UNSUPPORTED_OEM_NUMBER",
        [UnsupportedBootOption] = "UNSUPPORTED_BOOT_OPTION",
        [InvalidCommand] = "INVALID_COMMAND",
        [InvalidSpecialCommand] = "INVALID_SPECIAL_COMMAND",
        [InvalidHandle] = "INVALID_HANDLE",
        [InvalidPassword] = "INVALID_PASSWORD",
        [InvalidRealm] = "INVALID_REALM",
        [StorageAclEntryInUse] = "STORAGE_ACL_ENTRY_IN_USE",
        [DataMissing] = "DATA_MISSING",
        [Duplicate] = "DUPLICATE",
        [EventlogFrozen] = "EVENTLOG_FROZEN",
        [PkiMissingKeys] = "PKI_MISSING_KEYS",
        [PkiGeneratingKeys] = "PKI_GENERATING_KEYS",
        [InvalidKey] = "INVALID_KEY",
        [InvalidCert] = "INVALID_CERT",
        [CertKeyNotMatch] = "CERT_KEY_NOT_MATCH",
        [MaxKerbDomainReached] = "MAX_KERB_DOMAIN_REACHED",
        [Unsupported] = "UNSUPPORTED",
        [InvalidPriority] = "INVALID_PRIORITY",
        [NotFound] = "NOT_FOUND",
        [InvalidCredentials] = "INVALID_CREDENTIALS",
        [InvalidPassphrase] = "INVALID_PASSPHRASE",
        [NoAssociation] = "NO_ASSOCIATION",
        [UserConsentRequired] = "USER_CONSENT_REQUIRED",
    };

    /// <summary><c>PT_STATUS_INVALID_COMMAND</c>, or <c>PT_STATUS_0x1234</c> for a code without a name.</summary>
    public static string Name(uint status) =>
        "PT_STATUS_" + (Names.TryGetValue(status, out var name) ? name : "0x" + status.ToString("X", CultureInfo.InvariantCulture));

    /// <summary>
    /// amttool's rendering (<c>invalid special_command</c>): lower case, the first underscore a space. Null for a
    /// code it has no name for, which it prints as <c>unknown pt_status code</c>.
    /// </summary>
    public static string? Describe(uint status)
    {
        if (status is DisabledByPolicy or UserConsentRequired || !Names.TryGetValue(status, out var name))
        {
            return null;
        }

        var lower = name.ToLowerInvariant();
        var underscore = lower.IndexOf('_', StringComparison.Ordinal);
        return underscore < 0 ? lower : string.Concat(lower.AsSpan(0, underscore), " ", lower.AsSpan(underscore + 1));
    }
}
