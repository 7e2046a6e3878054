using System.Numerics;

namespace SharpAmt;

/// <summary>
/// The displays a device reports connected (IPS_ScreenSettingData.IsActive, AMT 8 and later), by the number
/// <see cref="KvmSettings.DefaultScreen"/> selects them with: IsActive[i] is display i, as MeshCommander reads it.
/// </summary>
public readonly record struct KvmDisplays
{
    private readonly uint _mask;

    private KvmDisplays(uint mask) => _mask = mask;

    /// <summary>From the IsActive array, in order; entries past the 32nd are ignored (AMT sends four).</summary>
    public static KvmDisplays FromIsActive(IEnumerable<bool> isActive)
    {
        ArgumentNullException.ThrowIfNull(isActive);
        var mask = 0u;
        var index = 0;
        foreach (var active in isActive.Take(32))
        {
            mask |= active ? 1u << index : 0;
            index++;
        }

        return new KvmDisplays(mask);
    }

    /// <summary>How many displays are connected.</summary>
    public int Count => BitOperations.PopCount(_mask);

    public bool Contains(int display) => display is >= 0 and < 32 && (_mask & 1u << display) != 0;

    /// <summary>The connected displays' numbers, lowest first.</summary>
    public IReadOnlyList<int> Numbers => Enumerable.Range(0, 32).Where(Contains).ToArray();

    public override string ToString() => Count == 0 ? "none" : string.Join(", ", Numbers);
}
