namespace SharpAmt.Transport;

/// <summary>A user name and password. The password never appears in <see cref="ToString"/>.</summary>
public sealed class AmtCredentials
{
    public AmtCredentials(string user, string password)
    {
        User = user;
        Password = password;
    }

    public string User { get; }

    public string Password { get; }

    public override string ToString() => $"{User} (password hidden)";
}
