namespace SharpAmt.Cli.Infrastructure;

/// <summary>A failure the command already explains in one line; <see cref="ExitCode"/> says which kind it is.</summary>
internal class CliException : Exception
{
    public CliException(string message, int exitCode, Exception? innerException = null)
        : base(message, innerException)
    {
        ExitCode = exitCode;
    }

    public int ExitCode { get; }
}

/// <summary>Bad input found before any request was sent: configuration, password source, arguments.</summary>
internal sealed class UsageException : CliException
{
    public UsageException(string message, Exception? innerException = null)
        : base(message, ExitCodes.UsageError, innerException)
    {
    }
}
