using System.Collections;

namespace SharpAmt.WsMan.Wire;

/// <summary>An ordered set of selectors addressing one instance.</summary>
public sealed class SelectorSet : IReadOnlyList<Selector>
{
    private readonly Selector[] _selectors;

    public SelectorSet(IEnumerable<Selector> selectors)
    {
        _selectors = selectors.ToArray();
    }

    public static SelectorSet Empty { get; } = new([]);

    public int Count => _selectors.Length;

    public Selector this[int index] => _selectors[index];

    public static SelectorSet Of(params (string Name, string Value)[] selectors) =>
        new(selectors.Select(selector => new Selector(selector.Name, selector.Value)));

    public string? Value(string name)
    {
        foreach (var selector in _selectors)
        {
            if (string.Equals(selector.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return selector.Value;
            }
        }

        return null;
    }

    /// <summary>The reference of an EPR-valued selector (association keys), or null.</summary>
    public EndpointReference? Reference(string name)
    {
        foreach (var selector in _selectors)
        {
            if (string.Equals(selector.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return selector.Reference;
            }
        }

        return null;
    }

    /// <summary>
    /// True when every selector given here names a key of <paramref name="instanceKeys"/> with the same value:
    /// real clients send partial selector sets (amtctrl sends only Name), and AMT accepts them. An EPR-valued
    /// selector (an association's ManagedElement or SettingData) must designate the key's reference.
    /// </summary>
    public bool IsSatisfiedBy(SelectorSet instanceKeys)
    {
        foreach (var selector in _selectors)
        {
            if (selector.Reference is { } wanted)
            {
                if (instanceKeys.Reference(selector.Name) is not { } held || !wanted.Designates(held))
                {
                    return false;
                }

                continue;
            }

            var value = instanceKeys.Value(selector.Name);
            if (value is null || !string.Equals(value, selector.Value, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    public IEnumerator<Selector> GetEnumerator() => ((IEnumerable<Selector>)_selectors).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => string.Join(", ", _selectors.Select(selector => selector.ToString()));
}
