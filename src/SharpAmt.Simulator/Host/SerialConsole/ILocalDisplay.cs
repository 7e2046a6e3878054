namespace SharpAmt.Simulator.Host.SerialConsole;

/// <summary>
/// The host's own monitor and keyboard as the console script sees them: text written to the VGA console (POST,
/// BIOS setup, GRUB, the kernel, the login on tty1), the moment the OS starts its graphical session, and the
/// keys typed on the local keyboard (which AMT's KVM drives).
/// </summary>
public interface ILocalDisplay
{
    /// <summary>Raised for each key typed on the local keyboard that the text console should receive.</summary>
    event Action<SerialKey>? KeyTyped;

    /// <summary>Text for the monitor's text mode, with the same VT100 sequences the serial port gets.</summary>
    void Write(string text);

    /// <summary>The OS is up and its display manager has started (the monitor may switch to the desktop).</summary>
    void GraphicalSessionStarted();
}
