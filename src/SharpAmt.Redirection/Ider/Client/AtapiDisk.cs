using System.Diagnostics;
using SharpAmt.Redirection.Ider.Client.Media;
using SharpAmt.Redirection.Ider.Wire;

namespace SharpAmt.Redirection.Ider.Client;

/// <summary>
/// A read-only ATAPI drive as the client of IDE-R emulates it: answers each CDB the host's BIOS or OS sends with data
/// and real sense codes (reference §6.5.8), never the "always GOOD" of MeshCommander. Commands are executed one at a
/// time, as the device sends them; <see cref="Reset"/> may come from another task.
/// </summary>
public sealed partial class AtapiDisk
{
    /// <summary>The read buffer size MeshCommander and amtider use when the device announces none.</summary>
    public const int DefaultChunkSize = 8192;

    private readonly AtapiTransfer transfer;
    private readonly long startTimestamp = Stopwatch.GetTimestamp();
    private AtapiSense pendingUnitAttention;
    private AtapiSense lastSense;
    private bool newMediaEvent;
    private bool removalPrevented;
    private int generation;
    private long bytesServed;
    private long lastLba = -1;
    private long readCommands;
    private long firstServedTimestamp;
    private long lastServedTimestamp;

    public AtapiDisk(AtapiDeviceKind kind, IIderMedium? medium, int maxChunkSize = DefaultChunkSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxChunkSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxChunkSize, IderFrames.MaxDataLength);
        Kind = kind;
        transfer = new AtapiTransfer(this, maxChunkSize);
        ChangeMedium(medium);
    }

    public AtapiDeviceKind Kind { get; }

    public int SectorSize => Kind.SectorSize();

    /// <summary>The drive register value of this device in 0x51 and 0x54.</summary>
    public byte Drive => Kind.Drive();

    public IIderMedium? Medium { get; private set; }

    public long Sectors => Medium is null ? 0 : Medium.Length / SectorSize;

    /// <summary>Bytes per 0x54 chunk; set it to the read buffer size of the device's 0x41.</summary>
    public int MaxChunkSize
    {
        get => transfer.MaxChunkSize;
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, IderFrames.MaxDataLength);
            transfer.MaxChunkSize = value;
        }
    }

    internal int Generation => Volatile.Read(ref generation);

    /// <summary>Inserts (or with null, removes) a medium: the host sees 06/28/00 once and a new-media event.</summary>
    public void ChangeMedium(IIderMedium? medium)
    {
        if (medium is not null && (medium.Length % SectorSize != 0 || medium.Length == 0))
        {
            throw new ArgumentException($"a {Kind.Describe()} medium holds whole {SectorSize}-byte sectors", nameof(medium));
        }

        Medium = medium;
        removalPrevented = false;
        newMediaEvent = medium is not null;
        pendingUnitAttention = medium is not null ? AtapiSense.MediumChanged : AtapiSense.None;
    }

    /// <summary>
    /// The host reset the device (0x46): any transfer in progress ends, the lock is released, and the next command
    /// gets 06/29/00 once.
    /// </summary>
    public void Reset()
    {
        Interlocked.Increment(ref generation);
        transfer.Abort();
        removalPrevented = false;
        lastSense = AtapiSense.None;
        pendingUnitAttention = AtapiSense.PowerOnReset;
    }

    /// <summary>
    /// What has been served so far. The rate is over the time the host was reading (first to last chunk served), so
    /// it does not fall while the host is idle.
    /// </summary>
    public IderProgress GetProgress()
    {
        var served = Interlocked.Read(ref bytesServed);
        var first = Interlocked.Read(ref firstServedTimestamp);
        var last = Interlocked.Read(ref lastServedTimestamp);
        var reading = first == 0 || last <= first ? TimeSpan.Zero : Stopwatch.GetElapsedTime(first, last);
        var rate = reading > TimeSpan.Zero ? served / reading.TotalSeconds : 0;
        return new IderProgress(served, rate, Interlocked.Read(ref lastLba), Interlocked.Read(ref readCommands), Stopwatch.GetElapsedTime(startTimestamp));
    }

    internal void RecordServed(long endOffset, int count)
    {
        if (Interlocked.Read(ref firstServedTimestamp) == 0)
        {
            Interlocked.CompareExchange(ref firstServedTimestamp, Stopwatch.GetTimestamp(), 0);
        }

        Interlocked.Add(ref bytesServed, count);
        Interlocked.Exchange(ref lastServedTimestamp, Stopwatch.GetTimestamp());
        Interlocked.Exchange(ref lastLba, (endOffset - 1) / SectorSize);
    }

    /// <summary>
    /// Executes one command packet and returns its outcome; read the data with
    /// <see cref="AtapiTransfer.ReadChunkAsync"/>. The returned object is reused by the next call.
    /// </summary>
    public ValueTask<AtapiTransfer> ExecuteAsync(AtapiCdb cdb, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Execute(cdb);
        lastSense = transfer.Sense;
        return ValueTask.FromResult(transfer);
    }
}
