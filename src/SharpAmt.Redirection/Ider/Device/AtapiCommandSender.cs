using SharpAmt.Redirection.Ider.Wire;

namespace SharpAmt.Redirection.Ider.Device;

/// <summary>What the host got back for one command: the data bytes it received and the final sense (none = GOOD).</summary>
public readonly record struct AtapiReply(int Length, AtapiSense Sense)
{
    public bool IsGood => Sense.IsGood;
}

/// <summary>
/// Sends one command packet to the IDE-R client and collects its answer: data-in bytes into <paramref name="data"/>
/// (at most its length) and the status. The device side (the simulator's ME) implements it over a session; tests
/// over an in-process client.
/// </summary>
public delegate ValueTask<AtapiReply> AtapiCommandSender(AtapiCdb cdb, Memory<byte> data, CancellationToken cancellationToken);
