namespace SharpAmt.Redirection.Ider.Wire;

/// <summary>SCSI sense key, additional sense code and qualifier, as 0x51 bytes 28–30 carry them.</summary>
public readonly record struct AtapiSense(byte Key, byte Asc, byte Ascq)
{
    public static readonly AtapiSense None;

    /// <summary>02/3A/00 NOT READY, MEDIUM NOT PRESENT.</summary>
    public static readonly AtapiSense MediumNotPresent = new(0x02, 0x3A, 0x00);

    /// <summary>05/20/00 ILLEGAL REQUEST, INVALID COMMAND OPERATION CODE.</summary>
    public static readonly AtapiSense InvalidCommand = new(0x05, 0x20, 0x00);

    /// <summary>05/21/00 ILLEGAL REQUEST, LOGICAL BLOCK ADDRESS OUT OF RANGE.</summary>
    public static readonly AtapiSense LbaOutOfRange = new(0x05, 0x21, 0x00);

    /// <summary>05/24/00 ILLEGAL REQUEST, INVALID FIELD IN CDB.</summary>
    public static readonly AtapiSense InvalidFieldInCdb = new(0x05, 0x24, 0x00);

    /// <summary>05/39/00 ILLEGAL REQUEST, SAVING PARAMETERS NOT SUPPORTED (MODE SENSE of saved values).</summary>
    public static readonly AtapiSense SavingParametersNotSupported = new(0x05, 0x39, 0x00);

    /// <summary>05/53/02 ILLEGAL REQUEST, MEDIUM REMOVAL PREVENTED.</summary>
    public static readonly AtapiSense MediumRemovalPrevented = new(0x05, 0x53, 0x02);

    /// <summary>06/28/00 UNIT ATTENTION, NOT READY TO READY CHANGE, MEDIUM MAY HAVE CHANGED.</summary>
    public static readonly AtapiSense MediumChanged = new(0x06, 0x28, 0x00);

    /// <summary>06/29/00 UNIT ATTENTION, POWER ON, RESET, OR BUS DEVICE RESET OCCURRED.</summary>
    public static readonly AtapiSense PowerOnReset = new(0x06, 0x29, 0x00);

    /// <summary>07/27/00 DATA PROTECT, WRITE PROTECTED.</summary>
    public static readonly AtapiSense WriteProtected = new(0x07, 0x27, 0x00);

    public bool IsGood => Key == 0;

    public bool IsUnitAttention => Key == 0x06;

    public override string ToString() => $"{Key:X2}/{Asc:X2}/{Ascq:X2}";
}
