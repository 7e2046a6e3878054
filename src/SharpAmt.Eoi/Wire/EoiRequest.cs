namespace SharpAmt.Eoi.Wire;

/// <summary>A call: the operation and its arguments in the order they travel.</summary>
public sealed record EoiRequest(EoiOperation Operation, IReadOnlyList<EoiElement> Arguments)
{
    public EoiRequest(EoiOperation operation)
        : this(operation, [])
    {
    }

    /// <summary>The first argument of that name, or null.</summary>
    public EoiElement? Argument(string name) => Arguments.FirstOrDefault(argument => argument.Name == name);

    public bool Equals(EoiRequest? other) => other is not null && Operation == other.Operation && Arguments.SequenceEqual(other.Arguments);

    public override int GetHashCode() => HashCode.Combine(Operation, Arguments.Count);
}
