using System.Buffers;
using SharpAmt.Redirection.Ider.Client;
using SharpAmt.Redirection.Ider.Device;
using SharpAmt.Redirection.Ider.Wire;
using SharpAmt.Redirection.Ider.Wire.Messages;

namespace SharpAmt.Redirection.Tests.Ider.Support;

/// <summary>
/// Connects a simulated host to a client responder in one process through the real codec, without a network:
/// each command is written as a 0x50 and read back, and each answer the client sends is cut with
/// <see cref="IderFrames.TryGetLength(ReadOnlySequence{byte}, out long)"/> and decoded as the device would.
/// </summary>
internal sealed class InProcessIderLink : IIderFrameSink
{
    private readonly IderCommandResponder responder;
    private readonly byte[] commandBuffer = new byte[IderCommandWritten.Size];
    private byte[] frame = new byte[IderDataToHost.HeaderSize + IderFrames.MaxDataLength];
    private uint clientSequence;
    private uint deviceSequence;
    private Memory<byte> hostData;
    private int received;
    private AtapiSense? status;
    private readonly byte drive;

    public InProcessIderLink(IderCommandResponder responder, bool cdrom = true, bool dma = false)
    {
        this.responder = responder;
        drive = cdrom ? AtaRegisters.DriveCdrom : AtaRegisters.DriveFloppy;
        Dma = dma;
    }

    public bool Dma { get; }

    /// <summary>Frames the client sent, of each type.</summary>
    public Dictionary<IderMessageType, int> FramesSent { get; } = [];

    public async ValueTask<AtapiReply> SendAsync(AtapiCdb cdb, Memory<byte> data, CancellationToken cancellationToken)
    {
        var command = new IderCommandWritten(deviceSequence++, cdb, drive, Feature: Dma ? (byte)1 : (byte)0);
        command.Write(commandBuffer);
        var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(commandBuffer));
        if (!IderCommandWritten.TryRead(ref reader, out var decoded))
        {
            throw new InvalidOperationException("a whole 0x50 did not decode");
        }

        hostData = data;
        received = 0;
        status = null;
        await responder.RespondAsync(decoded, this, cancellationToken);
        return status is { } sense ? new AtapiReply(received, sense) : throw new InvalidOperationException("the client never completed the command");
    }

    public uint NextSequence() => clientSequence++;

    public Memory<byte> GetBuffer(int size)
    {
        if (frame.Length < size)
        {
            frame = new byte[size];
        }

        return frame;
    }

    public ValueTask SendAsync(int size, CancellationToken cancellationToken = default)
    {
        var sequence = new ReadOnlySequence<byte>(frame, 0, size);
        if (!IderFrames.TryGetLength(sequence, out var length) || length != size)
        {
            throw new InvalidOperationException($"the client sent {size} bytes, not one whole message");
        }

        var reader = new SequenceReader<byte>(sequence);
        var type = (IderMessageType)frame[0];
        FramesSent[type] = FramesSent.GetValueOrDefault(type) + 1;
        switch (type)
        {
            case IderMessageType.IDER_DATA_TO_HOST:
                IderDataToHost.TryRead(ref reader, out var chunk);
                if (status is not null)
                {
                    throw new InvalidOperationException("data after the command completed");
                }

                var take = (int)Math.Min(chunk.Data.Length, hostData.Length - received);
                chunk.Data.Slice(0, take).CopyTo(hostData.Span[received..]);
                received += take;
                if (chunk.IsCompleted)
                {
                    status = chunk.Sense;
                }

                break;
            case IderMessageType.IDER_COMMAND_END_RESPONSE:
                IderCommandEndResponse.TryRead(ref reader, out var end);
                status = end.Sense;
                break;
            default:
                throw new InvalidOperationException($"unexpected client message {type}");
        }

        return ValueTask.CompletedTask;
    }
}
