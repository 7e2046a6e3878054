using SharpAmt.Transport;

namespace SharpAmt.Redirection.Sol;

/// <summary>The console did not show what a script waited for, in time or before the session ended.</summary>
public sealed class SolExpectationException : AmtException
{
    public SolExpectationException(string endpoint, string pattern, string message)
        : base(message)
    {
        Endpoint = endpoint;
        Pattern = pattern;
    }

    public string Endpoint { get; }

    public string Pattern { get; }
}
