using System.Buffers;
using System.Text;

namespace SharpAmt.Transport.Tests.Support;

/// <summary>Builds byte sequences the way a socket delivers them: in segments split at chosen positions.</summary>
public static class Segments
{
    public static byte[] Latin1(string text) => Encoding.Latin1.GetBytes(text);

    public static ReadOnlySequence<byte> Of(string text, params int[] splits) => Of(Latin1(text), splits);

    /// <summary>A sequence over <paramref name="bytes"/> cut at each (ascending, distinct) split position.</summary>
    public static ReadOnlySequence<byte> Of(byte[] bytes, params int[] splits)
    {
        var cuts = splits.Where(split => split > 0 && split < bytes.Length).Distinct().Order().ToList();
        if (cuts.Count == 0)
        {
            return new ReadOnlySequence<byte>(bytes);
        }

        cuts.Add(bytes.Length);
        var first = new Segment(bytes.AsMemory(0, cuts[0]), 0);
        var last = first;
        for (var i = 1; i < cuts.Count; i++)
        {
            last = last.Append(bytes.AsMemory(cuts[i - 1], cuts[i] - cuts[i - 1]));
        }

        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }

    /// <summary>Every byte in its own segment.</summary>
    public static ReadOnlySequence<byte> OneBytePerSegment(byte[] bytes) => Of(bytes, Enumerable.Range(1, Math.Max(0, bytes.Length - 1)).ToArray());

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }
}
