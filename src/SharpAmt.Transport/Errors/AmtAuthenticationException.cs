namespace SharpAmt.Transport;

/// <summary>The device refused the credentials (wrong user or password, or the account is locked out).</summary>
public sealed class AmtAuthenticationException : AmtException
{
    public AmtAuthenticationException(string endpoint, string user, string message)
        : base(message)
    {
        Endpoint = endpoint;
        User = user;
    }

    public string Endpoint { get; }

    public string User { get; }
}
