using SharpAmt.Redirection.Ider.Client.Media;
using SharpAmt.Redirection.Ider.Wire;
using SharpAmt.Redirection.Ider.Wire.Messages;

namespace SharpAmt.Redirection.Ider.Client;

/// <summary>What an IDE-R session serves and how it talks to the device.</summary>
public sealed record IderSessionOptions
{
    /// <summary>The CD image the host sees on its IDE-R CD-ROM (drive 0xB0); null: a drive without a disc.</summary>
    public IIderMedium? Cdrom { get; init; }

    /// <summary>The floppy image on drive 0xA0; null: a drive without a disk.</summary>
    public IIderMedium? Floppy { get; init; }

    /// <summary>When the device connects the drives to the host: now (the default), gracefully, or on the next boot.</summary>
    public IderStartMode StartMode { get; init; } = IderStartMode.Now;

    /// <summary>The 0x40 as MeshCommander sends it: sequence 0, rx timeout 30 s, tx 0, heartbeat 20 s, version 1.</summary>
    public IderOpenSession Open { get; init; } = IderOpenSession.MeshCommanderDefaults(0);

    /// <summary>
    /// Bytes of answers gathered into one write: the data chunks of a large read go out in a few writes rather than
    /// one per 8 KiB chunk. Devices cut messages from the stream whatever the writes; 0 sends each message alone.
    /// </summary>
    public int WriteBatchSize { get; init; } = 256 * 1024;

    /// <summary>How long an orderly close waits for the device's 0x43.</summary>
    public TimeSpan CloseTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Longest wait, after a device reset (0x46), for the command being answered to stop before the 0x47.</summary>
    public TimeSpan ResetTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Commands the device may have sent ahead; it sends one at a time, so more is a broken device.</summary>
    public int CommandQueueLength { get; init; } = 16;
}
