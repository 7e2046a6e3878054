namespace SharpAmt.Simulator.Host.Screen;

/// <summary>What the simulated monitor shows.</summary>
public enum ScreenMode
{
    /// <summary>The host is off or asleep: a black picture, the size of the last mode.</summary>
    NoSignal,

    /// <summary>VGA text mode, 720 × 400: firmware, GRUB, the kernel and the tty1 login.</summary>
    Text,

    /// <summary>The OS's graphical desktop at the configured resolution.</summary>
    Desktop,
}
