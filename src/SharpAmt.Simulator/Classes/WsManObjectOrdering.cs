using SharpAmt.WsMan.Wire;

namespace SharpAmt.Simulator.Classes;

internal static class WsManObjectOrdering
{
    /// <summary>
    /// Sets a property, inserting it where AMT would put a property the recording lacks: AMT writes an
    /// instance's properties in ordinal order of their names.
    /// </summary>
    public static WsManObject WithInOrder(this WsManObject instance, string name, IReadOnlyList<string> values)
    {
        var others = instance.Properties.Where(property => property.Name != name).ToList();
        var at = others.FindIndex(property => string.CompareOrdinal(property.Name, name) > 0);
        if (at < 0)
        {
            at = others.Count;
        }

        others.InsertRange(at, values.Select(value => WsManElement.Leaf(name, instance.Namespace, value)));
        return new WsManObject(instance.Name, instance.Namespace, others);
    }

    public static WsManObject WithInOrder(this WsManObject instance, string name, string value) => instance.WithInOrder(name, [value]);
}
