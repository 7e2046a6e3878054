namespace SharpAmt.Eoi.Wire;

/// <summary>A reply: the PT_STATUS and, on success, the out-parameters in the order amttool reads them.</summary>
public sealed record EoiResponse(EoiOperation Operation, uint Status, IReadOnlyList<EoiElement> OutParameters)
{
    public EoiResponse(EoiOperation operation, params EoiElement[] outParameters)
        : this(operation, 0, outParameters)
    {
    }

    /// <summary>A refusal carries the status alone.</summary>
    public static EoiResponse Refused(EoiOperation operation, uint status) => new(operation, status, []);

    /// <summary>The first out-parameter of that name, or null.</summary>
    public EoiElement? OutParameter(string name) => OutParameters.FirstOrDefault(parameter => parameter.Name == name);

    public bool Equals(EoiResponse? other) =>
        other is not null && Operation == other.Operation && Status == other.Status && OutParameters.SequenceEqual(other.OutParameters);

    public override int GetHashCode() => HashCode.Combine(Operation, Status, OutParameters.Count);
}
