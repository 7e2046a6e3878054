namespace SharpAmt.Eoi;

/// <summary>The bit masks of GetRemoteControlCapabilities (Intel SDK; reference section 5.5).</summary>
public static class EoiCapabilityMasks
{
    /// <summary>OemDefinedCapabilities bits.</summary>
    public static class Oem
    {
        public const uint Ider = 0x01;
        public const uint Sol = 0x02;
        public const uint BiosReflash = 0x04;
        public const uint BiosSetup = 0x08;
        public const uint BiosPause = 0x10;
    }

    /// <summary>SpecialCommandsSupported bits.</summary>
    public static class SpecialCommands
    {
        public const uint Pxe = 0x0100;
        public const uint HardDisk = 0x0200;
        public const uint HardDiskSafeMode = 0x0400;
        public const uint Diagnostics = 0x0800;
        public const uint CdDvd = 0x1000;
    }

    /// <summary>
    /// SystemCapabilitiesSupported bits. amttool decodes them wrongly (power-up as <c>&amp; 0x03</c>, reset as
    /// <c>&amp; 0x04</c>), so a device reporting all four looks right to it anyway.
    /// </summary>
    public static class PowerCommands
    {
        public const uint PowerCycleReset = 0x01;
        public const uint PowerDown = 0x02;
        public const uint PowerUp = 0x04;
        public const uint Reset = 0x08;
    }

    /// <summary>
    /// SystemFirmwareCapabilities bits: which <see cref="EoiBootOptions"/> the BIOS honours (ASF capability bits
    /// as the SDK names them; the values are the BootOptions bits they allow).
    /// </summary>
    public static class Firmware
    {
        public const uint VerbosityScreenBlank = 0x0002;
        public const uint PowerButtonLock = 0x0004;
        public const uint ResetButtonLock = 0x0008;
        public const uint KeyboardLock = 0x0020;
        public const uint SleepButtonLock = 0x0040;
        public const uint UserPasswordBypass = 0x0800;
        public const uint ForcedProgressEvents = 0x1000;
        public const uint VerbosityVerbose = 0x2000;
        public const uint VerbosityQuiet = 0x4000;
        public const uint ConfigurationDataReset = 0x8000;
    }
}

/// <summary>OEMparameters bits (Intel OEM command; note the wire spelling <c>OEMparameters</c>).</summary>
public static class EoiOemParameters
{
    /// <summary>Redirect the BIOS console to serial-over-LAN: what amttool's <c>bios</c> sends.</summary>
    public const uint UseSol = 1;
}

/// <summary>SpecialCommandParameter bits for the Intel OEM command (SDK; amttool never sends this field).</summary>
public static class EoiSpecialCommandParameters
{
    public const ushort UseIderFloppy = 1;
    public const ushort ReflashBios = 4;
    public const ushort BiosSetup = 8;
    public const ushort BiosPause = 16;

    /// <summary>UseIder (1) with the CD bit (256).</summary>
    public const ushort UseIderCd = 257;

    /// <summary>Bits the SDK defines; any other is refused.</summary>
    public const ushort Defined = UseIderCd | ReflashBios | BiosSetup | BiosPause;
}

/// <summary>BootOptions bits (SDK; amttool never sends this field).</summary>
public static class EoiBootOptions
{
    public const ushort LockPowerButton = 2;
    public const ushort LockResetButton = 4;
    public const ushort LockKeyboard = 32;
    public const ushort LockSleepButton = 64;
    public const ushort UserPasswordBypass = 2048;
    public const ushort ForceProgressEvents = 4096;

    /// <summary>Firmware verbosity, a two-bit field: 0 system default, then quiet, verbose, blank screen.</summary>
    public const ushort VerbosityMask = 24576;

    public const ushort VerbosityQuiet = 8192;
    public const ushort VerbosityVerbose = 16384;
    public const ushort VerbosityBlank = 24576;
    public const ushort ConfigurationDataReset = 32768;

    /// <summary>Bits the SDK defines; any other is refused.</summary>
    public const ushort Defined = LockPowerButton | LockResetButton | LockKeyboard | LockSleepButton | UserPasswordBypass
        | ForceProgressEvents | VerbosityMask | ConfigurationDataReset;
}
