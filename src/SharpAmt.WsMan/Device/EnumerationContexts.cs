using System.Buffers.Binary;
using SharpAmt.WsMan.Wire;

namespace SharpAmt.WsMan.Device;

/// <summary>
/// Open enumerations of one device. Contexts look like AMT's: a little-endian counter as 8 upper-case hex
/// digits followed by <c>-0000-0000-0000-000000000000</c>, 36 characters, as amtc copies exactly that many.
/// </summary>
public sealed class EnumerationContexts
{
    private const int Capacity = 128;

    private readonly Lock _lock = new();
    private readonly Dictionary<string, Pending> _open = new(StringComparer.OrdinalIgnoreCase);
    private readonly Queue<string> _order = new();
    private readonly TimeProvider _time;
    private uint _counter;

    public EnumerationContexts(TimeProvider? time = null, uint firstCounter = 1)
    {
        _time = time ?? TimeProvider.System;
        _counter = firstCounter;
    }

    /// <summary>How long an enumeration stays open without a Pull.</summary>
    public TimeSpan Lifetime { get; init; } = TimeSpan.FromMinutes(10);

    public string Open(ServedEnumeration enumeration, EnumerationMode mode)
    {
        lock (_lock)
        {
            Span<byte> counter = stackalloc byte[4];
            BinaryPrimitives.WriteUInt32LittleEndian(counter, _counter++);
            var context = Convert.ToHexString(counter) + "-0000-0000-0000-000000000000";
            _open[context] = new Pending(enumeration, mode, _time.GetUtcNow());
            _order.Enqueue(context);
            while (_order.Count > Capacity)
            {
                _open.Remove(_order.Dequeue());
            }

            return context;
        }
    }

    /// <summary>Takes up to <paramref name="maxElements"/> items (all when null); false for an unknown or expired context.</summary>
    public bool TryPull(string context, int? maxElements, out IReadOnlyList<PulledItem> items, out bool endOfSequence, out bool declaresCommon)
    {
        lock (_lock)
        {
            items = [];
            endOfSequence = true;
            declaresCommon = false;
            if (!_open.TryGetValue(context, out var pending) || _time.GetUtcNow() - pending.LastUsed > Lifetime)
            {
                _open.Remove(context);
                return false;
            }

            var all = pending.Enumeration.Items;
            var take = Math.Min(maxElements ?? int.MaxValue, all.Count - pending.Position);
            items = all.Skip(pending.Position).Take(take).Select(item => pending.Shape(item)).ToArray();
            pending.Position += take;
            pending.LastUsed = _time.GetUtcNow();
            declaresCommon = pending.Enumeration.DeclaresCommonNamespace;
            endOfSequence = pending.Position >= all.Count;
            if (endOfSequence)
            {
                _open.Remove(context);
            }

            return true;
        }
    }

    public bool Release(string context)
    {
        lock (_lock)
        {
            return _open.Remove(context);
        }
    }

    public int OpenCount
    {
        get
        {
            lock (_lock)
            {
                return _open.Count;
            }
        }
    }

    private sealed class Pending(ServedEnumeration enumeration, EnumerationMode mode, DateTimeOffset opened)
    {
        public ServedEnumeration Enumeration { get; } = enumeration;

        /// <summary>The item as the enumeration mode asks for it: the object, its reference, or both.</summary>
        public PulledItem Shape(ServedInstance item) => mode switch
        {
            EnumerationMode.ObjectsAndReferences => new PulledItem(item.Object, item.Reference),
            EnumerationMode.References => new PulledItem(null, item.Reference),
            _ => new PulledItem(item.Object, null),
        };

        public int Position { get; set; }

        public DateTimeOffset LastUsed { get; set; } = opened;
    }
}
