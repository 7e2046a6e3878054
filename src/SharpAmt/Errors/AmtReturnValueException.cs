using SharpAmt.Transport;

namespace SharpAmt;

/// <summary>A method ran and returned a non-zero ReturnValue.</summary>
public sealed class AmtReturnValueException : AmtCommandException
{
    public AmtReturnValueException(string endpoint, string className, string method, uint returnValue, string? explanation = null)
        : base($"{endpoint}: {className}.{method} returned {returnValue} ({explanation ?? ReturnCodes.Describe(className, returnValue)})")
    {
        ClassName = className;
        Method = method;
        ReturnValue = returnValue;
    }

    public string ClassName { get; }

    public string Method { get; }

    public uint ReturnValue { get; }
}
